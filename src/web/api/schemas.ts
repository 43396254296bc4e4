// The API's schemas (TypeBox): one definition validates requests, shapes responses and documents the OpenAPI.
import { Type, type TSchema } from 'typebox';
import { MAX_PAGE, MAX_PAGE_SIZE, MAX_TEXT, SORT_KEYS } from '../../services/index.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Nullable(Type.String({ format: 'date-time' }));
const Text = (description: string) => Type.Optional(Type.String({ maxLength: MAX_TEXT, description }));

export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { $id: 'Error', description: 'What went wrong: a stable code and a message for people.' },
);

export const ContractListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: MAX_TEXT,
        description: 'Words in the title or description (web search syntax: "quoted phrase", -exclude, or).',
      }),
    ),
    buyer: Text('Part of the buyer name.'),
    buyerId: Type.Optional(Type.Integer({ minimum: 1, description: 'Organisation id of the buyer.' })),
    supplier: Text('Part of a supplier name.'),
    supplierId: Type.Optional(Type.Integer({ minimum: 1 })),
    cpv: Type.Optional(
      Type.String({ maxLength: 10, description: 'CPV division, group, class or code (72, 7221, 72212000).' }),
    ),
    minValue: Type.Optional(
      Type.String({ maxLength: 30, description: 'Pounds; compared with the best known value.' }),
    ),
    maxValue: Type.Optional(Type.String({ maxLength: 30 })),
    endFrom: Type.Optional(
      Type.String({ format: 'date', description: 'Contract ends on or after (YYYY-MM-DD).' }),
    ),
    endTo: Type.Optional(Type.String({ format: 'date' })),
    sort: Type.Optional(Type.Union(SORT_KEYS.map((k) => Type.Literal(k)))),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })),
  },
  { additionalProperties: false },
);

const OrganisationRef = Type.Object({ id: Type.Integer(), name: Type.String() });

export const ContractSummary = Type.Object(
  {
    ocid: Type.String({ description: 'Open Contracting ID of the contracting process.' }),
    title: Nullable(Type.String()),
    buyer: Nullable(OrganisationRef),
    value: Nullable(
      Type.Object({
        amount: Type.String({ description: 'Exact decimal.' }),
        currency: Nullable(Type.String()),
        basis: Type.String({ description: 'contract, award, tender or tender-gross.' }),
      }),
    ),
    status: Nullable(Type.String()),
    procurementMethod: Nullable(Type.String()),
    procurementMethodDetails: Nullable(Type.String()),
    cpvMain: Nullable(Type.String()),
    contractStart: DateTime,
    contractEnd: DateTime,
    contractMaxExtent: DateTime,
    noticeTypes: Type.Array(Type.String(), { description: 'Procurement Act notice codes (UK1…UK17).' }),
    releaseTags: Type.Array(Type.String()),
    firstPublished: DateTime,
    lastUpdated: DateTime,
    source: Type.String(),
    synthetic: Type.Boolean(),
  },
  { $id: 'ContractSummary' },
);

export const ContractList = Type.Object({
  items: Type.Array(Type.Ref('ContractSummary')),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const OcidParams = Type.Object({ ocid: Type.String({ minLength: 1, maxLength: 300 }) });
export const ReleaseParams = Type.Object({
  ocid: Type.String({ minLength: 1, maxLength: 300 }),
  key: Type.Integer({ minimum: 1 }),
});

/** A JSON document passed through as stored (OCDS data): described, not reshaped. */
export const AnyObject = Type.Object({}, { additionalProperties: true });
