// Roll-over: one buyer awarding the same category (CPV division) to the same supplier again and again without
// competition. The CPV division as "category" and the count are missionbuy defaults [?].
import { isUncompeted, recordDay, standingAwards } from '../facts-helpers.js';
import { clear, flagged, notComputable, ruleOn, type BuyerFlag } from '../flag.js';
import { latestDay } from './buyer-day.js';

interface Award {
  ocid: string;
  awardId: string;
  day: string | null;
}

export const rollover: BuyerFlag = {
  id: 'rollover',
  title: 'Repeated uncompeted roll-over',
  scope: 'buyer',
  severity: 'high',
  definition:
    'One buyer made at least the configured number (default 3) of awards without competition (procurementMethod ' +
    '"limited" or "direct") to the same supplier in the same CPV division (first two digits of the main CPV code).',
  source: 'domain.md §5.1 ("repeated roll-over to the same incumbent", ours, configurable); issue 6',
  thresholds: ['redflag.rollover-min-awards'],
  fields: ['process.procurement_method', 'process.cpv_main', 'award_supplier.organisation_id', 'award.date'],
  evaluate(records, ctx) {
    const groups = new Map<string, Award[]>();
    let uncompeted = 0;
    let unclassified = 0;
    for (const r of records) {
      if (!isUncompeted(r)) continue;
      for (const a of standingAwards(r)) {
        uncompeted += 1;
        const division = r.cpv.main?.slice(0, 2) ?? null;
        if (division === null || a.suppliers.length === 0) {
          unclassified += 1;
          continue;
        }
        for (const s of a.suppliers) {
          const key = `${s.organisationId}|${division}`;
          const g = groups.get(key) ?? [];
          g.push({ ocid: r.ocid, awardId: a.id, day: a.date?.slice(0, 10) ?? recordDay(r) });
          groups.set(key, g);
        }
      }
    }
    const min = ruleOn(ctx, latestDay(records.map(recordDay)), 'redflag.rollover-min-awards');
    if (min === null) return [];
    const rules = [min.used];
    const base = [
      { label: 'uncompeted awards', value: String(uncompeted) },
      { label: 'without a CPV code or supplier', value: String(unclassified) },
    ];
    if (uncompeted > 0 && unclassified === uncompeted)
      return [
        notComputable(
          'No uncompeted award has both a main CPV code and a supplier.',
          ['tender.classification', 'awards[].suppliers'],
          {
            evidence: base,
            rules,
          },
        ),
      ];
    const repeated = [...groups.entries()].filter(([, g]) => g.length >= min.value);
    if (repeated.length === 0)
      return [
        clear(`No supplier has ${min.value} or more uncompeted awards in one CPV division.`, {
          evidence: base,
          rules,
        }),
      ];
    return repeated.map(([key, g]) => {
      const [supplier, division] = key.split('|');
      const sorted = [...g].sort((a, b) => (a.day ?? '').localeCompare(b.day ?? ''));
      return flagged(`${g.length} uncompeted awards to supplier ${supplier} in CPV division ${division}.`, {
        subject: `supplier ${supplier}, CPV ${division}`,
        ocids: [...new Set(sorted.map((a) => a.ocid))],
        evidence: [
          ...base,
          ...sorted.map((a) => ({
            label: `${a.ocid} award ${a.awardId}`,
            value: a.day ?? 'date not published',
          })),
        ],
        rules,
      });
    });
  },
};
