// Saved-search API schemas (docs/saved-searches.md): a search, its alerts, and what creating or renaming takes.
import { Type } from 'typebox';
import { SAVED_SEARCH_NAME_MAX } from '../../services/horizon/saved-search-input.js';
import { HorizonQuerySchema } from './horizon-schemas.js';

const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Name = Type.String({ minLength: 1, maxLength: SAVED_SEARCH_NAME_MAX });

export const SavedSearchParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const SavedSearchSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  query: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
    description:
      'The horizon filters saved (months, basis, buyerId, supplierId, cpv, region, minValue, mission, sort, order).',
  }),
  queryString: Type.String({ description: 'The same as a /horizon or /api/horizon query string.' }),
  feedUrl: Type.String({
    description: 'The Atom feed: readable without a session by anyone with the address.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  seenAt: Type.String({ format: 'date-time' }),
  seenDay: Day,
  alerts: Type.Integer({ description: 'Contracts new since last marked seen.' }),
});

export const SavedSearchList = Type.Object({
  items: Type.Array(SavedSearchSchema),
  limit: Type.Integer({ description: 'Searches one user may keep.' }),
  csrfToken: Type.String({ description: 'Send it as the X-CSRF-Token header with every change.' }),
});

export const CreateSavedSearch = Type.Object(
  {
    name: Name,
    query: Type.Omit(HorizonQuerySchema, ['asOf', 'page', 'pageSize']),
  },
  { additionalProperties: false },
);

export const RenameSavedSearch = Type.Object({ name: Name }, { additionalProperties: false });

export const AlertsQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const SavedSearchAlertsSchema = Type.Object({
  search: SavedSearchSchema,
  asOf: Day,
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Object({
      ocid: Type.Union([Type.String(), Type.Null()], { description: 'Null for a contract-register row.' }),
      registerContractId: Type.Union([Type.Integer(), Type.Null()]),
      title: Type.Union([Type.String(), Type.Null()]),
      buyer: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
      horizonDay: Day,
      decisionDueBy: Day,
      valueGbp: Type.Union([Type.String(), Type.Null()]),
      reasons: Type.Array(
        Type.Union([
          Type.Literal('new-data'),
          Type.Literal('came-into-window'),
          Type.Literal('became-overdue'),
        ]),
      ),
    }),
  ),
});
