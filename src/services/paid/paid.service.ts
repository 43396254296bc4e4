// Paid-money use cases (issue 9 item 5, docs/paid-money.md): the paid-money profile of a buyer or a place over a
// period — by supplier, category, place and period, SME/VCSE/local shares of paid money beside the awarded-value
// shares of the market analytics, spend on and off contract, and (for a buyer) the LM3 estimate per financial year
// — and the buyer's LM3 figures, which its editors may change (audited).
import type { Kysely } from 'kysely';
import {
  findAuthorityBuyers,
  findBuyers,
  findMatchContracts,
  findPaidRows,
  findPlaceBuyers,
  findRegisterTotals,
  findSupplierFacts,
  matchContracts,
  paidByPeriod,
  paidFigures,
  postcodeRegions,
  type ContractMatch,
  type PaidFigures,
  type PaidPeriod,
  type PaidRow,
  type RegisterTotals,
  type SupplierFacts,
} from '../../analytics/paid/index.js';
import { findMarketRows, marketFigures, type FlagShare } from '../../analytics/market/index.js';
import { lm3, type Lm3Result } from '../../domain/lm3.js';
import { financialYearStart, marketPolicyOn, ukDay, type Day } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { findLm3, saveLm3, type Lm3Figures } from '../../store/lm3.repository.js';

export type { Lm3Figures } from '../../store/lm3.repository.js';
import { assertCan, type Actor } from '../authz.js';
import { financialYears } from '../market/market.service.js';
import { checkLm3Input, type Lm3FormInput } from './lm3-input.js';
import { checkPaidQuery, parsePaidQuery, type PaidQuery, type PaidQueryInput } from './paid-query.js';

export interface PaidDeps {
  db: Kysely<Database>;
  today?: () => Day;
}

export interface AwardedShares {
  valueGbp: number;
  awards: number;
  sme: FlagShare;
  vcse: FlagShare;
  local: FlagShare;
}

export interface Lm3Year extends Lm3Result {
  financialYear: number;
  from: Day;
  to: Day;
  /** The buyer has entered figures for this year. */
  entered: boolean;
}

export interface PaidProfile {
  scope: PaidQuery['scope'] & { label: string };
  buyers: { id: number; name: string; region: string | null }[];
  from: Day;
  to: Day;
  periodKind: PaidQuery['periodKind'];
  figures: PaidFigures;
  periods: PaidPeriod[];
  /** Awarded-value shares of the same buyer or place and period (market analytics). */
  awarded: AwardedShares;
  registers: RegisterTotals;
  matching: ContractMatch & { slackDays: number };
  /** Buyer only: the LM3 estimate per financial year of the period. */
  lm3: Lm3Year[];
  localItlLevel: 1 | 2 | 3;
}

/** LM3 of one buyer's rows for one financial year. */
function lm3Year(rows: readonly PaidRow[], figures: PaidFigures, entered: Lm3Figures): Lm3Result {
  const shares = new Map(entered.shares.map((s) => [s.supplierId, Number(s.share)]));
  const num = (s: string | null) => (s === null ? null : Number(s));
  return lm3({
    spend: rows.reduce((a, r) => a + r.amount, 0),
    localSuppliers: figures.suppliers
      .filter((s) => s.local === true && s.supplierId !== null)
      .map((s) => ({
        supplierId: s.supplierId!,
        paid: s.amount,
        surveyShare: shares.get(s.supplierId!) ?? null,
      })),
    staffCosts: num(entered.staffCosts),
    localStaffCosts: num(entered.localStaffCosts),
    defaultShare: num(entered.defaultShare),
    staffRespendShare: num(entered.staffShare),
  });
}

export function createPaidService(deps: PaidDeps) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);

  async function buyerOrThrow(buyerId: number) {
    const buyers = await findBuyers(db, [buyerId], 1);
    const b = buyers.get(buyerId);
    if (!b) throw new AppError('NOT_FOUND', `no organisation with id ${buyerId}`);
    return b;
  }

  /** The OCDS awards beside the paid money: the buyer's, the region slice's, or each of the authority's buyers'. */
  async function awardedRows(scope: PaidQuery['scope'], buyerIds: readonly number[], from: Day, to: Day) {
    if (scope.kind === 'buyer') return findMarketRows(db, scope, from, to);
    if (scope.kind === 'place') return findMarketRows(db, { kind: 'region', region: scope.region }, from, to);
    const each = await Promise.all(
      buyerIds.map((buyerId) => findMarketRows(db, { kind: 'buyer', buyerId }, from, to)),
    );
    return each.flat();
  }

  return {
    checkQuery: (input: PaidQueryInput) => checkPaidQuery(input, today()),
    queryOrThrow: (input: PaidQueryInput): PaidQuery => parsePaidQuery(input, today()),

    async profile(q: PaidQuery): Promise<PaidProfile> {
      const policy = marketPolicyOn(q.to).value;
      const level = policy.localItlLevel;
      let label: string;
      let buyerIds: number[];
      if (q.scope.kind === 'buyer') {
        label = (await buyerOrThrow(q.scope.buyerId)).name;
        buyerIds = [q.scope.buyerId];
      } else if (q.scope.kind === 'authority') {
        label = `Local authority ${q.scope.laCode}`;
        buyerIds = await findAuthorityBuyers(db, q.scope.laCode);
      } else {
        label = `ITL region ${q.scope.region.replace(/^UK/, 'TL')}`;
        buyerIds = await findPlaceBuyers(db, q.scope.region);
      }
      const lookup = await postcodeRegions(db, level);
      const [rows, buyers, contracts, registers, marketRows] = await Promise.all([
        findPaidRows(db, buyerIds, q.from, q.to),
        findBuyers(db, buyerIds, level, lookup),
        findMatchContracts(db, buyerIds),
        findRegisterTotals(db, buyerIds, q.from, q.to),
        awardedRows(q.scope, buyerIds, q.from, q.to),
      ]);
      const facts: Map<number, SupplierFacts> = await findSupplierFacts(
        db,
        rows.flatMap((r) => (r.supplierId === null ? [] : [r.supplierId])),
        level,
        lookup,
      );
      const regions = new Map([...buyers].map(([id, b]) => [id, b.region]));
      const figures = paidFigures(rows, facts, regions, level);
      const market = marketFigures(marketRows, new Set(), policy);
      const years: Lm3Year[] = [];
      if (q.scope.kind === 'buyer')
        for (const fy of financialYears(q.from, q.to)) {
          const year = Number(financialYearStart(fy.from).slice(0, 4));
          const yearRows = rows.filter((r) => r.day >= fy.from && r.day <= fy.to);
          const entered = await findLm3(db, q.scope.buyerId, year);
          years.push({
            financialYear: year,
            from: fy.from,
            to: fy.to,
            entered: entered.updatedBy !== null,
            ...lm3Year(yearRows, paidFigures(yearRows, facts, regions, level), entered),
          });
        }
      return {
        scope: { ...q.scope, label },
        buyers: [...buyers].map(([id, b]) => ({ id, ...b })),
        from: q.from,
        to: q.to,
        periodKind: q.periodKind,
        figures,
        periods: paidByPeriod(rows, q.periodKind, facts, regions, level),
        awarded: {
          valueGbp: market.valueGbp,
          awards: market.awards,
          sme: market.sme,
          vcse: market.vcse,
          local: market.local,
        },
        registers,
        matching: { ...matchContracts(rows, contracts, q.slackDays), slackDays: q.slackDays },
        lm3: years,
        localItlLevel: level,
      };
    },

    /** A buyer's LM3 figures for a financial year (the form). */
    async lm3Figures(actor: Actor | null, buyerId: number, year: number) {
      assertCan(actor, 'spend.lm3.edit', { organisationId: buyerId });
      const buyer = await buyerOrThrow(buyerId);
      return { buyer: { id: buyerId, name: buyer.name }, year, figures: await findLm3(db, buyerId, year) };
    },

    /** Checks and saves a buyer's LM3 figures (replacing the year's), audited; problems by field, nothing saved. */
    async saveLm3(actor: Actor | null, buyerId: number, input: Lm3FormInput) {
      assertCan(actor, 'spend.lm3.edit', { organisationId: buyerId });
      await buyerOrThrow(buyerId);
      const { value, problems } = await checkLm3Input(db, input);
      if (!value) return { saved: false as const, problems };
      await saveLm3(db, buyerId, value.year, value.figures, actor.email);
      return { saved: true as const, problems: [], year: value.year };
    },
  };
}

export type PaidService = ReturnType<typeof createPaidService>;
