// The mission dashboard (issue 8 item 6; docs/mission-dashboard.md): each contract's missions and the stored
// mission × buyer × region × quarter summary (refresh.ts), its reads (query.ts), the
// records behind a figure (records.ts) and the shares (figures.ts).
export * from './contract-missions.js';
export * from './figures.js';
export * from './query.js';
export * from './refresh.js';
export * from './records.js';
export * from './kpi-summary.js';
export * from './social-value-summary.js';
