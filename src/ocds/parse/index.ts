export { readInputs, readFileItems, readStream, DEFAULT_MAX_ITEM_BYTES, type ReadOptions } from './read.js';
export { checkUsable } from './usable.js';
export type { Upgrade } from './dispatch.js';
