// What the web, API and CLI layers use of the collaboration service, re-exported once from services/index.ts.
export type { CollaborationResult, CollaborationService } from './collaboration.service.js';
export type {
  CollaborationField,
  CollaborationFilters,
  CollaborationQuery,
  CollaborationQueryInput,
} from './collaboration-query.js';
