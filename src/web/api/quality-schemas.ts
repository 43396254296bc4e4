// Schemas of the data-quality detail endpoints (docs/quality-checks.md): one check for one organisation with its
// failing records, the same check across buyers, the league table as CSV.
import { Type } from 'typebox';
import {
  CHECK_RECORD_SORTS,
  CHECK_RECORD_STATUSES,
  CHECK_RECORDS_MAX_PAGE_SIZE,
  LEAGUE_MAX_PAGE,
  LEAGUE_MAX_PAGE_SIZE,
} from '../../services/index.js';
import { DateTime, Day, LeagueQuery, Nullable } from './schemas.js';

const CheckId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'A check id, e.g. coverage-buyer-identifier (docs/quality-checks.md).',
});

export const CheckParams = Type.Object({ id: Type.Integer({ minimum: 1 }), checkId: CheckId });
export const CheckIdParams = Type.Object({ checkId: CheckId });

const Page = Type.Optional(Type.Integer({ minimum: 1, maximum: LEAGUE_MAX_PAGE, default: 1 }));
const AsOf = Type.Optional({ ...Day, description: 'Judge as of this day (default: today).' });

export const CheckRecordsQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union(
        CHECK_RECORD_STATUSES.map((k) => Type.Literal(k)),
        {
          description:
            'failed (default): records failing the check; not-computable: records it could not judge.',
        },
      ),
    ),
    sort: Type.Optional(Type.Union(CHECK_RECORD_SORTS.map((k) => Type.Literal(k)))),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    page: Page,
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: CHECK_RECORDS_MAX_PAGE_SIZE, default: 25 })),
    asOf: AsOf,
  },
  { additionalProperties: false },
);

export const CheckAcrossQuery = Type.Object(
  {
    page: Page,
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: LEAGUE_MAX_PAGE_SIZE, default: 25 })),
    asOf: AsOf,
  },
  { additionalProperties: false },
);

export const LeagueCsvQuery = Type.Omit(LeagueQuery, ['page', 'pageSize'], { additionalProperties: false });

const Counts = {
  passed: Type.Integer(),
  failed: Type.Integer(),
  notComputable: Type.Integer({ description: 'Units the check could not judge for missing data.' }),
  notYetDue: Type.Integer(),
  outOfScope: Type.Integer(),
  applicable: Type.Integer({ description: 'passed + failed' }),
  passRate: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'passed ÷ applicable.' })),
};

const Definition = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: Type.String(),
  severity: Type.String(),
  weight: Type.Integer({ description: 'Weight in the score: 3 high, 2 medium, 1 low.' }),
  scope: Type.String({ description: 'record, or buyer (the organisation as a whole).' }),
  definition: Type.String(),
  source: Type.String(),
  appliesTo: Type.String(),
  fields: Type.Array(Type.String()),
  gaps: Type.Array(Type.String()),
});

export const CheckDetail = Type.Object({
  asOf: Day,
  organisation: Type.Object({ id: Type.Integer(), name: Type.String(), buyerType: Nullable(Type.String()) }),
  check: Definition,
  counts: Type.Object(Counts),
  missing: Type.Array(Type.Object({ field: Type.String(), units: Type.Integer() })),
  records: Type.Object({
    status: Type.String(),
    items: Type.Array(
      Type.Object({
        ocid: Nullable(Type.String({ description: 'Null for an organisation-level unit (see subject).' })),
        subject: Nullable(Type.String()),
        title: Nullable(Type.String()),
        firstPublished: DateTime,
        reasons: Type.Array(
          Type.Object({
            subject: Nullable(
              Type.String({ description: 'The part judged: award 1, contract C-7, FY 2026-27.' }),
            ),
            detail: Type.String(),
            missing: Type.Array(Type.String()),
          }),
        ),
      }),
    ),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    sort: Type.String(),
    order: Type.String(),
  }),
});

export const CheckAcross = Type.Object({
  asOf: Day,
  check: Definition,
  items: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), buyerType: Nullable(Type.String()), ...Counts }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
