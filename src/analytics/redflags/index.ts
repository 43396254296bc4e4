// Red flags (issue 6): Procurement-Act-aware risk indicators per record and per buyer (docs/red-flags.md).
export * from './flag.js';
export { BUYER_FLAGS, RECORD_FLAGS, RED_FLAGS, redFlag } from './registry.js';
export { flagBuyer, flagRecord, loadBuyerRecords, loadBuyersRecords, type FlagResult } from './run.js';
