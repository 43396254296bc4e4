// Award values clustered just below the notifiable below-threshold amounts (£12,000 / £30,000) or the dated
// procurement thresholds (domain.md §1.1, §1.3): splitting or pricing to stay under a duty.
import type { RuleId } from '../../../domain/rules/index.js';
import { RULES, ukDay } from '../../../domain/rules/index.js';
import { recordDay, standingAwards, thresholdFigure } from '../facts-helpers.js';
import { latestDay } from './buyer-day.js';
import { clear, flagged, notComputable, pounds, ruleOn, type BuyerFlag, type FlagOutcome } from '../flag.js';

/** The thresholds awards are set against: every `threshold.*` and notifiable below-threshold rule. */
export const CLUSTER_THRESHOLDS = (Object.keys(RULES) as RuleId[]).filter(
  (id) => id.startsWith('threshold.') || id.startsWith('below-threshold.notifiable'),
);

interface Hit {
  ocid: string;
  awardId: string;
  amount: string;
  basis: string;
}

export const thresholdClustering: BuyerFlag = {
  id: 'threshold-clustering',
  title: 'Awards clustered below thresholds',
  scope: 'buyer',
  severity: 'medium',
  definition:
    'At least the configured number of a buyer’s awards (default 3) fall just below one threshold: within the ' +
    'configured band (default 10%) under £12,000 or £30,000 (notifiable below-threshold contracts) or a ' +
    'procurement threshold in force on the award date (else the record’s first notice). Values VAT included where published, else net.',
  source: 'domain.md §1.1, §1.3 and §5.1 (ours, configurable); issue 6',
  thresholds: ['redflag.cluster-band-percent', 'redflag.cluster-min-awards', ...CLUSTER_THRESHOLDS],
  fields: ['award.value', 'award.value_gross', 'award.currency', 'process.first_published'],
  evaluate(records, ctx) {
    const hits = new Map<string, { threshold: string; hits: Hit[] }>();
    let unvalued = 0;
    let valued = 0;
    let band: ReturnType<typeof ruleOn<'redflag.cluster-band-percent'>> = null;
    for (const r of records) {
      for (const a of standingAwards(r)) {
        const day = ukDay(a.date) ?? recordDay(r);
        const fig = thresholdFigure(a.value);
        if (fig === null || day === null) {
          unvalued += 1;
          continue;
        }
        valued += 1;
        band = ruleOn(ctx, day, 'redflag.cluster-band-percent') ?? band;
        const pct = ctx.rules(day).value('redflag.cluster-band-percent');
        if (pct === null) continue;
        const amount = Number(fig.amount);
        for (const id of CLUSTER_THRESHOLDS) {
          const t = ctx.rules(day).value(id) as string | null;
          if (t === null) continue;
          const limit = Number(t);
          if (amount < limit && amount * 100 >= limit * (100 - pct)) {
            const g = hits.get(t) ?? { threshold: t, hits: [] };
            g.hits.push({ ocid: r.ocid, awardId: a.id, amount: fig.amount, basis: fig.basis });
            hits.set(t, g);
          }
        }
      }
    }
    if (valued === 0)
      return [
        notComputable(`None of the buyer’s ${unvalued} award(s) has a value in pounds.`, ['awards[].value'], {
          evidence: [{ label: 'awards without a value', value: String(unvalued) }],
        }),
      ];
    const min = ruleOn(ctx, latestDay(records.map(recordDay)), 'redflag.cluster-min-awards');
    if (min === null) return [];
    const rules = [min.used, ...(band ? [band.used] : [])];
    const base = [
      { label: 'awards with a value', value: String(valued) },
      { label: 'awards without a value', value: String(unvalued) },
    ];
    const groups = [...hits.values()].sort((a, b) => Number(a.threshold) - Number(b.threshold));
    const out: FlagOutcome[] = groups
      .filter((g) => g.hits.length >= min.value)
      .map((g) =>
        flagged(
          `${g.hits.length} awards just below ${pounds(g.threshold)}: ${g.hits.map((h) => pounds(h.amount)).join(', ')}.`,
          {
            subject: `below ${pounds(g.threshold)}`,
            ocids: [...new Set(g.hits.map((h) => h.ocid))],
            evidence: [
              ...base,
              ...g.hits.map((h) => ({
                label: `${h.ocid} award ${h.awardId}`,
                value: `${pounds(h.amount)} (${h.basis})`,
              })),
            ],
            rules,
          },
        ),
      );
    if (out.length > 0) return out;
    const near = groups.map((g) => `${g.hits.length} below ${pounds(g.threshold)}`).join(', ');
    return [
      clear(`No threshold has ${min.value} or more awards just below it${near ? ` (${near})` : ''}.`, {
        evidence: base,
        rules,
      }),
    ];
  },
};
