// The audit log page for admins (docs/accounts.md, "Audit"): every change — who, when, what, the fields it touched
// with their values before and after — filtered by kind of entity, one entity or who made it.
import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { AuditQuery } from '../../services/audit.service.js';
import { auditHead, auditRow } from '../pages/shared/audit-history.js';
import { pagination } from '../pages/shared/table-nav.js';
import type { Views } from '../views.js';

const href = (q: AuditQuery, page: number): string => {
  const p = new URLSearchParams();
  if (q.entityType) p.set('entityType', q.entityType);
  if (q.entityId) p.set('entityId', q.entityId);
  if (q.actor) p.set('actor', q.actor);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
};

export function registerAuditPage(app: FastifyInstance, deps: { views: Views; services: Services }): void {
  app.get('/admin/audit', async (request, reply) => {
    if (!request.actor) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    const input = request.query as Record<string, string | undefined>;
    let result;
    try {
      result = await deps.services.audit.search(request.actor, input);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'BAD_REQUEST') throw e;
      const field = e.message.split(':')[0]!;
      return deps.views.page(
        request,
        reply,
        'admin/audit.njk',
        {
          title: 'Audit log',
          input,
          errorSummary: [{ text: e.message, href: `#${field}` }],
          entityTypes: [],
        },
        400,
      );
    }
    const { query, total, pageSize, entries, entityTypes } = result;
    return deps.views.page(request, reply, 'admin/audit.njk', {
      title: 'Audit log',
      input: query,
      total,
      entityTypes: [
        { value: '', text: 'Any' },
        ...entityTypes.map((t) => ({ value: t, text: t, selected: t === query.entityType })),
      ],
      table:
        entries.length === 0
          ? undefined
          : {
              caption: 'Changes, newest first',
              captionClasses: 'govuk-visually-hidden',
              head: auditHead(true),
              rows: entries.map((e) => auditRow(e, true)),
            },
      pagination: pagination({
        total,
        page: query.page,
        pageSize,
        href: (n) => href(query, n),
        label: 'Audit log pages',
      }),
    });
  });
}
