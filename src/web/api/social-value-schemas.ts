// Social value API schemas (docs/social-value.md, docs/api.md): one definition validates the request, shapes the
// response and documents it in the OpenAPI.
import { Type, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const Decimal = Type.String({ description: 'Exact decimal, like 12.5' });
const Day = Type.String({ description: 'YYYY-MM-DD' });

export const RollUpQuerySchema = Type.Object(
  {
    buyer: Type.Optional(Type.String({ maxLength: 15, description: 'Buyer organisation id' })),
    region: Type.Optional(Type.String({ maxLength: 3, description: 'ITL1 region of the buyer (UKC … UKN)' })),
    mission: Type.Optional(Type.String({ maxLength: 40, description: 'Mission id: its metrics only' })),
    metric: Type.Optional(Type.String({ maxLength: 80, description: 'One metric id only' })),
    by: Type.Optional(
      Type.String({
        maxLength: 10,
        description: 'Group by total (default), region, mission, buyer or contract',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RollUpRowSchema = Type.Object({
  by: Str,
  groupKey: Str,
  groupName: Str,
  metricId: Str,
  metricName: Str,
  unit: Str,
  direction: Nullable(Str),
  missionId: Nullable(Str),
  additive: Type.Boolean({ description: 'false: a share, ratio or average — counted, not summed' }),
  contracts: Type.Integer(),
  commitments: Type.Integer(),
  committed: Nullable(Decimal),
  delivered: Nullable(Decimal),
  verified: Nullable(Decimal),
  reports: Type.Integer(),
  verifiedReports: Type.Integer(),
  rejectedReports: Type.Integer(),
});

const Excluded = Type.Object({ commitmentId: Type.Integer(), ocid: Str, metricId: Str, reason: Str });

export const RollUpSchema = Type.Object({
  by: Str,
  filters: Type.Object({
    buyer: Type.Optional(Type.Integer()),
    region: Type.Optional(Str),
    mission: Type.Optional(Str),
    metric: Type.Optional(Str),
    by: Str,
  }),
  named: Type.Object({ buyer: Nullable(Str), region: Nullable(Str), mission: Nullable(Str) }),
  rows: Type.Array(RollUpRowSchema),
  excluded: Type.Array(Excluded),
});

export const DeliverySchema = Type.Object(
  {
    id: Type.Integer(),
    commitment_id: Type.Integer(),
    quantity: Decimal,
    period_start: Day,
    period_end: Day,
    evidence: Type.Array(Str),
    note: Nullable(Str),
    status: Type.Union([Type.Literal('unverified'), Type.Literal('verified'), Type.Literal('rejected')]),
    verified_by: Nullable(Str),
    verified_at: Nullable(Type.String({ format: 'date-time' })),
    verification_note: Nullable(Str),
    version: Type.Integer(),
    created_by: Str,
    created_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'SocialValueDelivery' },
);

const commitmentFields = {
  id: Type.Integer(),
  ocid: Str,
  metric_id: Str,
  unit: Str,
  target: Decimal,
  due_date: Nullable(Day),
  period_start: Nullable(Day),
  period_end: Nullable(Day),
  note: Nullable(Str),
  version: Type.Integer(),
  created_by: Str,
  created_at: Type.String({ format: 'date-time' }),
};

export const CommitmentSchema = Type.Object(commitmentFields, { $id: 'SocialValueCommitment' });

export const ContractSocialValueSchema = Type.Object({
  contract: Type.Object({
    ocid: Str,
    title: Nullable(Str),
    buyer: Nullable(Type.Object({ id: Type.Integer(), name: Nullable(Str) })),
    region: Nullable(Str),
  }),
  offered: Type.Array(
    Type.Object({ id: Str, name: Str, unit: Str, direction: Str, outcome: Str, mission: Str, tier: Str }),
  ),
  commitments: Type.Array(
    Type.Object({ ...commitmentFields, deliveries: Type.Array(Type.Ref('SocialValueDelivery')) }),
  ),
  rollUp: Type.Object({ rows: Type.Array(RollUpRowSchema), excluded: Type.Array(Excluded) }),
});

const Field = (description: string, maxLength = 100) => Type.String({ maxLength, description });

export const CommitmentBody = Type.Object(
  {
    metricId: Field('A metric id of the standard in force for the contract’s buyer', 200),
    target: Type.Union([Type.String({ maxLength: 30 }), Type.Number({ minimum: 0 })]),
    unit: Field('Must be the metric’s unit', 40),
    timing: Type.Union([Type.Literal('due'), Type.Literal('period')]),
    dueDate: Type.Optional(Day),
    periodStart: Type.Optional(Day),
    periodEnd: Type.Optional(Day),
    note: Type.Optional(Field('', 1000)),
  },
  { additionalProperties: false },
);

export const DeliveryBody = Type.Object(
  {
    quantity: Type.Union([Type.String({ maxLength: 30 }), Type.Number({ minimum: 0 })]),
    periodStart: Day,
    periodEnd: Day,
    evidence: Type.Array(Type.String({ maxLength: 500 }), { minItems: 1, maxItems: 10 }),
    note: Type.Optional(Field('', 1000)),
  },
  { additionalProperties: false },
);

export const VerdictBody = Type.Object(
  {
    verdict: Type.Union([Type.Literal('verified'), Type.Literal('rejected')]),
    note: Type.Optional(Field('Required to reject', 1000)),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
