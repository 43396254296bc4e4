// The notice timeline: one row per release of the record, classified by domain/notice-type.ts (domain.md §2).
import { parseDate } from '../../domain/dates.js';
import { classifyRelease } from '../../domain/notice-type.js';
import type { NoticeProjection } from '../../store/contract-model.types.js';
import { lastByKey } from './json.js';

export interface ReleaseInput {
  id: string;
  /** The release `date` as published. */
  date: string;
  tags: string[];
  data: Record<string, unknown>;
}

/**
 * Notices in date order. A release whose date cannot be read is left out (the store only keeps releases with a
 * valid date, so this is defence, not a rule); the same (id, date) twice keeps the later arrival.
 */
export function noticeRows(ocid: string, releases: readonly ReleaseInput[]): NoticeProjection[] {
  const rows: NoticeProjection[] = [];
  for (const r of releases) {
    const date = parseDate(r.date);
    if (date === null) continue;
    const c = classifyRelease(r.data, r.tags);
    rows.push({
      ocid,
      release_id: r.id,
      release_date: date,
      tags: [...new Set(r.tags)],
      notice_type: c.noticeType,
      document_type: c.documentType,
      title: c.title,
      notice_kind: c.kind,
      classified_by: c.classifiedBy,
      url: c.url,
    });
  }
  const unique = lastByKey(rows, (n) => `${n.release_id}\u0000${String(n.release_date)}`);
  return unique.sort((a, b) => String(a.release_date).localeCompare(String(b.release_date)));
}
