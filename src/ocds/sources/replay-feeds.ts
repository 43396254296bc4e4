// The recorded real pages the replay server serves: releases and package metadata from data/sample.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../../paths.js';
import type { JsonObject } from '../types.js';
import type { ReplayFeed } from './replay-server.js';

const PACKAGE_META = ['version', 'extensions', 'publisher', 'license', 'publicationPolicy'];

function metaOf(pkg: JsonObject): JsonObject {
  return Object.fromEntries(PACKAGE_META.filter((k) => k in pkg).map((k) => [k, pkg[k]]));
}

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as JsonObject;

/** Find a Tender: every release package in data/sample/find-a-tender, metadata from the real API page. */
export function ftsFeed(dir = repoPath('data', 'sample', 'find-a-tender')): ReplayFeed {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const packages = files.map((f) => readJson(join(dir, f)));
  const apiPage =
    packages.find((p) => String(p.uri ?? '').includes('ocdsReleasePackages?')) ?? packages[0] ?? {};
  return { meta: metaOf(apiPage), releases: packages.flatMap((p) => (p.releases as JsonObject[]) ?? []) };
}

/** Contracts Finder: the 2025 search-API releases, metadata from the real search page. */
export function contractsFinderFeed(dir = repoPath('data', 'sample', 'contracts-finder')): ReplayFeed {
  const page = readJson(join(dir, 'cf-2025-01-23-search-page-limit100-filtered.json'));
  const releases = readFileSync(join(dir, 'cf-2025-releases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as JsonObject);
  return { meta: metaOf(page), releases };
}
