// An Atom 1.0 feed document (RFC 4287) around entries already written: the feed's title, id (its own address),
// self and alternate links, updated time and author. Shared by the pipeline and opportunity feeds.
import { xmlText } from '../horizon/atom.js';

export interface AtomFeedHead {
  title: string;
  /** The feed's own address: also its id. */
  self: string;
  /** The page the feed follows. */
  page: string;
  serviceName: string;
}

export function atomDocument(feed: AtomFeedHead, updated: Date, entries: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xmlText(feed.title)}</title>`,
    `  <id>${xmlText(feed.self)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.page)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${xmlText(feed.serviceName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
