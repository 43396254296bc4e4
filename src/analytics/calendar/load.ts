// The calendar of one organisation from the database: its records' facts a page at a time (entries kept, facts
// dropped, so memory stays bounded for a large buyer), then its buyer facts for the organisation-level duties.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import { loadBuyerFacts, loadRecordFacts, ocidPages } from '../quality/load-facts.js';
import { finishCalendar, recordEntries, type Calendar, type CalendarContext } from './build.js';
import type { CalendarEntry } from './entry.js';

export async function computeCalendar(
  db: Kysely<Database>,
  organisationId: number,
  ctx: CalendarContext,
  pageSize = 500,
): Promise<Calendar & { records: number }> {
  const entries: CalendarEntry[] = [];
  let records = 0;
  for await (const ocids of ocidPages(db, { buyerId: organisationId }, pageSize)) {
    const facts = await loadRecordFacts(db, ocids);
    records += facts.length;
    entries.push(...recordEntries(facts, ctx));
  }
  const buyer = records > 0 ? ((await loadBuyerFacts(db, [organisationId]))[0] ?? null) : null;
  return { ...finishCalendar(ctx, entries, buyer), records };
}
