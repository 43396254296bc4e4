// The KPI API's schemas (docs/kpis.md, docs/api.md).
import { Type, type TSchema } from 'typebox';
import { RATING_CODES } from '../../domain/kpi-rating.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const NullableDay = Nullable(Day);

export const KpiRatingsQuery = Type.Object(
  {
    buyer: Type.Optional(Type.Integer({ minimum: 1, description: 'The buyer’s organisation id.' })),
    overdue: Type.Optional(Type.Boolean({ description: 'Only KPIs overdue for a rating.' })),
    asOf: Type.Optional(
      Type.String({ format: 'date', description: 'Status as of this day (default: today).' }),
    ),
  },
  { additionalProperties: false },
);

const Rating = Type.Object({
  id: Type.String(),
  periodStart: NullableDay,
  periodEnd: NullableDay,
  rating: Nullable(Type.String({ description: `measureClassification id: ${RATING_CODES.join(', ')}` })),
  comment: Nullable(Type.String({ description: 'Entered: the comment; data: the observation’s measure.' })),
  evidenceUrl: Nullable(Type.String()),
  measuredValue: Nullable(
    Type.Number({
      description: 'The measured value the rating was derived from (null: code entered directly).',
    }),
  ),
  ratedBy: Nullable(Type.String()),
  ratedOn: NullableDay,
});

export const Kpi = Type.Object({
  key: Type.String(),
  source: Type.Union([Type.Literal('data'), Type.Literal('entered')]),
  kpiId: Nullable(Type.Integer()),
  ocid: Type.String(),
  contractTitle: Nullable(Type.String()),
  buyerId: Nullable(Type.Integer()),
  buyerName: Nullable(Type.String()),
  cpvMain: Nullable(Type.String()),
  start: NullableDay,
  end: NullableDay,
  title: Type.String(),
  description: Nullable(Type.String()),
  target: Nullable(Type.String()),
  stages: Type.Array(Type.String()),
  intervalMonths: Nullable(Type.Integer()),
  templateRef: Nullable(Type.String()),
  measure: Nullable(
    Type.Object(
      {
        unit: Type.String(),
        direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
        target: Type.Number(),
        slightlyBelow: Type.Number({ description: 'Where “approaching target” starts.' }),
        below: Type.Number({ description: 'Where “requires improvement” starts; worse is “inadequate”.' }),
      },
      {
        description:
          'From a KPI library template: ratings are derived from measured values by these thresholds.',
      },
    ),
  ),
  attachedKpiId: Nullable(Type.Integer({ description: 'The attached KPI (library copy) it was made from.' })),
  createdBy: Nullable(Type.String()),
  ratings: Type.Array(Rating),
  schedule: Type.Object({ intervalMonths: Type.Integer(), onTerminationDays: Type.Integer() }),
  status: Type.Object({
    lastRated: NullableDay,
    nextDue: NullableDay,
    finalDue: NullableDay,
    finalRated: Type.Boolean(),
    overdue: Type.Array(Type.Union([Type.Literal('no-rating-in-schedule'), Type.Literal('no-final-rating')])),
    notComputable: Type.Boolean(),
  }),
});

export const KpiList = Type.Object({ asOf: Day, kpis: Type.Array(Kpi) });

export const Performance = Type.Object({
  ocid: Type.String(),
  title: Nullable(Type.String()),
  buyer: Nullable(Type.Object({ id: Type.Integer(), name: Nullable(Type.String()) })),
  asOf: Day,
  kpis: Type.Array(Kpi),
});

const Counts = Type.Object(
  Object.fromEntries([...RATING_CODES, 'unknown'].map((c) => [c, Type.Integer({ minimum: 0 })])),
);
export const KpiDistributionRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  counts: Counts,
  total: Type.Integer({ description: 'Ratings counted: every rated period of every KPI in the group.' }),
  kpis: Type.Integer(),
});

export const Distribution = Type.Object({
  asOf: Day,
  kpis: Type.Integer(),
  overdue: Type.Integer(),
  total: KpiDistributionRow,
  byBuyer: Type.Array(KpiDistributionRow),
  byCategory: Type.Array(KpiDistributionRow),
  byMission: Type.Array(KpiDistributionRow),
});

export const BuyerDistribution = Type.Object({
  buyer: Type.Object({ id: Type.Integer(), name: Type.String() }),
  asOf: Day,
  kpis: Type.Integer(),
  overdue: Type.Array(Kpi),
  total: KpiDistributionRow,
  byCategory: Type.Array(KpiDistributionRow),
});

export const RatingParams = Type.Object({
  ocid: Type.String({ minLength: 1 }),
  kpi: Type.Integer({ minimum: 1, description: 'The entered KPI’s id (kpiId).' }),
});

export const RatingBody = Type.Object(
  {
    periodStart: Day,
    periodEnd: Day,
    measuredValue: Type.Optional(
      Type.Union([Type.Number(), Type.String()], {
        description:
          'Required for a KPI with a measure (unless rating is other): the rating is derived from it.',
      }),
    ),
    rating: Type.Optional(
      Type.String({
        description: `${RATING_CODES.join(', ')}: required without a measure; with one, it must agree with the value.`,
      }),
    ),
    comment: Type.Optional(Type.String()),
    evidenceUrl: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const RatingCreated = Type.Object({
  id: Type.Integer(),
  kpiId: Type.Integer(),
  rating: Type.String(),
});
