// The compliance calendar page of an organisation, with its CSV and iCalendar downloads (same filters).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../errors.js';
import { calendarCsv, calendarIcs } from '../../services/calendar-export.js';
import type { Services } from '../../services/index.js';
import { calendarViewModel, type CalendarForm } from '../pages/calendar/view-model.js';
import type { Views } from '../views.js';

type Query = Record<string, unknown>;
type Params = { id: string };

const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function readForm(q: Query): CalendarForm & { page: string } {
  const raw = Array.isArray(q.status) ? q.status : [q.status];
  const status = raw.flatMap((s) => text(s).split(',')).filter((s) => s !== '');
  return { asOf: text(q.asOf), status: [...new Set(status)], page: text(q.page) };
}

/** The organisation id of the path; anything else is a page that does not exist. */
export function idOf(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): number | null {
  const id = request.params.id;
  if (/^[1-9]\d{0,15}$/.test(id)) return Number(id);
  void reply.callNotFound();
  return null;
}

export function registerCalendarPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;

  app.get<{ Params: Params }>('/organisations/:id/calendar', async (request, reply) => {
    const id = idOf(request, reply);
    if (id === null) return reply;
    const form = readForm(request.query as Query);
    const base = `/organisations/${id}/calendar`;
    try {
      const page = await services.calendar.calendar(id, { ...form, pageSize: 50 });
      return views.page(request, reply, 'calendar/calendar.njk', calendarViewModel(page, form, base));
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
      // Show the calendar as of today with the problem explained and what was typed kept.
      const field = /asOf/.test(e.message) ? 'asOf' : /page/.test(e.message) ? 'page' : 'status';
      const clean = { asOf: '', status: field === 'status' ? [] : form.status };
      const page = await services.calendar.calendar(id, { ...clean, pageSize: 50 });
      const message = e.message.replace(
        /^asOf: must be a day \(YYYY-MM-DD\)/,
        'Enter the as-of day as YYYY-MM-DD',
      );
      return views.page(
        request,
        reply,
        'calendar/calendar.njk',
        {
          ...calendarViewModel(page, clean, base),
          asOfValue: form.asOf,
          errorSummary: [{ text: message, href: field === 'asOf' ? '#asOf' : '#status' }],
          ...(field === 'asOf' ? { asOfError: { text: message } } : {}),
        },
        400,
      );
    }
  });

  for (const format of ['csv', 'ics'] as const) {
    app.get<{ Params: Params }>(`/organisations/:id/calendar.${format}`, async (request, reply) => {
      const id = idOf(request, reply);
      if (id === null) return reply;
      const form = readForm(request.query as Query);
      const cal = await services.calendar.export(id, { asOf: form.asOf, status: form.status });
      const name = `calendar-${cal.organisation.id}-${cal.asOf}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(calendarCsv(cal, baseUrl(request)));
      return reply.type('text/calendar; charset=utf-8').send(calendarIcs(cal, baseUrl(request), new Date()));
    });
  }
}
