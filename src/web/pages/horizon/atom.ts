// The horizon scan as an Atom 1.0 feed (RFC 4287): one feed per query string, so a bookmarked filter is a saved
// search a feed reader can follow. Text is escaped for XML and characters XML 1.0 forbids are dropped, so a hostile
// title can neither break the document nor inject markup.
import { horizonItemPath, horizonSupplierNames, type HorizonItem } from '../../../analytics/horizon/index.js';
import type { HorizonScan } from '../../../services/index.js';
import { formatAmount } from '../../format.js';

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; lone surrogates are out too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export const xmlText = (s: string): string =>
  s.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function entrySummary(i: HorizonItem): string {
  const parts = [
    `${i.horizon.from === 'end' ? 'Ends' : 'Latest possible end'} ${i.horizon.day}`,
    `decision due by ${i.decisionDueBy}${i.decisionOverdue ? ' (overdue)' : ''}`,
    `buyer: ${i.buyer?.name ?? 'not known'}`,
    `value: ${i.value ? formatAmount(i.value.amount, i.value.currency) : 'not known'}`,
    `supplier(s): ${horizonSupplierNames(i).join('; ') || 'not known'}`,
    `procedure: ${i.procedure.details ?? i.procedure.method ?? 'not known'}${i.procedure.directAward ? ' (direct award)' : ''}`,
  ];
  if (i.maxExtent && i.horizon.from === 'end') parts.push(`max extent ${i.maxExtent}`);
  if (i.missions.length > 0) parts.push(`missions: ${i.missions.map((m) => m.name).join('; ')}`);
  if (i.source.kind === 'register') parts.push(`source: ${i.source.label}, line ${i.source.line}`);
  return `${parts.join('; ')}.`;
}

export interface FeedLinks {
  /** The feed's own absolute URL (also its id). */
  self: string;
  /** The page with the same filters. */
  page: string;
  /** Absolute base URL of the site, for contract links. */
  base: string;
}

export function horizonAtom(scan: HorizonScan, title: string, links: FeedLinks, serviceName: string): string {
  const asOfInstant = `${scan.asOf}T00:00:00Z`;
  const updated = scan.items.reduce(
    (a, i) => (i.lastUpdated && i.lastUpdated > a ? i.lastUpdated : a),
    asOfInstant,
  );
  const entries = scan.items.map((i) => {
    // A register contract has no page of its own: its id is a URN and its link the scan of its buyer.
    const path = horizonItemPath(i);
    const url = path !== null ? `${links.base}${path}` : `${links.base}/horizon?buyerId=${i.buyer?.id ?? ''}`;
    const id =
      path !== null || i.source.kind === 'ocds'
        ? url
        : `urn:missionbuy:register-contract:${i.source.registerContractId}`;
    return [
      '  <entry>',
      `    <title>${xmlText(i.title ?? i.ocid ?? 'Contract')}</title>`,
      `    <id>${xmlText(id)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `    <updated>${i.lastUpdated ?? asOfInstant}</updated>`,
      `    <summary type="text">${xmlText(entrySummary(i))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xmlText(title)}</title>`,
    `  <subtitle>${xmlText(`As of ${scan.asOf}: ${scan.total} contracts ending by ${scan.windowEnd}, soonest decision first.`)}</subtitle>`,
    `  <id>${xmlText(links.self)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(links.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(links.page)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlText(serviceName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/**
 * The feed's title: the window and the buyer, supplier or mission it is about, and a saved search's name when it is
 * one.
 */
export function horizonFeedTitle(
  months: number,
  named: { buyer?: { name: string }; supplier?: { name: string }; mission?: { name: string } },
  searchName?: string,
): string {
  const about = [
    named.buyer?.name,
    named.supplier && `supplier ${named.supplier.name}`,
    named.mission && `mission: ${named.mission.name}`,
  ]
    .filter(Boolean)
    .join(', ');
  const what = `contracts ending within ${months} months${about ? ` (${about})` : ''}`;
  return searchName === undefined ? `Horizon scan: ${what}` : `${searchName}: ${what}`;
}
