// The API's schemas (TypeBox): one definition validates requests, shapes responses and documents the OpenAPI.
import { Type, type TSchema } from 'typebox';
import {
  BUYER_TYPE_MAX,
  LEAGUE_MAX_PAGE,
  LEAGUE_MAX_PAGE_SIZE,
  LEAGUE_SORTS,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MAX_TEXT,
  SORT_KEYS,
} from '../../services/index.js';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const DateTime = Nullable(Type.String({ format: 'date-time' }));
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

// Data-quality scorecards (docs/quality-checks.md, "Scorecard").
export const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
export const Score = Nullable(
  Type.Number({ minimum: 0, maximum: 100, description: '0–100, one decimal; null when no check applied.' }),
);

export const LeagueQuery = Type.Object(
  {
    sort: Type.Optional(Type.Union(LEAGUE_SORTS.map((k) => Type.Literal(k)))),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: LEAGUE_MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: LEAGUE_MAX_PAGE_SIZE, default: 25 })),
    asOf: Type.Optional({ ...Day, description: 'Judge as of this day (default: today).' }),
    buyerType: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: BUYER_TYPE_MAX,
        description:
          'Only buyers of this type (one of `buyerTypes` in the answer). Ranks stay among all buyers.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const League = Type.Object({
  asOf: Day,
  items: Type.Array(
    Type.Object({
      rank: Nullable(Type.Integer({ description: '1 + organisations with a higher score.' })),
      id: Type.Integer(),
      name: Type.String(),
      buyerType: Nullable(Type.String()),
      score: Score,
      failures: Type.Integer({ description: 'Failed (record, check) pairs.' }),
      notComputable: Type.Integer(),
      checksScored: Type.Integer(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  sort: Type.String(),
  order: Type.String(),
  buyerType: Nullable(Type.String({ description: 'The buyer-type filter applied.' })),
  buyerTypes: Type.Array(Type.Object({ buyerType: Type.String(), organisations: Type.Integer() }), {
    description: 'Buyer types of the scored organisations, with how many have each (for the filter).',
  }),
});

export const OrganisationParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const AsOfQuery = Type.Object({ asOf: Type.Optional(Day) }, { additionalProperties: false });

export const Scorecard = Type.Object({
  asOf: Day,
  organisation: Type.Object({ id: Type.Integer(), name: Type.String(), buyerType: Nullable(Type.String()) }),
  officer: Nullable(
    Type.Object({
      name: Type.String(),
      role: Type.String(),
      email: Type.String(),
      phone: Nullable(Type.String()),
      updatedAt: Type.String({ format: 'date-time' }),
      updatedBy: Type.String(),
    }),
  ),
  score: Score,
  checksScored: Type.Integer(),
  failures: Type.Integer(),
  notComputable: Type.Integer(),
  checks: Type.Array(
    Type.Object({
      checkId: Type.String(),
      title: Type.String(),
      category: Type.String(),
      severity: Type.String(),
      weight: Type.Integer(),
      applicable: Type.Integer({ description: 'passed + failed' }),
      passed: Type.Integer(),
      failed: Type.Integer(),
      notComputable: Type.Integer(),
      notYetDue: Type.Integer(),
      outOfScope: Type.Integer(),
      passRate: Nullable(Type.Number()),
      failingOcids: Type.Array(Type.String()),
      failingSubjects: Type.Array(Type.String()),
    }),
  ),
  trend: Type.Array(Type.Object({ quarter: Type.String(), asOf: Day, score: Score })),
  peers: Type.Object({
    buyerType: Nullable(Type.String()),
    peers: Type.Integer(),
    median: Score,
    percentile: Nullable(Type.Integer()),
  }),
});
