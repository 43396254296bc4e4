// Mission market opportunities (issue 7, item 4; docs/opportunities.md): the lifecycle of a problem statement and
// the limits of what suppliers send. Pure: no I/O, no clock.

export const OPPORTUNITY_STATUSES = ['draft', 'published', 'closed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const OPPORTUNITY_STATUS_LABELS: Readonly<Record<OpportunityStatus, string>> = {
  draft: 'Draft',
  published: 'Open for interest',
  closed: 'Closed',
};

/**
 * Where an opportunity may go next: a draft is published (or dropped, closed, unseen); a published one closes.
 * Closed is final, and a published opportunity never goes back to draft: suppliers may already have answered it.
 */
export const OPPORTUNITY_TRANSITIONS: Readonly<Record<OpportunityStatus, readonly OpportunityStatus[]>> = {
  draft: ['published', 'closed'],
  published: ['closed'],
  closed: [],
};

export const canMoveOpportunity = (from: OpportunityStatus, to: OpportunityStatus): boolean =>
  from === to || OPPORTUNITY_TRANSITIONS[from].includes(to);

/** Statuses the public sees. */
export const PUBLIC_STATUSES: readonly OpportunityStatus[] = ['published', 'closed'];

export const OPPORTUNITY_LIMITS = {
  title: 200,
  problem: 5000,
  outcomesSought: 3000,
  contactName: 120,
  outcomeIds: 20,
} as const;

/** What a supplier may send when registering interest. */
export const INTEREST_LIMITS = { name: 120, organisation: 200, message: 2000 } as const;
