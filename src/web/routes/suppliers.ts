// Supplier pages (docs/suppliers.md): the list and the unresolved-payee review list (each also as CSV), one supplier with its sources and
// evidence, and the merge/split form (CSRF-checked by the session plugin; authorised and audited by the service).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { suppliersCsv, unresolvedCsv } from '../../services/suppliers/suppliers-csv.js';
import { OverrideError } from '../../services/suppliers/suppliers.service.js';
import { csvDownload } from '../csv-reply.js';
import {
  supplierListViewModel,
  supplierViewModel,
  unresolvedViewModel,
  type OverrideFormValues,
} from '../pages/suppliers/view-model.js';
import type { Views } from '../views.js';
import { idOf } from './calendar.js';

type ListQuery = { q?: string; sort?: string; page?: string };
type PayeeQuery = { buyerId?: string; sort?: string; page?: string };
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function registerSupplierPages(
  app: FastifyInstance,
  deps: { views: Views; services: Services },
): void {
  const { views, services } = deps;

  app.get<{ Querystring: ListQuery }>('/suppliers', async (request, reply) => {
    const { q, sort, page } = request.query;
    const result = await services.suppliers.list({ q, sort, page, pageSize: 50 });
    return views.page(
      request,
      reply,
      'suppliers/list.njk',
      supplierListViewModel(result, { q: str(q), sort: str(sort) || 'paid' }),
    );
  });

  app.get<{ Querystring: PayeeQuery }>('/suppliers/unresolved', async (request, reply) => {
    const { buyerId, sort, page } = request.query;
    const result = await services.suppliers.unresolved({ buyerId, sort, page, pageSize: 50 });
    return views.page(
      request,
      reply,
      'suppliers/unresolved.njk',
      unresolvedViewModel(result, { buyerId: str(buyerId), sort: str(sort) || 'amount' }),
    );
  });

  app.get<{ Querystring: ListQuery }>('/suppliers.csv', async (request, reply) => {
    const { q, sort } = request.query;
    return csvDownload(reply, 'suppliers.csv', suppliersCsv(await services.suppliers.listAll({ q, sort })));
  });

  app.get<{ Querystring: PayeeQuery }>('/suppliers/unresolved.csv', async (request, reply) => {
    const { buyerId, sort } = request.query;
    const rows = await services.suppliers.unresolvedAll({ buyerId, sort });
    return csvDownload(reply, 'unresolved-payees.csv', unresolvedCsv(rows));
  });

  app.get<{ Params: { id: string } }>('/suppliers/:id', async (request, reply) => {
    const id = idOf(request, reply);
    if (id === null) return reply;
    const detail = await services.suppliers.get(id);
    if (detail.redirectedFrom !== null) return reply.redirect(`/suppliers/${detail.supplier.id}`, 301);
    const mayResolve = services.suppliers.mayResolve(request.actor);
    return views.page(request, reply, 'suppliers/supplier.njk', supplierViewModel(detail, { mayResolve }));
  });

  app.post<{ Params: { id: string } }>('/suppliers/:id/overrides', async (request, reply) => {
    const id = idOf(request, reply);
    if (id === null) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: OverrideFormValues = {
      kind: str(body.kind),
      sourceKey: str(body.sourceKey),
      otherKey: str(body.otherKey),
      reason: str(body.reason),
    };
    try {
      const done = await services.suppliers.override(request.actor, values);
      return reply.redirect(`/suppliers/${done.supplierId}#sources`, 303);
    } catch (e) {
      if (!(e instanceof OverrideError)) throw e;
      const detail = await services.suppliers.get(id);
      const vm = supplierViewModel(detail, { mayResolve: true, values, errors: e.fields });
      return views.page(request, reply, 'suppliers/supplier.njk', vm, 400);
    }
  });
}
