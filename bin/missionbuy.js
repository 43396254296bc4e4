#!/usr/bin/env -S node --max-old-space-size=256
// The V8 heap is capped at 256 MB (the shebang; `npm start` passes the same flag): without a cap V8 lets garbage
// build up to ~260 MB before collecting and an ingest of 100,000 releases peaked at 406 MB RSS
// (553 MB at 200,000); with it, 243 MB.
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'missionbuy: not built yet. Run `npm install` (or `npm run build`) in the repository first.\n',
  );
  process.exit(70);
}
await import(entry.href);
