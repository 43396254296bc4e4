// The OCDS release schema the product checks against: core 1.1.5 plus the extensions Find a Tender declares.
export {
  OCDS_SCHEMA_VERSION,
  loadCodelists,
  loadReleaseSchema,
  loadReleaseSchemaBundle,
  schemaExtensions,
  type ExtensionReport,
  type ReleaseSchemaBundle,
} from './load.js';
export { applyMergePatch } from './merge-patch.js';
export type { Codelist, Codelists } from './codelists.js';
export { FTS_DECLARED_EXTENSIONS, type DeclaredExtension } from './extensions.js';
