// The suppliers API schemas (docs/suppliers.md, docs/api.md).
import { Type, type TSchema } from 'typebox';
import {
  PAYEE_SORTS,
  SUPPLIER_SORTS,
  SUPPLIERS_MAX_PAGE,
  SUPPLIERS_MAX_PAGE_SIZE,
} from '../../services/suppliers/suppliers-input.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: SUPPLIERS_MAX_PAGE, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: SUPPLIERS_MAX_PAGE_SIZE, default: 50 })),
};

export const SupplierListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Name contains (case-insensitive).' })),
    sort: Type.Optional(
      Type.Union(
        SUPPLIER_SORTS.map((s) => Type.Literal(s)),
        { default: 'paid' },
      ),
    ),
    ...Paging,
  },
  { additionalProperties: false },
);

export const PayeeListQuery = Type.Object(
  {
    buyerId: Type.Optional(Type.Integer({ minimum: 1, description: 'One buyer’s payees.' })),
    sort: Type.Optional(
      Type.Union(
        PAYEE_SORTS.map((s) => Type.Literal(s)),
        { default: 'amount' },
      ),
    ),
    ...Paging,
  },
  { additionalProperties: false },
);

export const SupplierParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Money = Nullable(Type.String({ description: 'Exact decimal, GBP.' }));

export const SupplierSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  identifiers: Type.Array(Type.String(), { description: 'e.g. GB-COH-04417047, GB-CHC-1165823, GB-PPON-…' }),
  postcodes: Type.Array(Type.String()),
  kinds: Type.Array(Type.String(), { description: 'ocds, register, notice, spend' }),
  sourceCount: Type.Integer(),
  ocdsOrganisations: Type.Integer(),
  awards: Type.Integer(),
  registerRows: Type.Integer(),
  payments: Type.Integer(),
  paidAmount: Money,
  confidence: Nullable(Type.Number({ description: 'The weakest match holding the supplier together.' })),
});

const Evidence = Type.Object(
  {
    rule: Type.String(),
    confidence: Type.Number(),
    with: Type.String({ description: 'The other source of the match.' }),
    values: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: true },
);

export const SupplierSource = Type.Object({
  key: Type.String(),
  kind: Type.Union([
    Type.Literal('ocds'),
    Type.Literal('register'),
    Type.Literal('notice'),
    Type.Literal('spend'),
  ]),
  supplierId: Type.Integer(),
  buyerId: Nullable(Type.Integer()),
  buyerName: Nullable(Type.String()),
  organisationId: Nullable(Type.Integer()),
  name: Type.String(),
  names: Type.Array(Type.String()),
  normalisedName: Nullable(Type.String()),
  tradingName: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  identifiers: Type.Array(Type.String()),
  localId: Nullable(Type.String()),
  rows: Type.Integer({ description: 'Awards, register rows or payments.' }),
  amount: Money,
  rule: Nullable(Type.String()),
  confidence: Nullable(Type.Number()),
  evidence: Nullable(Evidence),
  refused: Type.Array(Evidence),
  placeholder: Type.Boolean(),
  split: Type.Boolean(),
});

const page = <T extends TSchema>(row: T) =>
  Type.Object({
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    rows: Type.Array(row),
  });

export const SupplierPage = page(SupplierSummary);
export const PayeePage = page(SupplierSource);

export const SupplierDetail = Type.Object({
  supplier: SupplierSummary,
  redirectedFrom: Nullable(Type.Integer()),
  sources: Type.Array(SupplierSource),
  overrides: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.Union([Type.Literal('merge'), Type.Literal('split')]),
      sourceKey: Type.String(),
      otherKey: Nullable(Type.String()),
      reason: Type.String(),
      actor: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
