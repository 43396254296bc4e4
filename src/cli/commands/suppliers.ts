// missionbuy suppliers resolve|list|show: supplier resolution across OCDS, registers and spend (docs/suppliers.md).
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import type { SupplierSourceRow, SupplierSummary } from '../../store/supplier-read.repository.js';
import { createSuppliersService, type ResolveSummary } from '../../services/suppliers/suppliers.service.js';
import { usageError, withDatabase } from '../run.js';
import { formatTable } from './quality.js';

export function formatResolve(s: ResolveSummary): string {
  if (s.skipped)
    return `Suppliers already up to date (${s.suppliers} suppliers from ${s.sources} sources); nothing to do.`;
  return [
    `Resolved ${s.sources} sources into ${s.suppliers} suppliers in ${s.seconds}s ` +
      `(load ${s.phases.load}s, match ${s.phases.match}s, write ${s.phases.write}s: ` +
      `${s.writtenSuppliers} suppliers and ${s.writtenSources} sources changed).`,
    `${s.matched} sources matched another; ${s.created} suppliers new, ${s.retired} retired; ` +
      `${s.unresolvedPayees} payees unresolved (no Companies House, charity or PPON number)` +
      (s.dormantOverrides > 0
        ? `; ${s.dormantOverrides} overrides refer to sources no longer in the data.`
        : '.'),
  ].join('\n');
}

const confidence = (c: number | null) => (c === null ? null : c.toFixed(2));

function formatSuppliers(rows: SupplierSummary[]): string {
  return formatTable(
    ['id', 'name', 'identifiers', 'sources', 'awards', 'register rows', 'payments', 'paid', 'confidence'],
    rows.map((r) => [
      r.id,
      r.name,
      r.identifiers.join(' ') || null,
      r.sourceCount,
      r.awards,
      r.registerRows,
      r.payments,
      r.paidAmount,
      confidence(r.confidence),
    ]),
  );
}

function formatPayees(rows: SupplierSourceRow[]): string {
  return formatTable(
    ['supplier', 'payee', 'buyer', 'payments', 'paid', 'matched by', 'key'],
    rows.map((r) => [r.supplierId, r.name, r.buyerName, r.rows, r.amount, r.rule, r.key]),
  );
}

/** Resolves suppliers after an import or ingest (skipped when nothing changed); one line for the terminal. */
export async function resolveAfterChange(db: Kysely<Database>): Promise<ResolveSummary> {
  return createSuppliersService({ db }).resolve();
}

export function registerSuppliers(program: Command): void {
  const command = program
    .command('suppliers')
    .description('Supplier resolution across OCDS parties, contract registers and spend payees');
  command
    .command('resolve')
    .description('Resolve suppliers now: prints counts and the time taken')
    .option(
      '--if-changed',
      'do nothing when no import, ingest or override happened since the last run',
      false,
    )
    .option('--json', 'print one JSON summary', false)
    .action(async (opts: { ifChanged: boolean; json: boolean }) => {
      await withDatabase(async ({ handle }) => {
        const s = await createSuppliersService({ db: handle.db }).resolve({ force: !opts.ifChanged });
        process.stdout.write(`${opts.json ? JSON.stringify(s) : formatResolve(s)}\n`);
      });
    });
  command
    .command('list')
    .description(
      'Suppliers, or with --unresolved the spend payees no identifier ties to a registered organisation',
    )
    .option('--unresolved', 'payees for review (left out: redacted and other placeholder names)', false)
    .option('--buyer <id>', 'with --unresolved: one buyer’s payees')
    .option('--q <text>', 'suppliers whose name contains this text')
    .option('--sort <key>', 'paid|name|sources|payments; with --unresolved amount|payments|name')
    .option('--page <n>', 'page', '1')
    .option('--page-size <n>', 'rows per page (at most 200)', '50')
    .option('--json', 'print JSON', false)
    .action(
      async (opts: {
        unresolved: boolean;
        buyer?: string;
        q?: string;
        sort?: string;
        page: string;
        pageSize: string;
        json: boolean;
      }) => {
        if (!opts.unresolved && opts.buyer !== undefined) throw usageError('--buyer goes with --unresolved');
        await withDatabase(async ({ handle }) => {
          const service = createSuppliersService({ db: handle.db });
          const paging = { sort: opts.sort, page: opts.page, pageSize: opts.pageSize };
          const result = opts.unresolved
            ? await service.unresolved({ ...paging, buyerId: opts.buyer })
            : await service.list({ ...paging, q: opts.q });
          if (opts.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
          const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
          const what = opts.unresolved ? 'unresolved payees' : 'suppliers';
          process.stdout.write(
            `${result.total} ${what} (page ${result.page} of ${pages}):\n` +
              `${
                opts.unresolved
                  ? formatPayees(result.rows as SupplierSourceRow[])
                  : formatSuppliers(result.rows as SupplierSummary[])
              }\n`,
          );
        });
      },
    );
  command
    .command('show')
    .description('One supplier: its names, identifiers, sources and the evidence for each match')
    .argument('<id>', 'supplier id')
    .option('--json', 'print JSON', false)
    .action(async (id: string, opts: { json: boolean }) => {
      if (!/^\d{1,15}$/.test(id)) throw usageError(`supplier id must be a whole number, got "${id}"`);
      await withDatabase(async ({ handle }) => {
        const d = await createSuppliersService({ db: handle.db }).get(Number(id));
        if (opts.json) return void process.stdout.write(`${JSON.stringify(d)}\n`);
        const s = d.supplier;
        process.stdout.write(
          [
            `Supplier ${s.id}: ${s.name}${d.redirectedFrom ? ` (supplier ${d.redirectedFrom} was merged into it)` : ''}`,
            `Identifiers: ${s.identifiers.join(', ') || 'none'}; postcodes: ${s.postcodes.join(', ') || 'none'}`,
            `${s.awards} OCDS awards, ${s.registerRows} register rows, ${s.payments} payments (${s.paidAmount ?? '0'} paid)`,
            '',
            formatTable(
              ['kind', 'name', 'buyer', 'identifiers', 'rows', 'matched by', 'confidence', 'with'],
              d.sources.map((x) => [
                x.kind,
                x.name,
                x.buyerName,
                x.identifiers.join(' ') || null,
                x.rows,
                x.rule,
                confidence(x.confidence),
                (x.evidence as { with?: string } | null)?.with ?? null,
              ]),
            ),
          ].join('\n') + '\n',
        );
      });
    });
}
