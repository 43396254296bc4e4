// Collaboration finder (issue 6, item 4): groups of buyers with let contracts in the same CPV market, in the same or
// adjacent ITL1 regions (or national), whose decisions are due in the same window (docs/collaboration.md). Queries
// (query.ts: from the contracts; summary-query.ts: from the stored summary, refresh.ts; find.ts picks) and pure
// functions (rules.ts: matching; group.ts: the group as shown, with its explanation).
export * from './rules.js';
export * from './query.js';
export * from './summary-query.js';
export * from './find.js';
export * from './refresh.js';
export * from './group.js';
