// The red flags' API schemas (docs/red-flags.md, docs/api.md).
import { Type, type TSchema } from 'typebox';
import { FLAG_STATUSES, FLAGS_MAX_PAGE_SIZE } from '../../services/redflags-input.js';

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

const Result = Type.Object({
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
