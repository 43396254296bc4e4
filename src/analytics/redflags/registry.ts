// Every red flag, in the order pages and the CLI list them (docs/red-flags.md describes each).
import { awardOverEstimate } from './flags/award-over-estimate.js';
import { directAwardShare } from './flags/direct-award-share.js';
import { modificationIncrease } from './flags/modification.js';
import { rollover } from './flags/rollover.js';
import { shortTenderPeriod } from './flags/short-tender-period.js';
import { singleBid } from './flags/single-bid.js';
import { thresholdClustering } from './flags/threshold-clustering.js';
import type { BuyerFlag, RecordFlag, RedFlag } from './flag.js';

export const RECORD_FLAGS: readonly RecordFlag[] = [
  singleBid,
  shortTenderPeriod,
  awardOverEstimate,
  modificationIncrease,
];
export const BUYER_FLAGS: readonly BuyerFlag[] = [directAwardShare, thresholdClustering, rollover];
export const RED_FLAGS: readonly RedFlag[] = [...RECORD_FLAGS, ...BUYER_FLAGS];

export function redFlag(id: string): RedFlag | undefined {
  return RED_FLAGS.find((f) => f.id === id);
}
