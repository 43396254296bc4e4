// The horizon scan's API schemas (docs/horizon-scan.md, docs/api.md): one definition validates the query, shapes
// the response and documents it in the OpenAPI.
import { Type, type TSchema } from 'typebox';
import {
  HORIZON_MAX_MONTHS,
  HORIZON_MAX_PAGE,
  HORIZON_MAX_PAGE_SIZE,
  HORIZON_MIN_MONTHS,
} from '../../services/index.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });

export const HorizonQuerySchema = Type.Object(
  {
    months: Type.Optional(
      Type.Integer({
        minimum: HORIZON_MIN_MONTHS,
        maximum: HORIZON_MAX_MONTHS,
        default: 12,
        description: 'Window after the as-of day, in months.',
      }),
    ),
    basis: Type.Optional(
      Type.Union([Type.Literal('next'), Type.Literal('end'), Type.Literal('max-extent')], {
        description:
          'Which end counts: next (the end while ahead, else the latest possible end), end, or max-extent.',
      }),
    ),
    buyerId: Type.Optional(Type.Integer({ minimum: 1, description: 'Organisation id of the buyer.' })),
    cpv: Type.Optional(Type.String({ maxLength: 10, description: 'CPV division, group, class or code.' })),
    region: Type.Optional(
      Type.String({
        maxLength: 7,
        description: 'ITL or NUTS code prefix (TLE, UKE42): delivery or buyer region.',
      }),
    ),
    supplierId: Type.Optional(Type.Integer({ minimum: 1, description: 'Organisation id of an incumbent.' })),
    minValue: Type.Optional(
      Type.String({ maxLength: 30, description: 'Pounds, incl. VAT where published.' }),
    ),
    mission: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'A mission id of the national catalogue (growth, clean-energy, safer-streets, opportunity, nhs): contracts ' +
          'from published notices mapped to it. Contract register rows have no missions and are left out.',
      }),
    ),
    asOf: Type.Optional({ ...Day, description: 'Scan as of this day (default: today).' }),
    sort: Type.Optional(Literals(['decision', 'end', 'value'])),
    order: Type.Optional(Literals(['asc', 'desc'])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: HORIZON_MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: HORIZON_MAX_PAGE_SIZE, default: 25 })),
  },
  { additionalProperties: false },
);

const Source = Type.Union([
  Type.Object({ kind: Type.Literal('ocds'), label: Type.String() }),
  Type.Object({
    kind: Type.Literal('register'),
    label: Type.String({
      description: 'e.g. "Contract register (Salford City Council, imported 2026-12-06)".',
    }),
    registerContractId: Type.Integer(),
    reference: Nullable(Type.String()),
    supplierName: Nullable(Type.String({ description: 'The supplier as the register names it.' })),
    file: Type.String(),
    line: Type.Integer(),
    importedOn: Day,
  }),
]);

const Item = Type.Object({
  ocid: Nullable(Type.String({ description: 'The process; null for a contract-register row (see source).' })),
  source: Source,
  title: Nullable(Type.String()),
  buyer: Nullable(Ref),
  cpvMain: Nullable(Type.String()),
  deliveryRegions: Type.Array(Type.String()),
  value: Nullable(
    Type.Object({
      amount: Type.String({ description: 'Exact decimal.' }),
      currency: Nullable(Type.String()),
      basis: Literals(['contract', 'award', 'tender', 'register']),
      includesVat: Type.Boolean(),
    }),
  ),
  suppliers: Type.Array(Ref, { description: 'Incumbents: suppliers of the active awards.' }),
  end: Nullable(Day),
  maxExtent: Nullable(Day),
  datesFrom: Nullable(Type.String({ description: 'contracts, awards, lots or tender.' })),
  horizon: Type.Object({ day: Day, from: Literals(['end', 'max-extent']) }),
  headroom: Nullable(
    Type.Object({ days: Type.Integer(), months: Type.Integer(), extraDays: Type.Integer() }),
  ),
  renewal: Type.Object({ hasRenewal: Nullable(Type.Boolean()), description: Nullable(Type.String()) }),
  options: Type.Object({ hasOptions: Nullable(Type.Boolean()), description: Nullable(Type.String()) }),
  leadTime: Type.Object({ months: Type.Integer(), band: Type.String() }),
  decisionDueBy: Day,
  decisionOverdue: Type.Boolean(),
  procedure: Type.Object({
    method: Nullable(Type.String()),
    details: Nullable(Type.String()),
    directAward: Nullable(Type.Boolean()),
    reason: Type.String(),
  }),
  numberOfTenderers: Nullable(Type.Integer()),
  noticeTypes: Type.Array(Type.String()),
  lastUpdated: Nullable(Type.String({ format: 'date-time' })),
  synthetic: Type.Boolean(),
  missions: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), role: Literals(['primary', 'secondary']) }),
    { description: 'Missions the contract is mapped to (primary first); empty for a register row.' },
  ),
});

export const HorizonScanSchema = Type.Object({
  asOf: Day,
  months: Type.Integer(),
  windowEnd: Day,
  basis: Type.String(),
  filters: Type.Object({
    buyerId: Type.Optional(Type.Integer()),
    cpv: Type.Optional(Type.String()),
    region: Type.Optional(Type.String()),
    supplierId: Type.Optional(Type.Integer()),
    minValue: Type.Optional(Type.String()),
    mission: Type.Optional(Type.String()),
  }),
  sort: Type.String(),
  order: Type.String(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  summary: Type.Array(
    Type.Object({
      months: Type.Integer(),
      last: Day,
      contracts: Type.Integer(),
      valueGbp: Type.String({ description: 'Sum in pounds, exact decimal.' }),
      valueNotKnown: Type.Integer({ description: 'Contracts without a value in pounds (not in the sum).' }),
    }),
  ),
  leadTimes: Type.Object({
    bands: Type.Array(Type.Object({ from: Type.String(), months: Type.Integer(), label: Type.String() })),
    unknownValueMonths: Type.Integer(),
    validFrom: Day,
    source: Type.String(),
    configurableDefault: Type.Boolean(),
  }),
  items: Type.Array(Item),
});
