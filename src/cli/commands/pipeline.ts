// missionbuy pipeline export --org ID --format uk1|ocds|csv [--as-of DAY] [--out FILE]: a buyer's rolling pipeline
// as the UK1-ready CSV, OCDS planning releases or CSV (docs/pipeline.md). The operator's command: it exports every
// entry, published or not (--published-only for the public view).
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isDay } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import {
  PIPELINE_EXPORT_FORMATS,
  type PipelineExportFormat,
} from '../../services/pipeline/pipeline-export.js';
import { createPipelineService } from '../../services/pipeline/pipeline.service.js';
import { withDatabase } from '../run.js';

interface ExportOptions {
  org: string;
  format: string;
  asOf?: string;
  out?: string;
  publishedOnly: boolean;
  baseUrl: string;
}

export function registerPipeline(program: Command): void {
  const cmd = program.command('pipeline').description('A buyer’s rolling 3-year procurement pipeline');
  cmd
    .command('export')
    .description('Export a buyer’s pipeline: uk1 (UK1-ready CSV), ocds (planning releases) or csv')
    .requiredOption('--org <id>', 'buyer organisation id')
    .requiredOption('--format <format>', `one of ${PIPELINE_EXPORT_FORMATS.join(', ')}`)
    .option('--as-of <day>', 'UK1 reporting period of the financial year holding this day (default: today)')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--published-only', 'only published entries (what the public page shows)', false)
    .option('--base-url <url>', 'address of the web app, for links in the CSV', 'http://127.0.0.1:3000')
    .addHelpText(
      'after',
      '\nExamples:\n  missionbuy pipeline export --org 441 --format uk1 > uk1.csv\n  missionbuy pipeline export --org 441 --format ocds --out pipeline.json',
    )
    .action(async (opts: ExportOptions) => {
      if (!(PIPELINE_EXPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new AppError('BAD_REQUEST', `--format must be one of ${PIPELINE_EXPORT_FORMATS.join(', ')}`);
      if (!/^[1-9]\d{0,15}$/.test(opts.org))
        throw new AppError('BAD_REQUEST', '--org must be an organisation id');
      if (opts.asOf !== undefined && !isDay(opts.asOf))
        throw new AppError('BAD_REQUEST', '--as-of must be a day as YYYY-MM-DD');
      await withDatabase(async ({ handle, config }) => {
        const file = await createPipelineService({ db: handle.db }).exportFile(
          null,
          Number(opts.org),
          opts.format as PipelineExportFormat,
          {
            baseUrl: opts.baseUrl.replace(/\/$/, ''),
            publisherName: config.serviceName,
            operator: !opts.publishedOnly,
            publicView: opts.publishedOnly,
            ...(opts.asOf ? { asOf: opts.asOf } : {}),
          },
        );
        if (opts.out) await writeFile(opts.out, file.body);
        else process.stdout.write(file.body);
      });
    });
}
