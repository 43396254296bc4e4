// Audit entries as table rows: when, who, what, the fields the change touched with their values before and after
// (long values cut). The admins' whole log (/admin/audit) and the history section of a page that edits one thing
// (an engagement exercise, a no-engagement reason, an opportunity) share them.
import type { AuditEntryView } from '../../../services/audit.service.js';
import { formatDateTime } from '../../format.js';

const SHOWN = 300;
const shown = (v: unknown): string => {
  if (v === undefined) return '–';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s;
};

/** One entry's cells; with the entity's kind and id when the table mixes entities. */
export function auditRow(e: AuditEntryView, withEntity: boolean) {
  return [
    { text: formatDateTime(e.at) },
    { text: e.actor },
    { text: e.action },
    ...(withEntity ? [{ text: `${e.entityType} ${e.entityId}` }] : []),
    {
      text:
        e.changes.length === 0
          ? 'No field changed'
          : e.changes.map((c) => `${c.field}: ${shown(c.before)} → ${shown(c.after)}`).join('\n'),
      classes: 'app-audit-changes',
    },
  ];
}

export function auditHead(withEntity: boolean) {
  return [
    { text: 'When' },
    { text: 'Who' },
    { text: 'Action' },
    ...(withEntity ? [{ text: 'Entity' }] : []),
    { text: 'Changes' },
  ];
}

/** One entity's history as a table (newest first); undefined when there is none to show (null) or it is empty. */
export function historyTable(entries: readonly AuditEntryView[] | null, caption = 'History, newest first') {
  if (!entries || entries.length === 0) return undefined;
  return {
    caption,
    captionClasses: 'govuk-table__caption--m',
    head: auditHead(false),
    rows: entries.map((e) => auditRow(e, false)),
  };
}
