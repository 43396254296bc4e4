// Mission dashboard API schemas (docs/mission-dashboard.md, docs/api.md): one definition validates the request,
// shapes the response and documents it in the OpenAPI.
import { Type } from 'typebox';
import { KpiDistributionRow } from './kpis-schemas.js';
import { Nullable } from './schemas.js';
import { RollUpRowSchema } from './social-value-schemas.js';

const Str = Type.String();
const Decimal = Type.String({ description: 'Exact decimal in pounds, like 1250000.50' });

export const MissionQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ maxLength: 3, description: 'ITL1 region of the buyer (UKC … UKN)' })),
    buyer: Type.Optional(Type.String({ maxLength: 15, description: 'Buyer organisation id' })),
    page: Type.Optional(Type.String({ maxLength: 5, description: 'Page of the buyers (20 per page)' })),
    sort: Type.Optional(Type.String({ maxLength: 5, description: 'Buyers by value (default) or name' })),
  },
  { additionalProperties: false },
);

export const MissionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

const Share = Type.Object({
  share: Nullable(Type.Number({ description: 'yes ÷ known, by value (0–1); null when nothing is known' })),
  numerator: Type.Number(),
  denominator: Type.Number(),
  unknownValue: Type.Number({ description: 'Mapped value where the flag is not known: never counted as no' }),
});

const Figures = Type.Object({
  key: Nullable(Str),
  name: Nullable(Str),
  awards: Type.Integer({ description: 'Active awards' }),
  contracts: Type.Integer({ description: 'Contracting processes with an active award' }),
  value: Decimal,
  noValueAwards: Type.Integer({ description: 'Awards with no value in pounds (left out of value)' }),
  sme: Share,
  vcse: Share,
  local: Share,
});

const Named = Type.Object({ region: Nullable(Str), buyer: Nullable(Str) });
const State = Nullable(Type.Object({ refreshedAt: Str, contracts: Type.Integer(), seconds: Type.Number() }));
const Filters = Type.Object({ region: Type.Optional(Str), buyer: Type.Optional(Type.Integer()) });

export const MissionsOverviewSchema = Type.Object({
  filters: Filters,
  named: Named,
  missions: Type.Array(Type.Object({ id: Str, name: Str, figures: Figures, kpis: KpiDistributionRow })),
  anyMission: Figures,
  noMission: Figures,
  state: State,
});

export const MissionDashboardSchema = Type.Object({
  mission: Type.Object({ id: Str, name: Str }),
  query: Type.Object({
    region: Type.Optional(Str),
    buyer: Type.Optional(Type.Integer()),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    sort: Str,
  }),
  named: Named,
  totals: Figures,
  byRegion: Type.Array(Figures),
  byBuyer: Type.Object({
    rows: Type.Array(Figures),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  }),
  trend: Type.Array(Figures),
  kpis: KpiDistributionRow,
  socialValue: Type.Object({
    outcomes: Type.Array(
      Type.Object({ outcomeId: Str, outcomeName: Str, rows: Type.Array(RollUpRowSchema) }),
    ),
    excluded: Type.Integer(),
  }),
  state: State,
});
