// A buyer's pipeline changes as an Atom 1.0 feed (RFC 4287): public, so only changes made to published entries;
// one feed entry per change, newest first. Text is escaped as in the horizon feed.
import type { PipelineChangeRecord } from '../../../services/pipeline/pipeline.service.js';
import { xmlText } from '../horizon/atom.js';
import { atomDocument } from '../shared/atom-feed.js';
import { changeLines, entryHref } from './view-model.js';

export function pipelineAtom(
  changes: readonly PipelineChangeRecord[],
  feed: { title: string; self: string; page: string; base: string; serviceName: string; updated: Date },
): string {
  const entries = changes.map((c) => {
    const url = `${feed.base}${entryHref(c.entryId)}`;
    return [
      '  <entry>',
      `    <title>${xmlText(`${c.action === 'created' ? 'New' : 'Changed'}: ${c.entryTitle}`)}</title>`,
      `    <id>${xmlText(`${url}#v${c.version}`)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `    <updated>${c.at.toISOString()}</updated>`,
      `    <summary type="text">${xmlText(changeLines(c.changes, c.action === 'created').join('; '))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  const updated = changes[0]?.at ?? feed.updated;
  return atomDocument(feed, updated, entries);
}
