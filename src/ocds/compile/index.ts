export { createCompiledRelease, createVersionedRelease, type MergeOptions } from './merge.js';
export { getMergeRules, APPEND, MERGE_BY_POSITION, type MergeRules, type RuleOverrides } from './rules.js';
export { OcdsMergeError } from './errors.js';
export { DUPLICATE_ID_KEYWORD, type MergeFinding } from './finding.js';
