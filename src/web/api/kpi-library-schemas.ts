// The KPI library API's schemas (docs/kpi-library.md, docs/api.md): templates with their four rating thresholds,
// buyers' attached copies, and the bodies the central team and buyers' editors send.
import { Type } from 'typebox';
import { KPI_LIMITS } from '../../services/kpis/kpi-input.js';
import { LIBRARY_MAX_PAGE_SIZE } from '../../services/kpis/kpi-library.service.js';

const Example = Type.Object({ text: Type.String(), why: Type.String() });
const Direction = Type.Union([Type.Literal('higher'), Type.Literal('lower')]);
const thresholds = {
  target: Type.Number({ description: '“Good” (UK9 `met`) from this value, in the KPI’s direction.' }),
  slightlyBelow: Type.Number({ description: '“Approaching target” (`slightlyBelow`) from this value.' }),
  below: Type.Number({
    description:
      '“Requires improvement” (`below`) from this value; worse is “inadequate” (`significantlyBelow`).',
  }),
};

export const KpiTemplateSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    outcomeStatement: Type.String(),
    measure: Type.String(),
    unit: Type.String(),
    direction: Direction,
    ...thresholds,
    frequency: Type.String(),
    category: Type.String(),
    cpvDivisions: Type.Array(Type.String(), { description: 'CPV divisions; empty: every category.' }),
    outcomeIds: Type.Array(Type.String(), { description: 'Outcome ids of the standards catalogue.' }),
    missionIds: Type.Array(Type.String()),
    good: Example,
    bad: Example,
    source: Type.String(),
    template: Type.Literal(true, { description: 'Every library item is a template to copy and tailor.' }),
    status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
    version: Type.Integer({
      description: 'Send it back with a change: a save from an older version gets 409.',
    }),
    seeded: Type.Boolean({ description: 'From the starter set (data/reference/kpi-library).' }),
  },
  { $id: 'KpiTemplate' },
);

export const KpiLibraryPage = Type.Object({
  items: Type.Array(Type.Ref('KpiTemplate')),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const KpiLibraryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words, each matched as a word prefix.' })),
  cpv: Type.Optional(Type.String({ pattern: '^\\d{2,8}$', description: 'CPV division or code.' })),
  outcome: Type.Optional(Type.String({ maxLength: 120 })),
  mission: Type.Optional(Type.String({ maxLength: 80 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: LIBRARY_MAX_PAGE_SIZE, default: 20 })),
});

const text = (max: number) => Type.String({ maxLength: max });
const templateFields = {
  name: text(KPI_LIMITS.name),
  outcomeStatement: text(KPI_LIMITS.text),
  measure: text(KPI_LIMITS.text),
  unit: Type.Optional(text(KPI_LIMITS.short)),
  direction: Direction,
  ...thresholds,
  frequency: text(KPI_LIMITS.short),
  category: text(KPI_LIMITS.short),
  cpvDivisions: Type.Optional(
    Type.Array(Type.String({ pattern: '^\\d{2}$' }), { maxItems: KPI_LIMITS.list }),
  ),
  outcomeIds: Type.Array(Type.String({ maxLength: 120 }), { minItems: 1, maxItems: KPI_LIMITS.list }),
  good: Example,
  bad: Example,
  source: text(KPI_LIMITS.text),
};
export const KpiTemplateBody = Type.Object(
  { ...templateFields, slug: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,60}$' })) },
  { additionalProperties: false },
);
export const KpiTemplateUpdateBody = Type.Object(
  {
    ...templateFields,
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired')])),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const AttachedKpiSchema = Type.Object(
  {
    id: Type.Integer(),
    organisationId: Type.Integer(),
    pipelineEntryId: Type.Union([Type.Integer(), Type.Null()]),
    ocid: Type.Union([Type.String(), Type.Null()]),
    templateId: Type.String({ description: 'The library template this is a copy of.' }),
    templateVersion: Type.Integer(),
    name: Type.String(),
    measure: Type.String(),
    unit: Type.String(),
    direction: Direction,
    ...thresholds,
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'AttachedKpi' },
);

export const AttachedList = Type.Object({
  organisationId: Type.Integer(),
  title: Type.String(),
  kpis: Type.Array(Type.Ref('AttachedKpi')),
});

const tailoring = {
  name: Type.Optional(text(KPI_LIMITS.name)),
  measure: Type.Optional(text(KPI_LIMITS.text)),
  target: Type.Optional(Type.Number()),
  slightlyBelow: Type.Optional(Type.Number()),
  below: Type.Optional(Type.Number()),
};
export const AttachBody = Type.Object(
  { templateId: Type.String({ maxLength: 120 }), ...tailoring },
  { additionalProperties: false },
);
export const TailorBody = Type.Object(
  {
    name: text(KPI_LIMITS.name),
    measure: text(KPI_LIMITS.text),
    ...thresholds,
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export const MissionsBody = Type.Object(
  {
    missionIds: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 20 })),
    outcomeIds: Type.Optional(Type.Array(Type.String({ maxLength: 120 }), { maxItems: 40 })),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const TemplateParams = Type.Object({ id: Type.String({ maxLength: 120 }) });
export const AttachedParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const OcidParams = Type.Object({ ocid: Type.String({ maxLength: 200 }) });
