// What the list commands over a query (horizon, collaborate) share: the as-of, sort, order, page and output options,
// and printing one page as text or JSON, or every row as CSV.
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';

export interface ListOptions {
  asOf?: string;
  sort?: string;
  order?: string;
  page?: string;
  pageSize?: string;
  json: boolean;
  csv: boolean;
}

export interface ListOptionHelp {
  /** "scan as of this day" */
  asOf: string;
  /** "decision, end or value" */
  sorts: string;
  defaultSort: string;
  /** "(default: soonest or largest first)" */
  defaultOrder: string;
  /** "rows per page" */
  perPage: string;
  /** "the scan" (as JSON, the same as GET …) */
  json: string;
  apiPath: string;
  /** "every contract of the scan" */
  csv: string;
}

/** Adds --as-of, --sort, --order, --page, --page-size, --json and --csv. */
export function addListOptions(command: Command, help: ListOptionHelp): Command {
  return command
    .option('--as-of <day>', `${help.asOf}, YYYY-MM-DD (default: today)`)
    .option('--sort <key>', help.sorts, help.defaultSort)
    .option('--order <dir>', `asc or desc ${help.defaultOrder}`)
    .option('--page <n>', 'page', '1')
    .option('--page-size <n>', `${help.perPage} (at most 100)`, '25')
    .option('--json', `print ${help.json} as JSON (the same as GET ${help.apiPath})`, false)
    .option('--csv', `print ${help.csv} as CSV (all pages)`, false);
}

/** The as-of day, sort, order and page as the service's query input takes them. */
export const listInput = (opts: ListOptions) => ({
  asOf: opts.asOf,
  sort: opts.sort,
  order: opts.order,
  page: opts.page,
  pageSize: opts.pageSize,
});

/** Refuses --json with --csv. */
export function checkListOutput(opts: ListOptions): void {
  if (opts.json && opts.csv) throw new AppError('BAD_REQUEST', 'choose one of --json and --csv');
}

/** Every row as CSV with --csv; else one page, as JSON with --json or as text. */
export async function printList<R>(
  opts: ListOptions,
  csv: () => Readable,
  load: () => Promise<R>,
  format: (result: R) => string,
): Promise<void> {
  if (opts.csv) {
    await pipeline(csv(), process.stdout, { end: false });
    return;
  }
  const result = await load();
  process.stdout.write(`${opts.json ? JSON.stringify(result, null, 2) : format(result)}\n`);
}
