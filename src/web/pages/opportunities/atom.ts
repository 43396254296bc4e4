// Opportunities as an Atom 1.0 feed (RFC 4287): all, or one mission's; one entry per published or closed
// opportunity, newest publication first. Text is escaped as in the horizon feed.
import { OPPORTUNITY_STATUS_LABELS } from '../../../domain/opportunity.js';
import type { OpportunityRecord } from '../../../services/opportunities/opportunities.service.js';
import { xmlText } from '../horizon/atom.js';
import { atomDocument } from '../shared/atom-feed.js';
import { budgetText, opportunityHref, windowText } from './view-model.js';

export function opportunitiesAtom(
  items: readonly OpportunityRecord[],
  feed: { title: string; self: string; page: string; base: string; serviceName: string; updated: Date },
): string {
  const entries = items.map((o) => {
    const url = `${feed.base}${opportunityHref(o.id)}`;
    const summary = `${OPPORTUNITY_STATUS_LABELS[o.status]}. ${o.problem.slice(0, 500)} Budget: ${budgetText(o)}. Expected timing: ${windowText(o)}.`;
    return [
      '  <entry>',
      `    <title>${xmlText(`${o.status === 'closed' ? 'Closed: ' : ''}${o.title}`)}</title>`,
      `    <id>${xmlText(url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `    <published>${(o.publishedAt ?? o.updatedAt).toISOString()}</published>`,
      `    <updated>${o.updatedAt.toISOString()}</updated>`,
      `    <author><name>${xmlText(o.organisationName)}</name></author>`,
      ...o.missionIds.map((m) => `    <category term="${xmlText(m)}"/>`),
      `    <summary type="text">${xmlText(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  const updated = items.reduce(
    (max, o) => (o.updatedAt > max ? o.updatedAt : max),
    items[0]?.updatedAt ?? feed.updated,
  );
  return atomDocument(feed, updated, entries);
}
