// The paid-money API schemas (docs/paid-money.md, docs/api.md): one definition validates the query, shapes the
// response and documents it in the OpenAPI.
import { Type, type TSchema } from 'typebox';
import { FlagShare } from './market-schemas.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });

export const SpendQuerySchema = Type.Object(
  {
    buyerId: Type.Optional(Type.Integer({ minimum: 1, description: 'Organisation id of the buyer.' })),
    place: Type.Optional(
      Type.String({
        maxLength: 9,
        description:
          'ITL or NUTS code (the buyers in that region) or local authority code, ONS GSS (E08000006) or older ONS (00CY): the organisations with that code.',
      }),
    ),
    from: Type.Optional({
      ...Day,
      description: 'First payment day (default: start of the FY two years back).',
    }),
    to: Type.Optional({ ...Day, description: 'Last payment day (default: today).' }),
    period: Type.Optional(
      Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('fy')], {
        description: 'Breakdown (default month).',
      }),
    ),
    slack: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 366,
        description: 'Days either side of a contract period (default 31).',
      }),
    ),
  },
  { additionalProperties: false, description: 'Give buyerId or place.' },
);

const Total = Type.Object({
  key: Type.String(),
  label: Type.String(),
  amount: Type.Number({ description: 'Pounds, net of credits.' }),
  payments: Type.Integer(),
});
const Flag = Nullable(Type.Boolean({ description: 'null: not known.' }));
const Supplier = Type.Object({
  ...Total.properties,
  supplierId: Nullable(Type.Integer({ description: 'Resolved supplier; null for a payee in none.' })),
  sme: Flag,
  vcse: Flag,
  region: Nullable(Type.String({ description: 'NUTS code of the supplier.' })),
  local: Flag,
});
const Move = Type.Object({ amount: Type.Number(), payments: Type.Integer() });
const shares = { sme: FlagShare, vcse: FlagShare, local: FlagShare };

export const SpendProfileSchema = Type.Object({
  scope: Type.Object({
    kind: Type.Union([Type.Literal('buyer'), Type.Literal('place'), Type.Literal('authority')]),
    buyerId: Type.Optional(Type.Integer()),
    region: Type.Optional(Type.String()),
    laCode: Type.Optional(Type.String()),
    label: Type.String(),
  }),
  buyers: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), region: Nullable(Type.String()) }),
  ),
  from: Day,
  to: Day,
  periodKind: Type.String(),
  figures: Type.Object({
    amount: Type.Number(),
    payments: Type.Integer(),
    credits: Type.Object({ amount: Type.Number(), rows: Type.Integer() }),
    unresolvedAmount: Type.Number(),
    suppliers: Type.Array(Supplier),
    byExpenseType: Type.Array(Total),
    byServiceArea: Type.Array(Total),
    byCategory: Type.Array(Total),
    byRegion: Type.Array(Total),
    ...shares,
  }),
  periods: Type.Array(
    Type.Object({ period: Type.String(), amount: Type.Number(), payments: Type.Integer(), ...shares }),
  ),
  awarded: Type.Object({ valueGbp: Type.Number(), awards: Type.Integer(), ...shares }),
  registers: Type.Object({
    contracts: Type.Integer(),
    value: Type.Number(),
    noValue: Type.Integer(),
    sme: Type.Object({ value: Type.Number(), knownValue: Type.Number(), unknownValue: Type.Number() }),
  }),
  matching: Type.Object({
    onContract: Move,
    offContract: Move,
    unresolved: Move,
    contracts: Type.Array(
      Type.Object({
        ...Total.properties,
        source: Type.Union([Type.Literal('ocds'), Type.Literal('register')]),
        id: Type.String(),
      }),
    ),
    topOffContract: Type.Array(Total),
    slackDays: Type.Integer(),
  }),
  lm3: Type.Array(
    Type.Object({
      financialYear: Type.Integer(),
      from: Day,
      to: Day,
      entered: Type.Boolean(),
      r1: Type.Number(),
      r2: Type.Number(),
      r3: Type.Number(),
      lm3: Nullable(Type.Number()),
      defaultShare: Type.Number(),
      r3FromDefault: Type.Number(),
      suppliersSurveyed: Type.Integer(),
      suppliersDefaulted: Type.Integer(),
    }),
  ),
  localItlLevel: Type.Integer(),
});
