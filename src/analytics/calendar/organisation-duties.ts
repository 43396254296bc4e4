// Duties of an organisation as a whole, dated period by period from the first one in force to the horizon:
// UK1 pipeline notices (judged by the quality check's pipelineOutcome for each financial year), payments
// compliance notices (s.69) and SME/VCSE spend results (PPN 001). The last two are not in OCDS data: once past
// due they "cannot be confirmed from published data". Pure: facts and an as-of day in, entries and notes out.
import { addDays, addMonths, financialYearStart, type Day } from '../../domain/rules/index.js';
import { fyLabel, pipelineOutcome } from '../quality/checks/pa-pipeline.js';
import type { BuyerFacts } from '../quality/facts.js';
import { DUTIES, type DutyId } from './duties.js';
import { entryFromOutcome, unconfirmableEntry, type CalendarEntry, type EntryContext } from './entry.js';

/** Why a duty is not on the calendar (shown under it, so an absent line is never read as "nothing due"). */
export interface DutyNote {
  duty: DutyId;
  subject: string | null;
  detail: string;
}

export interface OrganisationDuties {
  entries: CalendarEntry[];
  notes: DutyNote[];
}

export interface OrganisationContext extends EntryContext {
  /** Periodic duties are listed up to this day (due dates on or before it). */
  horizon: Day;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-04-01` → `1 Apr 2026`. */
export const shortDay = (d: Day) =>
  `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

function pipelineYears(buyer: BuyerFacts, ctx: OrganisationContext, out: OrganisationDuties): void {
  const duty = DUTIES['uk1-pipeline'];
  const commencement = ctx.rules(ctx.asOf).value('procurement-act.commencement');
  if (commencement === null) return;
  const check = { asOf: ctx.asOf, rules: ctx.rules };
  const owner = { ocid: null, organisationId: buyer.buyerId };
  for (let fy = financialYearStart(commencement); fy <= ctx.horizon; fy = addMonths(fy, 12)) {
    if (fy < commencement) continue;
    const window = ctx.rules(fy).value('pipeline.window-days');
    if (window === null || addDays(fy, window - 1) > ctx.horizon) continue;
    const o = pipelineOutcome(buyer, fy, check);
    const entry = entryFromOutcome(duty, o, owner, ctx);
    if (entry) out.entries.push(entry);
    else out.notes.push({ duty: duty.id, subject: o.subject ?? null, detail: o.detail });
  }
}

function paymentsCompliance(buyer: BuyerFacts, ctx: OrganisationContext, out: OrganisationDuties): void {
  const duty = DUTIES['payments-compliance'];
  const first = ctx.rules(ctx.asOf).value('payments-compliance.first-period-start');
  if (first === null) return;
  const exempt = ctx.rules(first).value('payments-compliance.exempt-buyer-types') ?? [];
  if (buyer.buyerType !== null && exempt.includes(buyer.buyerType)) {
    out.notes.push({
      duty: duty.id,
      subject: null,
      detail: `Not required: buyer type ${buyer.buyerType} is exempt (s.69(6)).`,
    });
    return;
  }
  const typeNote =
    buyer.buyerType === null
      ? ' The buyer type is not published, so an exemption (private utility) cannot be seen.'
      : '';
  const owner = { ocid: null, organisationId: buyer.buyerId };
  for (let start = first; start <= ctx.horizon;) {
    const rules = ctx.rules(start);
    const months = rules.value('payments-compliance.period-months');
    const after = rules.value('payments-compliance.days-after-period');
    if (months === null || after === null) break;
    const next = addMonths(start, months);
    const end = addDays(next, -1);
    const due = addDays(end, after);
    if (due > ctx.horizon) break;
    const subject = `${shortDay(start)} – ${shortDay(end)}`;
    const detail =
      `Due within ${after} days after the period ending ${end}. Payments compliance notices are not published ` +
      `in OCDS data, so missionbuy cannot see whether this one was.${typeNote}`;
    out.entries.push(unconfirmableEntry(duty, due, subject, detail, owner, ctx));
    start = next;
  }
}

function smeVcseResults(buyer: BuyerFacts, ctx: OrganisationContext, out: OrganisationDuties): void {
  const duty = DUTIES['sme-vcse-report'];
  const r = ctx.rules(ctx.asOf);
  const smeFrom = r.value('sme-vcse-report.sme-from');
  const vcseFrom = r.value('sme-vcse-report.vcse-from');
  const types = r.value('sme-vcse-report.buyer-types');
  if (smeFrom === null || types === null) return;
  if (buyer.buyerType === null || !types.includes(buyer.buyerType)) {
    out.notes.push({
      duty: duty.id,
      subject: null,
      detail:
        `Not listed: PPN 001 applies to central government; this buyer’s type is ` +
        `${buyer.buyerType ?? 'not published'} (mapping central government to ${types.join(', ')} is a ` +
        'configurable default).',
    });
    return;
  }
  const owner = { ocid: null, organisationId: buyer.buyerId };
  for (let fy = smeFrom; fy <= ctx.horizon; fy = addMonths(fy, 12)) {
    const monthDay = ctx.rules(fy).value('sme-vcse-report.due-month-day');
    if (monthDay === null) continue;
    const due = `${Number(fy.slice(0, 4)) + 1}-${monthDay}`;
    if (due > ctx.horizon) break;
    const what = vcseFrom !== null && fy >= vcseFrom ? 'SME and VCSE' : 'SME';
    const detail =
      `${what} spend results for ${fyLabel(fy)}, due by ${due}. They are not published in OCDS data, so ` +
      'missionbuy cannot see whether they were.';
    out.entries.push(unconfirmableEntry(duty, due, fyLabel(fy), detail, owner, ctx));
  }
}

/** The organisation-level duties of a buyer, as of ctx.asOf, up to ctx.horizon. */
export function organisationDuties(buyer: BuyerFacts, ctx: OrganisationContext): OrganisationDuties {
  const out: OrganisationDuties = { entries: [], notes: [] };
  pipelineYears(buyer, ctx, out);
  paymentsCompliance(buyer, ctx, out);
  smeVcseResults(buyer, ctx, out);
  return out;
}
