// The supplier profile page (/organisations/:id/supplier): what one supplier won, by buyer, market and year, with
// its period form (GET, so every profile has a shareable address). An organisation merged into another redirects to
// that one's profile. Definitions: docs/market-analytics.md, "Supplier profile".
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { SUPPLIER_FIELDS, supplierViewModel, type SupplierForm } from '../pages/supplier/view-model.js';
import { queryString } from '../pages/shared/table-nav.js';
import type { Views } from '../views.js';
import { idOf } from './calendar.js';

type Params = { id: string };

function readForm(query: Record<string, unknown>): SupplierForm {
  const form: SupplierForm = {};
  for (const f of SUPPLIER_FIELDS) {
    const v = query[f];
    if (typeof v === 'string' && v.trim() !== '') form[f] = v.trim().slice(0, 40);
  }
  return form;
}

export function registerSupplierProfilePages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;
  const supplier = services.supplierProfile;

  app.get<{ Params: Params }>('/organisations/:id/supplier', async (request, reply) => {
    const id = idOf(request, reply);
    if (id === null) return reply;
    const raw = request.query as Record<string, unknown>;
    const form = readForm(raw);
    const page =
      typeof raw.page === 'string' && /^\d{1,5}$/.test(raw.page) ? Math.max(1, Number(raw.page)) : 1;
    const org = await supplier.organisation(id);
    if (org.mergedInto !== null)
      return reply.redirect(`/organisations/${org.mergedInto}/supplier${queryString({ ...form })}`, 301);
    const { query, problems } = supplier.checkQuery(id, form);
    const base = { id, name: org.name, form, problems };
    if (!query) return views.page(request, reply, 'supplier/supplier.njk', supplierViewModel(base), 400);
    const profile = await supplier.profile(query);
    if ('mergedInto' in profile) throw new Error('merged organisation after the check');
    return views.page(request, reply, 'supplier/supplier.njk', supplierViewModel({ ...base, page, profile }));
  });
}
