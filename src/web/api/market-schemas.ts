// The market analytics API schemas (docs/market-analytics.md, docs/api.md): one definition validates the query,
// shapes the response and documents it in the OpenAPI.
import { Type, type TSchema } from 'typebox';
import { MARKET_API_MAX_PAGE_SIZE, MARKET_API_PAGE_SIZE } from '../../services/market/market-query.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Ratio = Nullable(Type.Number({ description: '0–1; null when not computable (denominator 0).' }));

export const MarketQuerySchema = Type.Object(
  {
    buyerId: Type.Optional(Type.Integer({ minimum: 1, description: 'Organisation id of the buyer.' })),
    cpv: Type.Optional(
      Type.String({
        maxLength: 10,
        description: 'CPV division, group, class or code (main classification).',
      }),
    ),
    region: Type.Optional(
      Type.String({
        maxLength: 7,
        description: 'ITL or NUTS code prefix: buyer region or place of performance.',
      }),
    ),
    from: Type.Optional({
      ...Day,
      description: 'First award day (default: start of the FY two years back).',
    }),
    to: Type.Optional({ ...Day, description: 'Last award day (default: today).' }),
    bands: Type.Optional(
      Type.Union([Type.Literal('us-2023'), Type.Literal('us-2010'), Type.Literal('cma-2010')], {
        description: 'HHI band set (default: us-2023, the US 2023 Merger Guidelines).',
      }),
    ),
    page: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100_000, description: 'Page of the supplier list (default 1).' }),
    ),
    pageSize: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MARKET_API_MAX_PAGE_SIZE,
        description: `Suppliers per page (default ${MARKET_API_PAGE_SIZE}); supplierCount gives them all.`,
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Give one of buyerId, cpv and region, or cpv with buyerId or region (a CPV market within a buyer or region).',
  },
);

export const Share = Type.Object({ share: Ratio, numerator: Type.Number(), denominator: Type.Number() });
export const FlagShare = Type.Object({
  byValue: Share,
  byCount: Share,
  unknownValue: Type.Number(),
  unknownCount: Type.Integer(),
  unknownValueShare: Ratio,
});
const Band = Type.Object({ from: Type.Number(), above: Type.Boolean(), label: Type.String() });

const figureFields = {
  awards: Type.Integer(),
  processes: Type.Integer(),
  valueGbp: Type.Number({ description: 'Award value in pounds, incl. VAT where published.' }),
  excluded: Type.Object({
    otherCurrency: Type.Integer(),
    noValue: Type.Integer(),
    noSupplier: Type.Integer(),
  }),
  hhi: Nullable(Type.Number()),
  hhiBand: Nullable(Band),
  top1Share: Ratio,
  top3Share: Ratio,
  sme: FlagShare,
  vcse: FlagShare,
  local: FlagShare,
  newEntrants: Type.Object({ count: Type.Integer(), ofSuppliers: Type.Integer(), valueShare: Share }),
  singleBid: Type.Object({ rate: Share, competitive: Type.Integer(), noBidData: Type.Integer() }),
  directAward: Type.Object({ byValue: Share, byCount: Share, unknownCount: Type.Integer() }),
};

const Supplier = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  value: Type.Number(),
  awards: Type.Integer(),
  share: Ratio,
  scale: Nullable(Type.Union([Type.Literal('sme'), Type.Literal('large')])),
  vcse: Nullable(Type.Boolean()),
  newEntrant: Type.Boolean(),
});

export const MarketProfileSchema = Type.Object({
  scope: Type.Object({
    kind: Type.Union([Type.Literal('buyer'), Type.Literal('cpv'), Type.Literal('region')]),
    label: Type.String(),
    buyerId: Type.Optional(Type.Integer()),
    cpvPrefix: Type.Optional(Type.String()),
    region: Type.Optional(Type.String()),
  }),
  from: Day,
  to: Day,
  figures: Type.Object({
    ...figureFields,
    suppliers: Type.Array(Supplier, {
      description: 'The page of the supplier list asked for, largest first.',
    }),
  }),
  supplierCount: Type.Integer({ description: 'Suppliers in the whole list.' }),
  periods: Type.Array(Type.Object({ from: Day, to: Day, ...figureFields })),
  undatedAwards: Type.Integer(),
  policy: Type.Object({
    hhiBandSet: Type.String(),
    hhiBands: Type.Array(Band),
    newEntrantLookbackYears: Type.Integer(),
    localItlLevel: Type.Integer(),
    validFrom: Day,
    source: Type.String(),
    configurableDefault: Type.Boolean(),
  }),
});
