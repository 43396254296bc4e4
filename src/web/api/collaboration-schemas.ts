// The collaboration finder's API schemas (docs/collaboration.md, docs/api.md): one definition validates the query,
// shapes the response and documents it in the OpenAPI.
import { Type, type TSchema } from 'typebox';
import {
  COLLABORATION_DEFAULT_WINDOW,
  COLLABORATION_MAX_MIN_BUYERS,
  COLLABORATION_MAX_PAGE,
  COLLABORATION_MAX_PAGE_SIZE,
  COLLABORATION_MAX_WINDOW,
  COLLABORATION_MIN_WINDOW,
} from '../../services/collaboration/collaboration-query.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Region = Type.Object({ code: Type.String(), name: Type.String() });
const Money = (description: string) => Type.String({ description: `${description} Exact decimal, pounds.` });

export const CollaborationQuerySchema = Type.Object(
  {
    windowMonths: Type.Optional(
      Type.Integer({
        minimum: COLLABORATION_MIN_WINDOW,
        maximum: COLLABORATION_MAX_WINDOW,
        default: COLLABORATION_DEFAULT_WINDOW,
        description: 'Decisions due from the as-of day to this many months later.',
      }),
    ),
    level: Type.Optional(
      Type.Union([Type.Literal('group'), Type.Literal('class')], {
        description: 'Match contracts by CPV group (3 digits, default) or class (4 digits).',
      }),
    ),
    cpv: Type.Optional(Type.String({ maxLength: 10, description: 'CPV division, group, class or code.' })),
    region: Type.Optional(
      Type.String({
        maxLength: 7,
        description: 'ITL or NUTS code prefix (TLE, UKE42): groups with a contract there.',
      }),
    ),
    buyerId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Only the groups this buyer is in ("who could it buy with?").',
      }),
    ),
    minBuyers: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: COLLABORATION_MAX_MIN_BUYERS,
        default: 2,
        description: 'Fewest buyers.',
      }),
    ),
    asOf: Type.Optional({ ...Day, description: 'As of this day (default: today).' }),
    sort: Type.Optional(Literals(['value', 'buyers', 'contracts', 'decision'])),
    order: Type.Optional(Literals(['asc', 'desc'])),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: COLLABORATION_MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: COLLABORATION_MAX_PAGE_SIZE, default: 25 })),
  },
  { additionalProperties: false },
);

const Group = Type.Object({
  id: Type.String({ description: 'Market and anchor region, like 853-UKH.' }),
  market: Type.Object({
    code: Type.String({ description: 'CPV group (3 digits) or class (4 digits).' }),
    level: Literals(['group', 'class']),
    label: Nullable(Type.String()),
  }),
  anchor: Type.Object({
    code: Type.String({ description: 'ITL1 region in NUTS form (UKH), or national.' }),
    name: Type.String(),
    neighbours: Type.Array(Region, { description: 'Regions sharing a land border with the anchor.' }),
  }),
  buyerCount: Type.Integer(),
  contractCount: Type.Integer(),
  valueGbp: Money('Sum of the contracts valued in pounds.'),
  valueNotKnown: Type.Integer({ description: 'Contracts without a value in pounds (not in the sum).' }),
  firstDecisionDue: Day,
  lastDecisionDue: Day,
  buyers: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      contracts: Type.Integer(),
      valueGbp: Money('Its contracts in this group.'),
      regions: Type.Array(Region, { description: 'Empty: national or no region.' }),
    }),
    { description: 'At most 10: the asked-about buyer first, then by value.' },
  ),
  contracts: Type.Array(
    Type.Object({
      ocid: Type.String(),
      title: Nullable(Type.String()),
      buyerId: Type.Integer(),
      valueGbp: Nullable(Type.String()),
      decisionDueBy: Day,
      horizon: Type.Object({ day: Day, from: Literals(['end', 'max-extent']) }),
      regions: Type.Array(Region),
      synthetic: Type.Boolean(),
    }),
    { description: 'At most 10: the asked-about buyer’s first, then by value. The CSV has them all.' },
  ),
  sharedIncumbentCount: Type.Integer(),
  sharedIncumbents: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      buyers: Type.Integer(),
      contracts: Type.Integer(),
    }),
    { description: 'Suppliers holding contracts with two or more of the buyers (at most 10).' },
  ),
  explanation: Type.String({ description: 'Why these buyers match, in plain words.' }),
});

export const CollaborationResultSchema = Type.Object({
  asOf: Day,
  windowMonths: Type.Integer(),
  windowEnd: Day,
  level: Type.String(),
  minBuyers: Type.Integer(),
  filters: Type.Object({
    cpv: Type.Optional(Type.String()),
    region: Type.Optional(Type.String()),
    buyerId: Type.Optional(Type.Integer()),
  }),
  sort: Type.String(),
  order: Type.String(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  buyer: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  total: Type.Integer({ description: 'Groups matching, all pages.' }),
  groups: Type.Array(Group),
});
