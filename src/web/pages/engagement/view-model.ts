// Market engagement pages → govuk-frontend macro parameters: an entry's exercises (with the entry's mix, its
// no-engagement reason and the buyer's published UK2 notices), one exercise, and a buyer's summary.
import {
  FLAG_LABELS,
  FORMAT_LABELS,
  PARTICIPANT_FLAGS,
  TRI_LABELS,
  type EngagementFormat,
  type ParticipationMix,
} from '../../../domain/engagement.js';
import type {
  BuyerEngagement,
  EngagementNotice,
  EntryEngagement,
  ExerciseView,
  TenderRef,
} from '../../../services/engagement/engagement.service.js';
import { formatDate, formatDateTime, NOT_KNOWN } from '../../format.js';
import type { AuditEntryView } from '../../../services/audit.service.js';
import type { html } from '../../html.js';
import { link } from '../../html.js';
import { dayText, entryHref, pipelineHref } from '../pipeline/view-model.js';
import { historyTable } from '../shared/audit-history.js';

export const engagementHref = (entryId: number) => `${entryHref(entryId)}/engagement`;
export const exerciseHref = (id: number) => `/engagement/${id}`;
export const buyerEngagementHref = (orgId: number) => `/organisations/${orgId}/engagement`;

export const formatText = (f: string) => FORMAT_LABELS[f as EngagementFormat] ?? f;
const percent = (s: number | null) => (s === null ? 'No known answers' : `${Math.round(s * 100)}%`);
const period = (x: ExerciseView) =>
  x.startDate || x.endDate ? `${dayText(x.startDate)} to ${dayText(x.endDate)}` : NOT_KNOWN;

/** The participation mix as a table: per flag, yes / no / not known and the share of known answers. */
export function mixTable(mix: ParticipationMix, caption: string) {
  return {
    caption,
    captionClasses: 'govuk-table__caption--m',
    firstCellIsHeader: true,
    head: [
      { text: 'Participants who are' },
      { text: 'Yes', format: 'numeric' },
      { text: 'No', format: 'numeric' },
      { text: 'Not known', format: 'numeric' },
      { text: 'Share of known answers', format: 'numeric' },
    ],
    rows: PARTICIPANT_FLAGS.map((f) => [
      { text: FLAG_LABELS[f] },
      { text: String(mix[f].yes), format: 'numeric' },
      { text: String(mix[f].no), format: 'numeric' },
      { text: String(mix[f].unknown), format: 'numeric' },
      { text: percent(mix[f].share), format: 'numeric' },
    ]),
  };
}

const shareCell = (x: ExerciseView, f: (typeof PARTICIPANT_FLAGS)[number]) => ({
  text: `${percent(x.mix[f].share)} (${x.mix[f].unknown} not known)`,
  format: 'numeric',
});

function exercisesTable(items: readonly ExerciseView[], opts: { entry: boolean }) {
  return {
    caption: 'Engagement exercises',
    captionClasses: 'govuk-table__caption--m',
    head: [
      { text: 'Exercise' },
      ...(opts.entry ? [{ text: 'Pipeline entry' }] : []),
      { text: 'Format' },
      { text: 'When' },
      { text: 'Participants', format: 'numeric' },
      ...PARTICIPANT_FLAGS.map((f) => ({ text: FLAG_LABELS[f], format: 'numeric' })),
    ],
    rows: items.map((x) => [
      { html: link(exerciseHref(x.id), x.purpose).toString() },
      ...(opts.entry ? [{ html: link(entryHref(x.entryId), x.entryTitle).toString() }] : []),
      { text: formatText(x.format) },
      { text: period(x) },
      { text: String(x.mix.participants), format: 'numeric' },
      ...PARTICIPANT_FLAGS.map((f) => shareCell(x, f)),
    ]),
  };
}

function noticesTable(items: readonly EngagementNotice[]) {
  if (items.length === 0) return undefined;
  return {
    caption: 'Published engagement notices (UK2)',
    captionClasses: 'govuk-table__caption--m',
    head: [{ text: 'Published' }, { text: 'Notice' }, { text: 'Process' }],
    rows: items.map((n) => [
      { text: formatDate(n.date) },
      { html: n.url ? link(n.url, n.title ?? n.releaseId).toString() : (n.title ?? n.releaseId) },
      { html: link(`/contracts/${encodeURIComponent(n.ocid)}`, n.processTitle ?? n.ocid).toString() },
    ]),
  };
}

export function entryEngagementViewModel(v: EntryEngagement) {
  const e = v.entry;
  return {
    title: `Market engagement – ${e.title} – ${e.organisationName}`,
    caption: e.organisationName,
    heading: `Market engagement: ${e.title}`,
    mayEdit: v.mayEdit,
    rationaleHistory: historyTable(v.rationaleHistory, 'Changes to the reason, newest first'),
    members: v.members,
    newHref: `${engagementHref(e.id)}/new`,
    rationaleAction: `${engagementHref(e.id)}/rationale`,
    rationale: v.rationale?.rationale ?? null,
    rationaleVersion: v.rationale?.version ?? 0,
    rationaleUpdated: v.rationale ? formatDateTime(v.rationale.updatedAt) : null,
    table: v.exercises.length ? exercisesTable(v.exercises, { entry: false }) : undefined,
    mix: v.exercises.length ? mixTable(v.mix, 'Participation mix across this entry’s exercises') : undefined,
    notices: noticesTable(v.notices),
    buyerHref: buyerEngagementHref(e.organisationId),
    breadcrumbs: {
      items: [
        { text: 'Pipelines', href: '/pipeline' },
        { text: e.organisationName, href: pipelineHref(e.organisationId) },
        { text: e.title, href: entryHref(e.id) },
        { text: 'Market engagement' },
      ],
    },
  };
}

export function exerciseViewModel(v: {
  exercise: ExerciseView;
  tender: TenderRef | null;
  mayEdit: boolean;
  history: AuditEntryView[] | null;
  members: boolean;
}) {
  const x = v.exercise;
  const row = (key: string, value: string | ReturnType<typeof html>) => ({
    key: { text: key },
    value: typeof value === 'string' ? { text: value } : { html: value.toString() },
  });
  const tender = x.tenderOcid
    ? link(`/contracts/${encodeURIComponent(x.tenderOcid)}`, v.tender?.title ?? x.tenderOcid)
    : 'Not yet linked';
  return {
    title: `${x.purpose} – market engagement – ${x.organisationName}`,
    history: historyTable(v.history, 'Changes to this exercise, newest first'),
    caption: x.organisationName,
    heading: x.purpose,
    mayEdit: v.mayEdit,
    editHref: `${exerciseHref(x.id)}/edit`,
    summary: {
      rows: [
        row('Pipeline entry', link(entryHref(x.entryId), x.entryTitle)),
        row('Format', formatText(x.format)),
        row('Dates', period(x)),
        row('Questions asked', x.questions ?? NOT_KNOWN),
        row('What was learned', x.summary ?? NOT_KNOWN),
        row('How the requirement changed', x.requirementChanges ?? NOT_KNOWN),
        row('Later tender', tender),
        row('Version', `${x.version}, last changed ${formatDateTime(x.updatedAt)}`),
      ],
    },
    mix: mixTable(x.mix, 'Participation mix'),
    participants: v.members
      ? {
          caption: 'Participants',
          captionClasses: 'govuk-table__caption--m',
          head: [
            { text: 'Organisation' },
            { text: 'Identifier' },
            ...PARTICIPANT_FLAGS.map((f) => ({ text: FLAG_LABELS[f] })),
          ],
          rows: x.participants.map((p) => [
            { text: p.name },
            { text: p.identifier ?? NOT_KNOWN },
            ...PARTICIPANT_FLAGS.map((f) => ({ text: TRI_LABELS[p[f]] })),
          ]),
        }
      : undefined,
    breadcrumbs: {
      items: [
        { text: 'Pipelines', href: '/pipeline' },
        { text: x.organisationName, href: pipelineHref(x.organisationId) },
        { text: x.entryTitle, href: entryHref(x.entryId) },
        { text: 'Market engagement', href: engagementHref(x.entryId) },
        { text: x.purpose },
      ],
    },
  };
}

export function buyerEngagementViewModel(v: BuyerEngagement) {
  const href = buyerEngagementHref(v.organisation.id);
  return {
    title: `Market engagement – ${v.organisation.name}`,
    caption: v.organisation.name,
    heading: 'Market engagement',
    members: v.members,
    total: v.exercises.length,
    csvHref: `${href}.csv`,
    pipelineHref: pipelineHref(v.organisation.id),
    table: v.exercises.length ? exercisesTable(v.exercises, { entry: true }) : undefined,
    mix: v.exercises.length ? mixTable(v.mix, 'Participation mix across the buyer’s exercises') : undefined,
    notices: noticesTable(v.notices),
    breadcrumbs: {
      items: [
        { text: 'Pipelines', href: '/pipeline' },
        { text: v.organisation.name, href: pipelineHref(v.organisation.id) },
        { text: 'Market engagement' },
      ],
    },
  };
}
