// The compliance calendar page → parameters for govuk-frontend macros: status filter, counts, the table with
// status tags and record links, pagination, download links, notes and the configurable defaults behind it.
import {
  CALENDAR_STATUSES,
  DUTIES,
  STATUS_LABELS,
  type CalendarStatus,
} from '../../../analytics/calendar/index.js';
import type { CalendarItem, CalendarPage } from '../../../services/index.js';
import { formatNumber } from '../../format.js';
import { html, link } from '../../html.js';

export interface CalendarForm {
  asOf: string;
  status: string[];
}

const TAG_CLASSES: Record<CalendarStatus, string> = {
  overdue: 'govuk-tag--red',
  'due-soon': 'govuk-tag--orange',
  upcoming: 'govuk-tag--blue',
  done: 'govuk-tag--green',
  unconfirmable: 'govuk-tag--grey',
  undated: 'govuk-tag--purple',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const longDay = (d: string) =>
  `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** Query string for the same calendar with some parameters changed (empty values dropped). */
export function calendarQuery(form: CalendarForm, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  if (form.asOf) p.set('asOf', form.asOf);
  if (form.status.length > 0) p.set('status', form.status.join(','));
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function statusCell(e: CalendarItem) {
  const late =
    e.status === 'done' && e.daysLate
      ? html`<br /><span class="govuk-body-s">${e.daysLate} days late</span>`
      : '';
  const when =
    e.status !== 'done' && e.daysUntilDue !== null && e.daysUntilDue >= 0
      ? html`<br /><span class="govuk-body-s">in ${e.daysUntilDue} days</span>`
      : '';
  return {
    html: html`<strong class="govuk-tag ${TAG_CLASSES[e.status]}">${STATUS_LABELS[e.status]}</strong
      >${late}${when}`,
  };
}

function recordCell(e: CalendarItem) {
  if (e.recordPath === null) return { text: 'The organisation' };
  return {
    html: html`${link(e.recordPath, e.recordTitle ?? e.ocid ?? '')}<br /><span class="govuk-body-s app-break"
        >${e.ocid}</span
      >`,
  };
}

function dutyCell(e: CalendarItem) {
  const subject = e.subject ? html`<br /><span class="govuk-body-s">${e.subject}</span>` : '';
  const flag =
    e.assumptions.length > 0
      ? html` <a class="govuk-link govuk-body-s" href="#assumptions"
          >[?]<span class="govuk-visually-hidden"> depends on configurable defaults</span></a
        >`
      : '';
  return {
    html: html`<a class="govuk-link" href="#duty-${e.duty}"
        >${e.notice === '–' ? '' : `${e.notice} `}${e.title}</a
      >${flag}${subject}`,
  };
}

export function calendarViewModel(page: CalendarPage, form: CalendarForm, base: string) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const hrefFor = (n: number) => `${base}${calendarQuery(form, { page: n })}#entries`;
  const allCount = Object.values(page.counts).reduce((a, b) => a + b, 0);
  const exportQuery = calendarQuery(form);
  const first = (page.page - 1) * page.pageSize + 1;
  return {
    title: `Compliance calendar: ${page.organisation.name}`,
    wide: true,
    organisation: page.organisation,
    asOf: longDay(page.asOf),
    horizon: longDay(page.horizon),
    dueSoonDays: page.dueSoonDays,
    records: formatNumber(page.records),
    breadcrumbs: { items: [{ text: 'Home', href: '/' }, { text: 'Compliance calendar' }] },
    statusItems: CALENDAR_STATUSES.map((s) => ({
      value: s,
      text: `${STATUS_LABELS[s]} (${page.counts[s]})`,
      checked: form.status.includes(s),
    })),
    asOfValue: form.asOf,
    summary: CALENDAR_STATUSES.filter((s) => page.counts[s] > 0).map((s) => ({
      text: `${STATUS_LABELS[s]}: ${page.counts[s]}`,
      href: `${base}${calendarQuery({ ...form, status: [s] })}#entries`,
    })),
    allCount,
    total: page.total,
    showing:
      page.total === 0
        ? null
        : `Showing ${first} to ${Math.min(page.total, first + page.pageSize - 1)} of ${page.total} ${page.total === 1 ? 'entry' : 'entries'}, by due date`,
    table:
      page.items.length === 0
        ? null
        : {
            caption: 'Notices and reports due',
            classes: 'app-calendar-table',
            captionClasses: 'govuk-visually-hidden',
            firstCellIsHeader: false,
            head: [
              { text: 'Due by' },
              { text: 'Status' },
              { text: 'Duty' },
              { text: 'Record' },
              { text: 'Details' },
            ],
            rows: page.items.map((e) => [
              { text: e.dueDate ? longDay(e.dueDate) : 'Not known' },
              statusCell(e),
              dutyCell(e),
              recordCell(e),
              { text: e.detail, classes: 'govuk-body-s' },
            ]),
          },
    pagination:
      pages <= 1
        ? null
        : {
            ...(page.page > 1 ? { previous: { href: hrefFor(page.page - 1) } } : {}),
            ...(page.page < pages ? { next: { href: hrefFor(page.page + 1) } } : {}),
            items: Array.from({ length: pages }, (_, i) => ({
              number: i + 1,
              href: hrefFor(i + 1),
              current: i + 1 === page.page,
            })),
          },
    csvHref: `${base}.csv${exportQuery}`,
    icsHref: `${base}.ics${exportQuery}`,
    clearHref: base,
    filtered: form.status.length > 0,
    notes: page.notes.map((n) => ({
      duty: DUTIES[n.duty as keyof typeof DUTIES]?.title ?? n.duty,
      subject: n.subject,
      detail: n.detail,
    })),
    assumptions: page.assumptions,
    assumptionRows: page.assumptions.map((a) => [
      { text: a.title },
      { text: a.value },
      { text: a.source, classes: 'govuk-body-s' },
    ]),
    duties: Object.values(DUTIES).map((d) => ({
      id: d.id,
      name: `${d.notice === '–' ? '' : `${d.notice} `}${d.title}`,
      source: d.source,
      confirmable: d.confirmable,
    })),
  };
}
