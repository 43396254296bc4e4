// Turns one candidate item into either a storable release (validated, serialised, hashed) or a quarantine row.
import { createHash } from 'node:crypto';
import type { NewQuarantine, NewRelease } from '../../store/release.repository.js';
import type { BadItem, CandidateRelease, Finding, UsableRelease } from '../types.js';
import { timeSync, type StageTimes } from './stage-times.js';

export interface Checker {
  checkUsable(
    candidate: CandidateRelease,
  ): { ok: true; release: UsableRelease } | { ok: false; bad: BadItem };
  validate(release: unknown): Finding[];
}

export function toQuarantine(bad: BadItem): NewQuarantine {
  return {
    file: bad.position.file,
    byteOffset: bad.position.byteOffset ?? null,
    line: bad.position.line ?? null,
    itemIndex: bad.position.itemIndex ?? null,
    pointer: bad.position.pointer,
    reason: bad.reason,
    message: bad.message,
    excerpt: bad.excerpt ?? null,
  };
}

const tagsOf = (tag: unknown): string[] =>
  Array.isArray(tag)
    ? tag.filter((t): t is string => typeof t === 'string')
    : typeof tag === 'string'
      ? [tag]
      : [];

export function prepareRelease(
  checker: Checker,
  candidate: CandidateRelease,
  times?: StageTimes,
): { release: NewRelease } | { quarantine: NewQuarantine } {
  const usable = checker.checkUsable(candidate);
  if (!usable.ok) return { quarantine: toQuarantine(usable.bad) };
  const release = usable.release;
  const findings: Finding[] = checker.validate(release);
  if (candidate.fromCompiledRecord) {
    findings.push({
      pointer: '',
      keyword: 'linked-releases',
      message:
        'The record package links its releases instead of embedding them; its compiledRelease was stored in their place.',
    });
  }
  const [json, hash] = timeSync(times, 'hash', () => {
    const text = JSON.stringify(release);
    return [text, createHash('sha256').update(text).digest()] as const;
  });
  return {
    release: {
      ocid: release.ocid,
      releaseId: String(release.id),
      dateText: release.date,
      tags: tagsOf(release.tag),
      hash,
      json,
      findings: JSON.stringify(findings),
      findingCount: findings.length,
      upgradedFrom: candidate.upgradedFrom ?? null,
    },
  };
}
