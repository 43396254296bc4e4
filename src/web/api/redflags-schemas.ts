// The red flags' API schemas (docs/red-flags.md, docs/api.md).
import { Type, type TSchema } from 'typebox';
import { FLAG_STATUSES, FLAGS_MAX_PAGE_SIZE } from '../../services/redflags-input.js';
import { NATIONAL_CAP, NATIONAL_SEVERITIES, NATIONAL_SORTS } from '../../services/redflags-national.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const FlagsQuery = Type.Object(
  {
    buyerId: Type.Optional(Type.Integer({ minimum: 1, description: 'The buyer’s organisation id.' })),
    ocid: Type.Optional(Type.String({ minLength: 1, maxLength: 250, description: 'One record.' })),
    status: Type.Optional(
      Type.Union(
        FLAG_STATUSES.map((s) => Type.Literal(s)),
        { default: 'flagged', description: 'Which results to list (the summary always counts all).' },
      ),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: FLAGS_MAX_PAGE_SIZE, default: 50 })),
  },
  { additionalProperties: false },
);

const Scope = Type.Union([Type.Literal('record'), Type.Literal('buyer')]);

export const Result = Type.Object({
  flagId: Type.String(),
  ocid: Nullable(Type.String({ description: 'The record; null for a buyer-level judgement.' })),
  status: Type.Union([Type.Literal('flagged'), Type.Literal('clear'), Type.Literal('not-applicable')]),
  reason: Type.Optional(Type.Union([Type.Literal('out-of-scope'), Type.Literal('not-computable')])),
  detail: Type.String(),
  subject: Type.Optional(Type.String()),
  missing: Type.Optional(Type.Array(Type.String(), { description: 'Fields needed (not computable).' })),
  evidence: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
  ocids: Type.Optional(Type.Array(Type.String(), { description: 'Records behind a buyer-level result.' })),
  rules: Type.Array(
    Type.Object({ id: Type.String(), value: Type.String(), configurableDefault: Type.Boolean() }),
  ),
});

const Report = Type.Object({
  kind: Type.Union([Type.Literal('buyer'), Type.Literal('record')]),
  buyer: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  ocid: Nullable(Type.String()),
  records: Type.Integer(),
  summary: Type.Array(
    Type.Object({
      flagId: Type.String(),
      title: Type.String(),
      scope: Scope,
      severity: Type.String(),
      flagged: Type.Integer(),
      clear: Type.Integer(),
      notComputable: Type.Integer(),
      outOfScope: Type.Integer(),
    }),
  ),
  status: Type.String(),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(Result),
});

const Definitions = Type.Object({
  kind: Type.Literal('definitions'),
  asOf: Type.String({ format: 'date' }),
  flags: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      scope: Scope,
      severity: Type.String(),
      definition: Type.String(),
      source: Type.String(),
      gaps: Type.Array(Type.String()),
      thresholds: Type.Array(
        Type.Object({
          id: Type.String(),
          title: Type.String(),
          value: Type.String(),
          unit: Type.String(),
          configurableDefault: Type.Boolean(),
          source: Type.String(),
        }),
      ),
    }),
  ),
});

export const FlagsAnswer = Type.Union([Report, Definitions]);

export const NationalFlagsQuery = Type.Object(
  {
    flag: Type.Optional(Type.String({ description: 'One flag id (GET /api/flags lists them).' })),
    severity: Type.Optional(
      Type.Union(
        NATIONAL_SEVERITIES.map((s) => Type.Literal(s)),
        { description: 'The flags of one severity.' },
      ),
    ),
    buyerId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'One buyer (merged organisations followed).' }),
    ),
    cpv: Type.Optional(Type.String({ maxLength: 20, description: 'Main CPV code prefix, 2 to 8 digits.' })),
    region: Type.Optional(
      Type.String({
        maxLength: 7,
        description: 'ITL or NUTS code prefix: a place of performance of the record, or the buyer’s region.',
      }),
    ),
    sort: Type.Optional(
      Type.Union(
        NATIONAL_SORTS.map((s) => Type.Literal(s)),
        { default: 'severity', description: 'severity: severity, flag, buyer, record; buyer: buyer first.' },
      ),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: FLAGS_MAX_PAGE_SIZE, default: 50 })),
  },
  { additionalProperties: false },
);

export const NationalFlagsAnswer = Type.Object({
  kind: Type.Literal('national'),
  query: Type.Object({
    flag: Type.Optional(Type.String()),
    severity: Type.Optional(Type.String()),
    buyerId: Type.Optional(Type.Integer()),
    cpv: Type.Optional(Type.String()),
    region: Type.Optional(Type.String({ description: 'As stored (NUTS form: UKE for TLE).' })),
    sort: Type.String(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  }),
  total: Type.Integer({ description: `Results matching, counted up to ${NATIONAL_CAP}.` }),
  capped: Type.Boolean({
    description: `More than ${NATIONAL_CAP} match: narrow the filters to see the rest.`,
  }),
  queuedBuyers: Type.Integer({
    description:
      'Buyers waiting to be judged again since their data changed: their results here are from their last ' +
      'refresh (stale), or absent for a buyer never refreshed.',
  }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Intersect([
      Result,
      Type.Object({
        buyer: Type.Object({ id: Type.Integer(), name: Type.String() }),
        stale: Type.Boolean({
          description: 'The buyer waits to be judged again: a result older than its data.',
        }),
      }),
    ]),
  ),
});
