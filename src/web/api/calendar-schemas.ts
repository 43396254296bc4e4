// The compliance calendar's API schemas (docs/compliance-calendar.md, docs/api.md).
import { Type, type TSchema } from 'typebox';
import { CALENDAR_STATUSES, DUTY_IDS } from '../../analytics/calendar/index.js';
import { CALENDAR_MAX_PAGE, CALENDAR_MAX_PAGE_SIZE } from '../../services/index.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Status = Type.Union(CALENDAR_STATUSES.map((s) => Type.Literal(s)));

const filters = {
  asOf: Type.Optional({ ...Day, description: 'Judge as of this day (default: today in the UK).' }),
  status: Type.Optional(
    Type.String({
      maxLength: 200,
      description: `Only these statuses, comma-separated: ${CALENDAR_STATUSES.join(', ')}.`,
    }),
  ),
};

export const CalendarQuery = Type.Object(
  {
    ...filters,
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: CALENDAR_MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: CALENDAR_MAX_PAGE_SIZE, default: 50 })),
  },
  { additionalProperties: false },
);

export const CalendarExportQuery = Type.Object(filters, { additionalProperties: false });

const Entry = Type.Object({
  key: Type.String({ description: 'Stable id of the entry (the iCalendar UID before the @).' }),
  duty: Type.Union(DUTY_IDS.map((d) => Type.Literal(d))),
  notice: Type.String({ description: 'UK1…UK17; "UK8 [?]" where the code is unverified; "–" for a report.' }),
  title: Type.String(),
  dueDate: Nullable(Day),
  status: Status,
  doneDate: Nullable(Day),
  daysLate: Nullable(
    Type.Integer({ description: 'With status done: days after the due date (0 = on time).' }),
  ),
  daysUntilDue: Nullable(Type.Integer({ description: 'Due date − as-of day; negative once past.' })),
  ocid: Nullable(Type.String()),
  recordTitle: Nullable(Type.String()),
  recordPath: Nullable(Type.String({ description: 'The record’s page, /contracts/{ocid}.' })),
  subject: Nullable(Type.String()),
  detail: Type.String(),
  missing: Type.Array(Type.String(), { description: 'Fields needed to date it (status undated).' }),
  confirmable: Type.Boolean({ description: 'False when published OCDS data cannot show it was done.' }),
  assumptions: Type.Array(Type.String(), { description: 'Configurable defaults ([?]) it depends on.' }),
  source: Type.String(),
});

export const CalendarPage = Type.Object({
  organisation: Type.Object({ id: Type.Integer(), name: Type.String(), buyerType: Nullable(Type.String()) }),
  asOf: Day,
  horizon: { ...Day, description: 'Periodic duties are listed up to this day.' },
  dueSoonDays: Type.Integer(),
  records: Type.Integer({ description: 'Records of the organisation as buyer.' }),
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'Entries by status, before filtering.' }),
  statuses: Type.Array(Status),
  notes: Type.Array(
    Type.Object({ duty: Type.String(), subject: Nullable(Type.String()), detail: Type.String() }),
    { description: 'Duties not on the calendar, and why.' },
  ),
  assumptions: Type.Array(
    Type.Object({ ruleId: Type.String(), title: Type.String(), value: Type.String(), source: Type.String() }),
  ),
  items: Type.Array(Entry),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
