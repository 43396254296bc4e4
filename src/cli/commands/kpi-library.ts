// missionbuy kpis library [--search T] [--outcome ID] [--mission ID] [--cpv CODE] [--page N] [--json]: the KPI
// library (docs/kpi-library.md): templates with their measure, target and UK9 rating thresholds. The same data as
// GET /api/kpi-library and the /kpi-library page.
import type { Command } from 'commander';
import { bands } from '../../domain/kpi-library.js';
import {
  createKpiLibraryService,
  libraryItemJson,
  type LibraryPage,
} from '../../services/kpis/kpi-library.service.js';
import { usageError, withDatabase } from '../run.js';
import { formatTable } from './quality.js';

export function formatLibrary(r: LibraryPage): string {
  const rows = r.items.map((i) => {
    const b = bands(i.template);
    return [
      i.template.id,
      i.template.name,
      i.template.category,
      b.met,
      b.slightlyBelow,
      b.below,
      i.missionIds.join(' '),
    ];
  });
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  return [
    `${r.total} KPI template${r.total === 1 ? '' : 's'} (every item is a template to copy and tailor); page ${r.page} of ${pages}`,
    ...(rows.length
      ? [
          '',
          formatTable(
            ['id', 'name', 'category', 'good', 'approaching target', 'requires improvement', 'missions'],
            rows,
          ),
        ]
      : []),
  ].join('\n');
}

interface LibraryOptions {
  search?: string;
  outcome?: string;
  mission?: string;
  cpv?: string;
  page?: string;
  pageSize?: string;
  json: boolean;
}

const positive = (v: string | undefined, name: string, max: number): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > max)
    throw usageError(`--${name} must be a whole number from 1 to ${max}, got "${v}"`);
  return Number(v);
};

/** `missionbuy kpis library` (registered by kpis.ts beside `kpis ratings`). */
export function registerKpiLibrary(kpis: Command): void {
  kpis
    .command('library')
    .description('Search the KPI library: templates with their measure, target and rating thresholds')
    .option('--search <text>', 'words in the name, outcome statement, measure or examples')
    .option('--outcome <id>', 'outcome id of the standards catalogue, e.g. ppn002.o4.sustainable-procurement')
    .option('--mission <id>', 'mission id, e.g. clean-energy')
    .option('--cpv <code>', 'CPV division or code, e.g. 45 or 90511000')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'templates per page (at most 100)', '20')
    .option('--json', 'print as JSON (the same as GET /api/kpi-library)', false)
    .addHelpText(
      'after',
      '\nExamples:\n  missionbuy kpis library --search repairs\n  missionbuy kpis library --outcome ppn002.o4.sustainable-procurement --json',
    )
    .action(async (opts: LibraryOptions) => {
      if (opts.cpv !== undefined && !/^\d{2,8}$/.test(opts.cpv))
        throw usageError(`--cpv must be a CPV division or code (2 to 8 digits), got "${opts.cpv}"`);
      const page = positive(opts.page, 'page', 10_000);
      const pageSize = positive(opts.pageSize, 'page-size', 100);
      await withDatabase(async ({ handle }) => {
        const library = createKpiLibraryService({ db: handle.db });
        if (opts.outcome && !library.outcomes().some((o) => o.id === opts.outcome))
          throw usageError(
            `--outcome ${opts.outcome} is not an outcome of the national standard (see missionbuy standards)`,
          );
        if (opts.mission && !library.missions().some((m) => m.id === opts.mission))
          throw usageError(`--mission ${opts.mission} is not a mission (see missionbuy standards)`);
        const r = await library.search(
          {
            text: opts.search ?? '',
            ...(opts.outcome ? { outcome: opts.outcome } : {}),
            ...(opts.mission ? { mission: opts.mission } : {}),
            ...(opts.cpv ? { cpv: opts.cpv } : {}),
          },
          { ...(page ? { page } : {}), ...(pageSize ? { pageSize } : {}) },
        );
        const json = { ...r, items: r.items.map(libraryItemJson) };
        process.stdout.write(`${opts.json ? JSON.stringify(json, null, 2) : formatLibrary(r)}\n`);
      });
    });
}
