// The "Red flags" section of a contract's page: one row per record flag judgement, with its result, what was found
// and the evidence, from the same service as the API and CLI (docs/red-flags.md). Text cells only (autoescaped).
import { RED_FLAGS } from '../../../analytics/redflags/index.js';
import type { FlagsAnswer } from '../../../services/redflags.service.js';

const RESULT = { flagged: 'Flagged', clear: 'Clear' } as const;

export function redFlagsTable(a: FlagsAnswer) {
  if (a.kind !== 'record') return undefined;
  const shown = a.items.filter((r) => r.reason !== 'out-of-scope');
  return {
    outOfScope: a.items.length - shown.length,
    api: `/api/flags?ocid=${encodeURIComponent(a.ocid ?? '')}&status=all`,
    table:
      shown.length === 0
        ? undefined
        : {
            caption: 'Red flags on this record',
            captionClasses: 'govuk-visually-hidden',
            head: [{ text: 'Flag' }, { text: 'Result' }, { text: 'Found' }, { text: 'Evidence' }],
            rows: shown.map((r) => [
              {
                text: `${RED_FLAGS.find((f) => f.id === r.flagId)?.title ?? r.flagId}${r.subject ? ` (${r.subject})` : ''}`,
              },
              { text: r.status === 'not-applicable' ? 'Not computable' : RESULT[r.status] },
              { text: r.missing ? `${r.detail} Missing: ${r.missing.join(', ')}.` : r.detail },
              {
                text: [
                  ...r.evidence.map((e) => `${e.label}: ${e.value}`),
                  ...r.rules.map((u) => `${u.id} = ${u.value}${u.configurableDefault ? ' [?]' : ''}`),
                ].join('; '),
              },
            ]),
          },
  };
}
