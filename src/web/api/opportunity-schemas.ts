// The opportunities API's schemas (docs/opportunities.md): opportunities as the public sees them (no editors'
// addresses), the body editors send, the public list's filters, and the interest a publisher reads.
import { Type, type TSchema } from 'typebox';
import { OPPORTUNITY_STATUSES, PUBLIC_STATUSES } from '../../domain/opportunity.js';
import { OPPORTUNITY_MAX_PAGE_SIZE } from '../../services/opportunities/opportunity-input.js';
import { OPPORTUNITY_SORTS } from '../../services/opportunities/opportunities.service.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Money = Type.String({ pattern: '^\\d+\\.\\d{2}$', description: 'Pounds and pence, exact decimal.' });

export const OpportunitySchema = Type.Object(
  {
    id: Type.Integer(),
    organisationId: Type.Integer(),
    organisationName: Type.String(),
    title: Type.String(),
    problem: Type.String(),
    outcomesSought: Type.String(),
    missionIds: Type.Array(Type.String(), { description: 'National mission ids (docs/missions.md).' }),
    outcomeIds: Type.Array(Type.String(), { description: 'Outcome ids from the standards catalogue.' }),
    windowStart: Nullable(Day),
    windowEnd: Nullable(Day),
    budgetMin: Nullable(Money),
    budgetMax: Nullable(Money),
    cpvCode: Nullable(Type.String()),
    region: Nullable(Type.String()),
    contactName: Type.String(),
    contactEmail: Type.String(),
    status: Literals(OPPORTUNITY_STATUSES),
    publishedAt: Nullable(Type.String({ format: 'date-time' })),
    closedAt: Nullable(Type.String({ format: 'date-time' })),
    version: Type.Integer({
      description: 'Send it back with a change: a save from an older version gets 409.',
    }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Opportunity' },
);

export const OpportunityPageSchema = Type.Object({
  items: Type.Array(Type.Ref('Opportunity')),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const OpportunityQuery = Type.Object({
  mission: Type.Optional(Type.String({ maxLength: 60, description: 'A mission id, e.g. clean-energy' })),
  region: Type.Optional(Type.String({ maxLength: 10, description: 'ITL code; matches regions inside it' })),
  status: Type.Optional(Literals(PUBLIC_STATUSES)),
  sort: Type.Optional(Literals(OPPORTUNITY_SORTS)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: OPPORTUNITY_MAX_PAGE_SIZE })),
});

export const OpportunityParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const OrgOpportunityParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  oid: Type.Integer({ minimum: 1 }),
});

const Text = (maxLength: number) => Type.String({ maxLength });
export const OpportunityBody = Type.Object({
  title: Text(1000),
  problem: Text(20_000),
  outcomesSought: Text(20_000),
  missionIds: Type.Optional(Type.Array(Text(100), { maxItems: 10 })),
  outcomeIds: Type.Optional(Type.Array(Text(200), { maxItems: 50 })),
  windowStart: Type.Optional(Nullable(Text(20))),
  windowEnd: Type.Optional(Nullable(Text(20))),
  budgetMin: Type.Optional(Nullable(Text(40))),
  budgetMax: Type.Optional(Nullable(Text(40))),
  cpvCode: Type.Optional(Nullable(Text(20))),
  region: Type.Optional(Nullable(Text(10))),
  contactName: Text(1000),
  contactEmail: Text(1000),
  status: Type.Optional(Literals(OPPORTUNITY_STATUSES)),
});

export const InterestListSchema = Type.Object({
  opportunityId: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      supplierOrganisation: Type.String(),
      email: Type.String(),
      companiesHouse: Nullable(Type.String()),
      ppon: Nullable(Type.String()),
      sme: Type.Boolean(),
      vcse: Type.Boolean(),
      message: Nullable(Type.String()),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
