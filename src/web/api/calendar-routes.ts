// The compliance calendar's JSON API, with CSV and iCalendar variants of the same filtered list.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { calendarCsv, calendarIcs } from '../../services/calendar-export.js';
import type { Services } from '../../services/index.js';
import { CalendarExportQuery, CalendarPage, CalendarQuery } from './calendar-schemas.js';
import { OrganisationParams } from './schemas.js';

const errors = { 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' } } as const;
const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;
const TAGS = ['calendar'];

export async function registerCalendarApi(parent: FastifyInstance, services: Services): Promise<void> {
  const api = parent.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/calendar/organisations/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One organisation’s statutory compliance calendar: duties, due dates, status (paginated)',
        params: OrganisationParams,
        querystring: CalendarQuery,
        response: { 200: CalendarPage, ...errors },
      },
    },
    async (request) => services.calendar.calendar(request.params.id, request.query),
  );

  const formats = {
    csv: { type: 'text/csv', summary: 'The same calendar as CSV (every entry that passes the filter)' },
    ics: {
      type: 'text/calendar',
      summary: 'The same calendar as iCalendar (RFC 5545): one all-day event per dated entry',
    },
  } as const;
  for (const [format, { type, summary }] of Object.entries(formats)) {
    api.get(
      `/calendar/organisations/:id.${format}`,
      {
        schema: {
          tags: TAGS,
          summary,
          params: OrganisationParams,
          querystring: CalendarExportQuery,
          response: errors,
        },
      },
      async (request, reply) => {
        const cal = await services.calendar.export(request.params.id, request.query);
        const name = `calendar-${cal.organisation.id}-${cal.asOf}.${format}`;
        const body =
          format === 'csv'
            ? calendarCsv(cal, baseUrl(request))
            : calendarIcs(cal, baseUrl(request), new Date());
        return reply
          .type(`${type}; charset=utf-8`)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(body);
      },
    );
  }
}
