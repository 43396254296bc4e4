// Statutory compliance calendar per organisation (issue 5, item 3): duties, entries and their status, built from
// the quality checks' facts (docs/compliance-calendar.md).
export { DUTIES, DUTY_IDS, type Duty, type DutyId } from './duties.js';
export {
  CALENDAR_STATUSES,
  STATUS_LABELS,
  timing,
  type CalendarEntry,
  type CalendarStatus,
} from './entry.js';
export { organisationDuties, type DutyNote } from './organisation-duties.js';
export {
  HORIZON_MONTHS,
  RECORD_DUTY_CHECKS,
  buildCalendar,
  calendarContext,
  finishCalendar,
  recordEntries,
  type Assumption,
  type CalendarContext,
  type Calendar,
  type CalendarInput,
} from './build.js';
export { uk9OnTermination } from './uk9-on-termination.js';
export { computeCalendar } from './load.js';
