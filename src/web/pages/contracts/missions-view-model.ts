// The "Missions" section of a contract's page and its override form (docs/missions.md, "Mapping"): each mission
// with its role and where it came from (the default rule, the region's, the buyer's, or an override on this
// contract with its reason), missions an override removed, and codes no rule matched. Text cells only.
import type { Mission } from '../../../domain/missions/standard.js';
import type { ContractMissionsView } from '../../../services/missions/mapping.service.js';
import type { Problem } from '../../../services/missions/standards-input.js';
import { formatDateTime } from '../../format.js';

const FROM = {
  default: 'Default mapping (draft)',
  region: 'Region’s rule',
  buyer: 'Buyer’s rule',
  contract: 'Override on this contract',
} as const;

export const contractMissionsHref = (ocid: string): string =>
  `/contracts/${encodeURIComponent(ocid)}/missions`;

export function missionsSection(m: ContractMissionsView, missions: readonly Mission[], mayOverride: boolean) {
  const name = (id: string) => missions.find((x) => x.id === id)?.name ?? id;
  const rules = (t: ContractMissionsView['tags'][number]) =>
    t.rules
      .map(
        (r) =>
          `${r.tier === 'region' ? r.scope.slice('region:'.length) + ' ' : ''}${r.prefix}… (${r.codes.join(', ')})`,
      )
      .join('; ');
  return {
    table: m.tags.length
      ? {
          caption: 'Missions of this contract',
          captionClasses: 'govuk-visually-hidden',
          head: [{ text: 'Mission' }, { text: 'Role' }, { text: 'From' }, { text: 'Rule or reason' }],
          rows: m.tags.map((t) => [
            { text: name(t.missionId) },
            { text: t.role === 'primary' ? 'Primary' : 'Secondary' },
            { text: FROM[t.provenance] },
            { text: t.provenance === 'contract' ? (t.reason ?? '') : `CPV ${rules(t)}` },
          ]),
        }
      : undefined,
    removed: m.removed.map((r) => `${name(r.missionId)}: removed on this contract — ${r.removedBecause}`),
    unmapped: m.unmapped,
    noCodes: m.cpv.main === null && m.cpv.codes.length === 0,
    region: m.region,
    overrideHref: mayOverride ? contractMissionsHref(m.ocid) : null,
    api: `/api/contracts/${encodeURIComponent(m.ocid)}/missions`,
  };
}

export function overrideViewModel(
  m: ContractMissionsView,
  missions: readonly Mission[],
  values: Record<string, unknown> = {},
  problems: Problem[] = [],
) {
  const byField = Object.fromEntries(problems.map((p) => [p.field, { text: p.message }]));
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const name = (id: string) => missions.find((x) => x.id === id)?.name ?? id;
  return {
    title: `Missions – ${m.title ?? m.ocid}`,
    breadcrumbs: {
      items: [
        { text: 'Contracts', href: '/contracts' },
        { text: m.title ?? m.ocid, href: `/contracts/${encodeURIComponent(m.ocid)}` },
        { text: 'Missions' },
      ],
    },
    errorSummary: problems.length
      ? problems.map((p) => ({ text: p.message, href: `#${p.field}` }))
      : undefined,
    caption: m.title ?? m.ocid,
    section: missionsSection(m, missions, false),
    action: contractMissionsHref(m.ocid),
    cancelHref: `/contracts/${encodeURIComponent(m.ocid)}#missions`,
    mission: {
      id: 'missionId',
      name: 'missionId',
      label: { text: 'Mission', classes: 'govuk-label--s' },
      errorMessage: byField.missionId,
      items: [
        { value: '', text: 'Choose a mission' },
        ...missions.map((x) => ({ value: x.id, text: x.name, selected: str('missionId') === x.id })),
      ],
    },
    action_: {
      idPrefix: 'action',
      name: 'action',
      fieldset: { legend: { text: 'Change', classes: 'govuk-fieldset__legend--s' } },
      errorMessage: byField.action,
      items: [
        { value: 'add', text: 'Add this mission to the contract', checked: str('action') === 'add' },
        {
          value: 'remove',
          text: 'Remove this mission from the contract',
          checked: str('action') === 'remove',
        },
        {
          value: 'withdraw',
          text: 'Withdraw an earlier override (back to the rules)',
          checked: str('action') === 'withdraw',
        },
      ],
    },
    reason: {
      id: 'reason',
      name: 'reason',
      label: { text: 'Reason', classes: 'govuk-label--s' },
      hint: { text: 'Shown on the contract page and kept in the audit log.' },
      value: str('reason'),
      errorMessage: byField.reason,
    },
    overrides: m.overrides.length
      ? {
          caption: 'Overrides on this contract',
          captionClasses: 'govuk-table__caption--m',
          head: [
            { text: 'Mission' },
            { text: 'Change' },
            { text: 'Reason' },
            { text: 'By' },
            { text: 'When' },
          ],
          rows: m.overrides.map((o) => [
            { text: name(o.missionId) },
            { text: o.action === 'add' ? 'Added' : 'Removed' },
            { text: o.reason },
            { text: o.by },
            { text: `${formatDateTime(new Date(o.at))} (version ${o.version})` },
          ]),
        }
      : undefined,
  };
}
