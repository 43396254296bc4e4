// The supplier profile API schemas (docs/market-analytics.md "Supplier profile", docs/api.md).
import { Type, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Ratio = Nullable(Type.Number({ description: '0–1; null when not computable (denominator 0).' }));
const Share = Type.Object({ share: Ratio, numerator: Type.Number(), denominator: Type.Number() });

export const SupplierParamsSchema = Type.Object({
  id: Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'Organisation id of the supplier.' }),
});

export const SupplierQuerySchema = Type.Object(
  {
    from: Type.Optional({
      ...Day,
      description: 'First award day (default: start of the FY two years back).',
    }),
    to: Type.Optional({ ...Day, description: 'Last award day (default: today).' }),
    level: Type.Optional(
      Type.Union([Type.Literal('division'), Type.Literal('group'), Type.Literal('class')], {
        description: 'CPV level of the markets (default: group, 3 digits).',
      }),
    ),
  },
  { additionalProperties: false },
);

const Slice = { value: Type.Number(), awards: Type.Integer(), share: Ratio };

export const SupplierProfileSchema = Type.Object({
  supplier: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    scale: Nullable(
      Type.Union([Type.Literal('sme'), Type.Literal('large')], { description: 'null: not published.' }),
    ),
    vcse: Nullable(Type.Boolean({ description: 'null: not published.' })),
    locality: Nullable(Type.String()),
    postalCode: Nullable(Type.String()),
  }),
  from: Day,
  to: Day,
  level: Type.String(),
  figures: Type.Object({
    awards: Type.Integer(),
    processes: Type.Integer(),
    valueGbp: Type.Number({ description: "The supplier's part of its awards' values in pounds." }),
    excluded: Type.Object({ otherCurrency: Type.Integer(), noValue: Type.Integer() }),
    buyers: Type.Array(Type.Object({ id: Nullable(Type.Integer()), name: Type.String(), ...Slice })),
    markets: Type.Array(
      Type.Object({
        cpvPrefix: Nullable(Type.String()),
        label: Nullable(Type.String()),
        ...Slice,
        marketValue: Nullable(Type.Number()),
        marketShare: Ratio,
      }),
    ),
    years: Type.Array(Type.Object({ from: Day, to: Day, value: Type.Number(), awards: Type.Integer() })),
    directAward: Type.Object({ byValue: Share, byCount: Share, unknownCount: Type.Integer() }),
    singleBid: Type.Object({ rate: Share, competitive: Type.Integer(), noBidData: Type.Integer() }),
  }),
});
