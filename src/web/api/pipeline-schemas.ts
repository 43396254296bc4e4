// The pipeline API's schemas (docs/pipeline.md): entries as the public sees them (no editors' addresses), the
// write body editors send, and the central pipeline's filters.
import { Type, type TSchema } from 'typebox';
import { CONFIDENCE_LEVELS, PIPELINE_STATUSES, ROUTE_IDS } from '../../domain/pipeline.js';
import { PIPELINE_LIMITS } from '../../services/pipeline/pipeline-input.js';
import { PIPELINE_MAX_PAGE_SIZE } from '../../services/pipeline/pipeline.service.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Money = Type.String({
  pattern: '^\\d+(\\.\\d{1,2})?$',
  description: 'Pounds incl. VAT, exact decimal.',
});

export const PipelineEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    organisationId: Type.Integer(),
    organisationName: Type.String(),
    title: Type.String(),
    description: Nullable(Type.String()),
    cpvCode: Nullable(Type.String()),
    deliveryRegion: Nullable(Type.String()),
    valueMin: Nullable(Type.String()),
    valueMax: Nullable(Type.String()),
    currency: Type.String(),
    procurementStart: Nullable(Day),
    contractStart: Nullable(Day),
    contractEnd: Nullable(Day),
    route: Nullable(Type.String()),
    status: Literals(PIPELINE_STATUSES),
    confidence: Nullable(Type.String()),
    linkedOcids: Type.Array(Type.String()),
    innovation: Type.Boolean(),
    published: Type.Boolean(),
    missions: Type.Object(
      { missionIds: Type.Array(Type.String()), outcomeIds: Type.Array(Type.String()) },
      { description: 'Missions and outcomes the entry is tagged with (ids of the standards catalogue).' },
    ),
    version: Type.Integer({
      description: 'Send it back with a change: a save from an older version gets 409.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'PipelineEntry' },
);

export const PipelinePageSchema = Type.Object({
  items: Type.Array(Type.Ref('PipelineEntry')),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

const pageFields = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PIPELINE_MAX_PAGE_SIZE, default: 50 })),
};
export const PageQuery = Type.Object(pageFields);

export const CentralQuery = Type.Object({
  ...pageFields,
  cpv: Type.Optional(Type.String({ pattern: '^\\d{2,8}$', description: 'CPV code prefix.' })),
  region: Type.Optional(Type.String({ pattern: '^(UK|TL)[A-Z0-9]{0,3}$', description: 'ITL code prefix.' })),
  valueFrom: Type.Optional(Money),
  valueTo: Type.Optional(Money),
  startFrom: Type.Optional(Day),
  startTo: Type.Optional(Day),
  mission: Type.Optional(Type.String({ maxLength: 80, description: 'Entries tagged with this mission.' })),
});

const entryFields = {
  title: Type.String({ minLength: 1, maxLength: PIPELINE_LIMITS.title }),
  description: Type.Optional(Nullable(Type.String({ maxLength: PIPELINE_LIMITS.description }))),
  cpvCode: Type.Optional(Nullable(Type.String({ maxLength: 12 }))),
  deliveryRegion: Type.Optional(Nullable(Type.String({ maxLength: 7 }))),
  valueMin: Type.Optional(Nullable(Money)),
  valueMax: Type.Optional(Nullable(Money)),
  procurementStart: Type.Optional(Nullable(Day)),
  contractStart: Type.Optional(Nullable(Day)),
  contractEnd: Type.Optional(Nullable(Day)),
  route: Type.Optional(Nullable(Literals(ROUTE_IDS))),
  status: Type.Optional(Literals(PIPELINE_STATUSES)),
  confidence: Type.Optional(Nullable(Literals(CONFIDENCE_LEVELS))),
  linkedOcids: Type.Optional(
    Type.Array(Type.String({ maxLength: PIPELINE_LIMITS.ocid }), { maxItems: PIPELINE_LIMITS.ocids }),
  ),
  innovation: Type.Optional(Type.Boolean()),
  published: Type.Optional(Type.Boolean()),
};
export const PipelineEntryBody = Type.Object(entryFields, { additionalProperties: false });

export const PipelineUpdateBody = Type.Object(
  {
    ...entryFields,
    version: Type.Integer({ minimum: 1, description: 'The version the change was made from.' }),
  },
  { additionalProperties: false },
);

export const OrgParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const EntryParams = Type.Object({ entryId: Type.Integer({ minimum: 1 }) });
