// The import runs' API schemas (docs/local-data.md, docs/api.md).
import { Type, type TSchema } from 'typebox';
import { IMPORT_KINDS, IMPORT_MAX_PAGE, IMPORT_PAGE_SIZES } from '../../services/imports.service.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Kind = Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k)));
const PageSize = Type.Union(
  IMPORT_PAGE_SIZES.map((n) => Type.Literal(n)),
  { default: 50 },
);
const Page = Type.Integer({ minimum: 1, maximum: IMPORT_MAX_PAGE, default: 1 });

export const ImportListQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    organisationId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Only this organisation’s runs.' }),
    ),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);

export const ImportRunQuery = Type.Object(
  { page: Type.Optional(Page), pageSize: Type.Optional(PageSize) },
  { additionalProperties: false },
);

export const ImportRunParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Run = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  organisation: Type.Object({ id: Type.Integer(), name: Type.String() }),
  file: Type.String({ description: 'The file as given to the import (absolute path).' }),
  sha256: Type.String({ description: 'sha256 of the decompressed content: the same content imports once.' }),
  bytes: Type.Integer(),
  encoding: Nullable(Type.String()),
  records: Type.Integer({ description: 'Records read, including blank and header rows.' }),
  rows: Type.Integer({ description: 'Data rows: kept + quarantined.' }),
  kept: Type.Integer(),
  quarantined: Type.Integer(),
  skipped: Type.Record(Type.String(), Type.Integer(), {
    description: 'Records that are not rows (blank, header).',
  }),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.String({ format: 'date-time' }),
});

export const ImportRunList = Type.Object({
  scope: Type.Union([Type.Literal('all'), Type.Literal('own')], {
    description: 'all: every organisation (central, admin); own: the organisations you are a member of.',
  }),
  runs: Type.Array(Run),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  kind: Nullable(Kind),
  organisationId: Nullable(Type.Integer()),
});

export const ImportRunDetail = Type.Object({
  run: Run,
  mapping: Type.Array(
    Type.Object({
      index: Type.Integer({ description: '0-based column index.' }),
      header: Type.String(),
      field: Nullable(Type.String()),
      note: Type.String(),
    }),
  ),
  reasons: Type.Array(Type.Object({ reason: Type.String(), rows: Type.Integer() })),
  rejected: Type.Object({
    rows: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String(), excerpt: Type.String() })),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  }),
});

export const LocalContractList = Type.Object({
  organisation: Type.Object({ id: Type.Integer(), name: Type.String() }),
  contracts: Type.Array(
    Type.Object({
      source: Type.Union([Type.Literal('register'), Type.Literal('contracts-finder-export')]),
      id: Type.Integer(),
      reference: Nullable(
        Type.String({ description: 'Register reference, or the Contracts Finder notice id.' }),
      ),
      title: Type.String(),
      supplier_name: Nullable(Type.String()),
      value: Nullable(
        Type.String({ description: 'Exact decimal: register total value, or the notice value.' }),
      ),
      currency: Type.String(),
      date: Nullable(
        Type.String({ description: 'Register start date; notice awarded (else published) date.' }),
      ),
      expiry: Nullable(Type.String({ description: 'Register current expiry, else end date.' })),
      status: Nullable(Type.String()),
      ocds_ocid: Nullable(
        Type.String({ description: 'The OCDS process of the same notice (counted there).' }),
      ),
      source_file: Type.String(),
      source_line: Type.Integer(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
