// Where the repository's own files are, whether the code runs from src/ (tests, tsx) or dist/src/ (built).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`missionbuy: cannot find the repository root above ${start}`);
    dir = parent;
  }
}

/** The repository root (the folder holding package.json). */
export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository. */
export const repoPath = (...parts: string[]): string => join(repoRoot, ...parts);
