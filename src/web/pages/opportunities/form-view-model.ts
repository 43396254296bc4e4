// The opportunity form (new, edit) → govuk-frontend macro parameters. National outcomes are checkboxes (their
// mission is ticked for the editor by the service); regional outcome ids go in a text field; the window's dates
// are GOV.UK date inputs. The service's "field: problem" messages come back as the error summary.
import {
  OPPORTUNITY_STATUS_LABELS,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TRANSITIONS,
  type OpportunityStatus,
} from '../../../domain/opportunity.js';
import type { Mission, Outcome } from '../../../domain/missions/standard.js';
import {
  OPPORTUNITY_INPUT_FIELDS,
  type OpportunityInputField,
  type OpportunityInputRaw,
} from '../../../services/opportunities/opportunity-input.js';
import type { OpportunityRecord } from '../../../services/opportunities/opportunities.service.js';
import { bodyText, dayInput, editFormFrame, joinDay, type EditFormFrame } from '../shared/edit-form.js';
import { errorsByField, problemErrors } from '../shared/form-fields.js';

export type FormValues = Partial<Record<OpportunityInputField, string | string[]>> & {
  otherOutcomeIds?: string;
};

export const FIELD_LABELS: Record<OpportunityInputField, string> = {
  title: 'Title',
  problem: 'The problem',
  outcomesSought: 'Outcomes sought',
  missionIds: 'Missions',
  outcomeIds: 'Outcomes',
  windowStart: 'Expected start',
  windowEnd: 'Expected end',
  budgetMin: 'Lowest budget',
  budgetMax: 'Highest budget',
  cpvCode: 'CPV code',
  region: 'Region',
  contactName: 'Contact name',
  contactEmail: 'Contact email address',
  status: 'Status',
};

const DATES = ['windowStart', 'windowEnd'] as const;
const LISTS = ['missionIds', 'outcomeIds'] as const;
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

export function readForm(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  const str = bodyText(body);
  for (const f of OPPORTUNITY_INPUT_FIELDS) {
    if ((DATES as readonly string[]).includes(f)) out[f] = joinDay(str, f);
    else if ((LISTS as readonly string[]).includes(f)) out[f] = list(body[f]);
    else out[f] = str(f);
  }
  out.otherOutcomeIds = typeof body.otherOutcomeIds === 'string' ? body.otherOutcomeIds : '';
  return out;
}

/** Service input: ticked national outcomes and the typed regional ones together. */
export const toInput = (v: FormValues): OpportunityInputRaw => ({
  ...v,
  outcomeIds: [...list(v.outcomeIds), ...(v.otherOutcomeIds ?? '').split(/[\s,]+/).filter(Boolean)],
});

export function valuesOf(o: OpportunityRecord, nationalOutcomes: ReadonlySet<string>): FormValues {
  return {
    title: o.title,
    problem: o.problem,
    outcomesSought: o.outcomesSought,
    missionIds: o.missionIds,
    outcomeIds: o.outcomeIds.filter((id) => nationalOutcomes.has(id)),
    otherOutcomeIds: o.outcomeIds.filter((id) => !nationalOutcomes.has(id)).join(' '),
    windowStart: o.windowStart ?? '',
    windowEnd: o.windowEnd ?? '',
    budgetMin: o.budgetMin ?? '',
    budgetMax: o.budgetMax ?? '',
    cpvCode: o.cpvCode ?? '',
    region: o.region ?? '',
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    status: o.status,
  };
}

export interface FormContext extends EditFormFrame {
  values: FormValues;
  missions: readonly Mission[];
  outcomes: readonly Outcome[];
  error?: string | undefined;
  savedStatus?: OpportunityStatus;
}

const hrefOf = (f: OpportunityInputField) =>
  (DATES as readonly string[]).includes(f) ? `#${f}-day` : `#${f}`;

export function formViewModel(c: FormContext) {
  const v = c.values;
  const errors = problemErrors(c.error, FIELD_LABELS, hrefOf, 'title');
  const byField = errorsByField(errors);
  const err = (f: OpportunityInputField) => byField.get(f);
  const str = (f: OpportunityInputField) => (typeof v[f] === 'string' ? (v[f] as string) : '');
  const input = (f: OpportunityInputField, extra: object = {}, optional = false) => ({
    id: f,
    name: f,
    label: { text: `${FIELD_LABELS[f]}${optional ? ' (optional)' : ''}`, classes: 'govuk-label--s' },
    value: str(f),
    errorMessage: err(f),
    ...extra,
  });
  const statuses: readonly OpportunityStatus[] = c.savedStatus
    ? [c.savedStatus, ...OPPORTUNITY_TRANSITIONS[c.savedStatus]]
    : OPPORTUNITY_STATUSES.filter((s) => s !== 'closed');
  const money = (f: 'budgetMin' | 'budgetMax', hint: string) =>
    input(
      f,
      {
        hint: { text: hint },
        prefix: { text: '£' },
        inputmode: 'decimal',
        classes: 'govuk-input--width-10',
        spellcheck: false,
      },
      true,
    );
  const missionName = new Map(c.missions.map((m) => [m.id, m.name]));
  return {
    ...editFormFrame(c, errors),
    fields: {
      title: input('title'),
      problem: input('problem', {
        hint: { text: 'The problem to be solved and who has it, in plain words: not a specification.' },
        rows: 6,
      }),
      outcomesSought: input('outcomesSought', {
        hint: { text: 'What should be different when it is solved, and how you would know.' },
        rows: 4,
      }),
      missionIds: {
        idPrefix: 'missionIds',
        name: 'missionIds',
        fieldset: { legend: { text: FIELD_LABELS.missionIds, classes: 'govuk-fieldset__legend--s' } },
        hint: { text: 'The national missions this serves. An outcome you choose below adds its mission.' },
        items: c.missions.map((m) => ({
          value: m.id,
          text: m.name,
          checked: list(v.missionIds).includes(m.id),
        })),
        errorMessage: err('missionIds'),
      },
      outcomeIds: {
        idPrefix: 'outcomeIds',
        name: 'outcomeIds',
        fieldset: {
          legend: { text: `${FIELD_LABELS.outcomeIds} (optional)`, classes: 'govuk-fieldset__legend--s' },
        },
        hint: { text: 'National outcomes from the standards catalogue.' },
        items: c.outcomes.map((o) => ({
          value: o.id,
          text: o.name,
          hint: { text: `${missionName.get(o.missionId) ?? o.missionId} · ${o.id}` },
          checked: list(v.outcomeIds).includes(o.id),
        })),
        errorMessage: err('outcomeIds'),
      },
      otherOutcomeIds: {
        id: 'otherOutcomeIds',
        name: 'otherOutcomeIds',
        label: { text: 'Regional outcome ids (optional)', classes: 'govuk-label--s' },
        hint: { text: 'From your region’s standard, separated by spaces, for example region.UKE.warm-homes' },
        spellcheck: false,
        value: v.otherOutcomeIds ?? '',
      },
      windowStart: dayInput(
        'windowStart',
        `${FIELD_LABELS.windowStart} (optional)`,
        str('windowStart'),
        'When you expect to go to market, for example 1 9 2027',
        err('windowStart'),
      ),
      windowEnd: dayInput(
        'windowEnd',
        `${FIELD_LABELS.windowEnd} (optional)`,
        str('windowEnd'),
        'When the work should be done by, for example 31 3 2029',
        err('windowEnd'),
      ),
      budgetMin: money('budgetMin', 'In pounds and pence, for example 250000 or 250,000.00'),
      budgetMax: money('budgetMax', 'The same as the lowest if you have one figure'),
      cpvCode: input(
        'cpvCode',
        {
          hint: { text: '8 digits, for example 73000000' },
          classes: 'govuk-input--width-10',
          spellcheck: false,
        },
        true,
      ),
      region: input(
        'region',
        {
          hint: { text: 'ITL code, for example UKF or TLF11' },
          classes: 'govuk-input--width-5',
          spellcheck: false,
        },
        true,
      ),
      contactName: input('contactName', { autocomplete: 'off' }),
      contactEmail: input('contactEmail', { type: 'email', autocomplete: 'off', spellcheck: false }),
      status: {
        idPrefix: 'status',
        name: 'status',
        fieldset: { legend: { text: FIELD_LABELS.status, classes: 'govuk-fieldset__legend--s' } },
        hint: { text: 'Published: anyone can see it and register interest. Closed: final; it stays public.' },
        items: statuses.map((s) => ({
          value: s,
          text: OPPORTUNITY_STATUS_LABELS[s],
          checked: (str('status') || statuses[0]) === s,
        })),
        errorMessage: err('status'),
      },
    },
  };
}
