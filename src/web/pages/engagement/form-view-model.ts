// The engagement exercise form (new, edit) → govuk-frontend macro parameters. Participants are rows of inputs
// (p-0-name, p-0-identifier, p-0-sme …): the saved ones and three blank rows, so the page works without
// JavaScript (save, then change to add more). The later tender is a choice among the offered candidates or a
// typed ocid. The service's "field: problem" messages come back as the error summary and each field's error.
import {
  ENGAGEMENT_FORMATS,
  FLAG_LABELS,
  FORMAT_LABELS,
  PARTICIPANT_FLAGS,
  TRI_LABELS,
  TRI_STATES,
} from '../../../domain/engagement.js';
import {
  problemsOf,
  type ExerciseField,
  type ExerciseInputRaw,
  type ParticipantRaw,
} from '../../../services/engagement/engagement-input.js';
import type { ExerciseRecord, TenderRef } from '../../../services/engagement/engagement.service.js';
import { formatDate } from '../../format.js';
import { dayInput, editFormFrame, joinDay, type EditFormFrame } from '../shared/edit-form.js';

export const BLANK_PARTICIPANT_ROWS = 3;
const MIN_ROWS = 5;
/** The tender radio's value for "another ocid" (typed in tenderOther). */
const OTHER = 'other';

export interface ExerciseFormValues {
  purpose: string;
  startDate: string;
  endDate: string;
  format: string;
  questions: string;
  summary: string;
  requirementChanges: string;
  tenderOcid: string;
  participants: { name: string; identifier: string; sme: string; vcse: string; local: string }[];
}

const LABELS: Record<ExerciseField, string> = {
  purpose: 'Purpose',
  startDate: 'Start date',
  endDate: 'End date',
  format: 'Format',
  questions: 'Questions asked',
  participants: 'Participants',
  summary: 'What was learned',
  requirementChanges: 'How the requirement changed',
  tenderOcid: 'Later tender',
  rationale: 'Reason for no engagement',
};

/** Form body → values (dates joined from their three inputs, participant rows read until the first gap). */
export function readExerciseForm(body: Record<string, unknown>): ExerciseFormValues {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const participants: ExerciseFormValues['participants'] = [];
  for (let i = 0; i < 500 && `p-${i}-name` in body; i += 1)
    participants.push({
      name: s(`p-${i}-name`),
      identifier: s(`p-${i}-identifier`),
      sme: s(`p-${i}-sme`),
      vcse: s(`p-${i}-vcse`),
      local: s(`p-${i}-local`),
    });
  const choice = s('tenderOcid');
  return {
    purpose: s('purpose'),
    startDate: joinDay(s, 'startDate'),
    endDate: joinDay(s, 'endDate'),
    format: s('format'),
    questions: s('questions'),
    summary: s('summary'),
    requirementChanges: s('requirementChanges'),
    tenderOcid: choice === OTHER ? s('tenderOther').trim() : choice,
    participants,
  };
}

export const exerciseInput = (v: ExerciseFormValues): ExerciseInputRaw => ({
  ...v,
  participants: v.participants as ParticipantRaw[],
});

export function exerciseValues(x: ExerciseRecord): ExerciseFormValues {
  return {
    purpose: x.purpose,
    startDate: x.startDate ?? '',
    endDate: x.endDate ?? '',
    format: x.format,
    questions: x.questions ?? '',
    summary: x.summary ?? '',
    requirementChanges: x.requirementChanges ?? '',
    tenderOcid: x.tenderOcid ?? '',
    participants: x.participants.map((p) => ({ ...p, identifier: p.identifier ?? '' })),
  };
}

export const EMPTY_EXERCISE: ExerciseFormValues = {
  purpose: '',
  startDate: '',
  endDate: '',
  format: '',
  questions: '',
  summary: '',
  requirementChanges: '',
  tenderOcid: '',
  participants: [],
};

const DATE_FIELDS: readonly ExerciseField[] = ['startDate', 'endDate'];
const hrefOf = (f: ExerciseField) =>
  DATE_FIELDS.includes(f) ? `#${f}-day` : f === 'participants' ? '#p-0-name' : `#${f}`;

export function exerciseErrors(message: string | undefined) {
  if (!message) return [];
  return problemsOf(message).map((p) => ({
    field: p.field,
    text: `${LABELS[p.field]}: ${p.message}`,
    href: hrefOf(p.field),
  }));
}

const dateInput = (f: 'startDate' | 'endDate', value: string, error?: { text: string }) =>
  dayInput(f, `${LABELS[f]} (optional)`, value, 'For example 12 3 2026', error);

export interface ExerciseFormContext extends EditFormFrame {
  values: ExerciseFormValues;
  candidates: readonly TenderRef[];
  /** Whether the entry has a CPV code (candidates are matched on it). */
  entryHasCpv: boolean;
  error?: string | undefined;
}

export function exerciseFormViewModel(c: ExerciseFormContext) {
  const v = c.values;
  const errors = exerciseErrors(c.error);
  const err = (f: ExerciseField) => {
    const mine = errors.filter((e) => e.field === f);
    return mine.length ? { text: mine.map((e) => e.text).join('. ') } : undefined;
  };
  const textarea = (f: ExerciseField, value: string, hint: string) => ({
    id: f,
    name: f,
    label: { text: `${LABELS[f]} (optional)`, classes: 'govuk-label--s' },
    hint: { text: hint },
    value,
    rows: 4,
    errorMessage: err(f),
  });
  const rows = [
    ...v.participants,
    ...Array.from({ length: Math.max(BLANK_PARTICIPANT_ROWS, MIN_ROWS - v.participants.length) }, () => ({
      name: '',
      identifier: '',
      sme: '',
      vcse: '',
      local: '',
    })),
  ];
  const offered = c.candidates.some((t) => t.ocid === v.tenderOcid);
  const other = v.tenderOcid !== '' && !offered;
  return {
    ...editFormFrame(c, errors),
    participantsError: err('participants'),
    participantRows: rows.map((p, i) => ({
      index: i,
      name: {
        id: `p-${i}-name`,
        name: `p-${i}-name`,
        value: p.name,
        label: { text: `Organisation ${i + 1}` },
      },
      identifier: {
        id: `p-${i}-identifier`,
        name: `p-${i}-identifier`,
        value: p.identifier,
        classes: 'govuk-input--width-10',
        spellcheck: false,
        label: { text: `Identifier of organisation ${i + 1} (optional)` },
      },
      flags: PARTICIPANT_FLAGS.map((f) => ({
        id: `p-${i}-${f}`,
        name: `p-${i}-${f}`,
        label: { text: `${FLAG_LABELS[f]} (organisation ${i + 1})` },
        items: TRI_STATES.map((t) => ({
          value: t,
          text: TRI_LABELS[t],
          selected: t === (p[f] || 'unknown'),
        })),
      })),
    })),
    fields: {
      purpose: {
        id: 'purpose',
        name: 'purpose',
        label: { text: LABELS.purpose, classes: 'govuk-label--s' },
        hint: { text: 'Why you engaged the market, in a sentence or two' },
        value: v.purpose,
        rows: 2,
        errorMessage: err('purpose'),
      },
      startDate: dateInput('startDate', v.startDate, err('startDate')),
      endDate: dateInput('endDate', v.endDate, err('endDate')),
      format: {
        idPrefix: 'format',
        name: 'format',
        fieldset: { legend: { text: LABELS.format, classes: 'govuk-fieldset__legend--s' } },
        items: ENGAGEMENT_FORMATS.map((f) => ({ value: f, text: FORMAT_LABELS[f], checked: v.format === f })),
        errorMessage: err('format'),
      },
      questions: textarea('questions', v.questions, 'The questions put to suppliers'),
      summary: textarea('summary', v.summary, 'What suppliers told you'),
      requirementChanges: textarea(
        'requirementChanges',
        v.requirementChanges,
        'For example lots, timing, specification or award criteria changed',
      ),
      tender: {
        idPrefix: 'tenderOcid',
        name: 'tenderOcid',
        fieldset: {
          legend: { text: `${LABELS.tenderOcid} (optional)`, classes: 'govuk-fieldset__legend--s' },
        },
        hint: {
          text: c.entryHasCpv
            ? 'Processes of this buyer first published after the exercise with a CPV code in the entry’s class'
            : 'Give the entry a CPV code to be offered matching processes; you can still type an ocid',
        },
        errorMessage: err('tenderOcid'),
        items: [
          { value: '', text: 'Not yet known', checked: v.tenderOcid === '' },
          ...c.candidates.map((t) => ({
            value: t.ocid,
            text: `${t.title ?? t.ocid}`,
            hint: { text: `${t.ocid}, first published ${formatDate(t.firstPublished)}` },
            checked: v.tenderOcid === t.ocid,
          })),
          { value: OTHER, text: 'Another process (type its ocid)', checked: other },
        ],
      },
      tenderOther: {
        id: 'tenderOther',
        name: 'tenderOther',
        label: { text: 'Ocid of the later tender' },
        hint: { text: 'For example ocds-h6vhtk-04f2a1' },
        spellcheck: false,
        value: other ? v.tenderOcid : '',
      },
    },
  };
}

/** The no-engagement reason form's error (on the entry's engagement page). */
export const rationaleError = (message: string | undefined) =>
  message ? exerciseErrors(message).map(({ text }) => ({ text, href: '#rationale' })) : [];
