// JSON Merge Patch (RFC 7386), the mechanism OCDS uses to apply an extension's release-schema.json to the core
// schema (OCDS extension template; ocdsextensionregistry ProfileBuilder and lib-cove-ocds both call
// `json_merge_patch.merge`). Pure: neither argument is modified, and nothing of the patch is shared with the result.

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies `patch` to `target` as RFC 7386 section 2 says: objects merge key by key, `null` removes a key, anything
 * else (arrays included) replaces. Keys keep the target's order; new keys are appended, as Python dicts do.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else result[name] = applyMergePatch(result[name], value);
  }
  return result;
}
