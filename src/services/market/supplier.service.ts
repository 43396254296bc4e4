// The supplier profile (issue 6, item 2): what one supplier won in a period — by buyer, by market (CPV prefix, with
// its share of each), per financial year, how it won (direct awards, single bids) and its published SME and VCSE
// flags (unknown stays unknown). Reads published data only. Definitions: docs/market-analytics.md.
import type { Kysely } from 'kysely';
import {
  findSupplierAwards,
  supplierFigures,
  type SupplierFigures,
  type SupplierMarket,
} from '../../analytics/market/index.js';
import { ukDay, type Day } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { findOrganisationById } from '../../store/organisation-read.repository.js';
import type { CpvLabels } from '../reference/cpv-labels.js';
import { marketSizesOf, type FiguresSource } from './market-figures.js';
import { financialYears } from './market.service.js';
import {
  CPV_LEVELS,
  checkSupplierQuery,
  parseSupplierQuery,
  type CpvLevel,
  type SupplierQuery,
  type SupplierQueryInput,
} from './supplier-query.js';

export interface SupplierDeps {
  db: Kysely<Database>;
  cpv?: CpvLabels;
  today?: () => Day;
  /** Benchmarks only: count synthetic processes too. */
  includeSynthetic?: boolean;
  /** Read the market sizes from the summary table when it can answer (default true); false: from the facts. */
  summary?: boolean;
  /** Told which source served the market sizes (benchmarks, tests). */
  onSource?: (source: FiguresSource) => void;
}

export interface SupplierProfile {
  supplier: {
    id: number;
    name: string;
    /** As published: sme or large; null = not published (unknown, never "not SME"). */
    scale: 'sme' | 'large' | null;
    vcse: boolean | null;
    locality: string | null;
    postalCode: string | null;
  };
  from: Day;
  to: Day;
  level: CpvLevel;
  figures: Omit<SupplierFigures, 'markets'> & {
    /** Each market with the CPV label of its prefix (when the reference list is present). */
    markets: (SupplierMarket & { label: string | null })[];
  };
}

export function createSupplierService(deps: SupplierDeps) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);
  const options = { includeSynthetic: deps.includeSynthetic ?? false, summary: deps.summary ?? true };

  async function organisation(id: number) {
    const org = await findOrganisationById(db, id);
    if (!org) throw new AppError('NOT_FOUND', `no organisation with id ${id}`);
    return org;
  }

  return {
    /** The organisation's id, name and merge (NOT_FOUND when there is none). */
    async organisation(id: number): Promise<{ id: number; name: string; mergedInto: number | null }> {
      const org = await organisation(id);
      return {
        id: Number(org.id),
        name: org.name,
        mergedInto: org.merged_into === null ? null : Number(org.merged_into),
      };
    },

    checkQuery: (supplierId: number, input: SupplierQueryInput) =>
      checkSupplierQuery(supplierId, input, today()),

    queryOrThrow: (supplierId: number, input: SupplierQueryInput): SupplierQuery =>
      parseSupplierQuery(supplierId, input, today()),

    /**
     * The profile; NOT_FOUND for no such organisation. An organisation merged into another answers with
     * `mergedInto` (pages redirect there) rather than a partial profile.
     */
    async profile(q: SupplierQuery): Promise<SupplierProfile | { mergedInto: number }> {
      const org = await organisation(q.supplierId);
      if (org.merged_into !== null) return { mergedInto: Number(org.merged_into) };
      const length = CPV_LEVELS[q.level];
      const rows = await findSupplierAwards(db, q.supplierId, q.from, q.to, options);
      const prefixes = [
        ...new Set(
          rows.flatMap((r) => (r.cpvMain && r.cpvMain.length >= length ? [r.cpvMain.slice(0, length)] : [])),
        ),
      ];
      const { sizes, source } = await marketSizesOf(db, prefixes, q.from, q.to, options);
      deps.onSource?.(source);
      const figures = supplierFigures(rows, length, sizes, financialYears(q.from, q.to));
      return {
        supplier: {
          id: Number(org.id),
          name: org.name,
          scale: (org.scale as 'sme' | 'large' | null) ?? null,
          vcse: org.vcse ?? null,
          locality: org.locality ?? null,
          postalCode: org.postal_code ?? null,
        },
        from: q.from,
        to: q.to,
        level: q.level,
        figures: {
          ...figures,
          markets: figures.markets.map((m) => ({
            ...m,
            label: m.cpvPrefix === null ? null : (deps.cpv?.label(m.cpvPrefix.padEnd(8, '0')) ?? null),
          })),
        },
      };
    },
  };
}

export type SupplierService = ReturnType<typeof createSupplierService>;
