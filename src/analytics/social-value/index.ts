// Social value committed vs delivered vs verified (issue 8 item 5; docs/social-value.md): a query (query.ts: one
// fact per commitment) and pure functions (rollup.ts: adding up by group and metric id, like metrics only). The
// mission dashboard (issue 8 item 6) reuses both.
export * from './query.js';
export * from './rollup.js';
