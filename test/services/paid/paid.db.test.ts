// Paid-money analytics on real data: the sample OCDS (data/sample), Salford's contract register 2022-07 and its
// June 2022 spend file (copies in test/fixtures/uk-more). The June shares are computed again here from the raw
// files — the spend CSV and the register CSV parsed with csv-parse, not through the importers — with only the
// payee → supplier grouping read from supplier resolution's own table.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseOrgName } from '../../../src/domain/org-name.js';
import { importRegister } from '../../../src/imports/register/import-register.js';
import { importSpend } from '../../../src/imports/spend/import-spend.js';
import { createPaidService } from '../../../src/services/paid/paid.service.js';
import { createSuppliersService } from '../../../src/services/suppliers/suppliers.service.js';
import type { Actor } from '../../../src/services/authz.js';
import { listAudit } from '../../../src/store/audit.repository.js';
import { useSampleDb } from '../../support/db.js';
import { addOrganisation } from '../../support/organisations.js';
import { sharedDataPath } from '../../support/shared-data.js';

const getDb = useSampleDb();
const SPEND = 'uk-more/spend/salford/2022-06.csv.gz';
const REGISTER = 'uk-more/contract-registers/salford-contracts-register-2022-07.csv';
let buyerId = 0;

const csv = (path: string): Record<string, string>[] => {
  let bytes = readFileSync(sharedDataPath(path));
  if (bytes[0] === 0x1f) bytes = gunzipSync(bytes);
  return parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { columns: true, relax_column_count: true });
};

/** One answer when every known value agrees, else null. */
const agreed = <T>(values: (T | null)[]): T | null => {
  const known = [...new Set(values.filter((v): v is T => v !== null))];
  return known.length === 1 ? known[0]! : null;
};

const actor = (organisations: [number, 'viewer' | 'editor'][]): Actor => ({
  userId: 7,
  email: `${organisations[0]![1]}@example.gov.uk`,
  name: 'Test',
  serviceRole: null,
  organisations: new Map(organisations),
});

/** One value when all are that value (an unknown among them makes it unknown). */
const agreedStrict = (values: (string | null)[]): string | null =>
  values.every((v) => v !== null && v === values[0]) ? values[0]! : null;

describe('paid money on Salford’s real files', () => {
  beforeAll(async () => {
    const { db } = getDb();
    buyerId = await addOrganisation(db, 'Salford City Council');
    await db.updateTable('organisation').set({ region_code: 'UKD34' }).where('id', '=', buyerId).execute();
    await importRegister(db, sharedDataPath(REGISTER), { organisationId: buyerId });
    await importSpend(db, [sharedDataPath(SPEND)], { organisationId: buyerId });
    await createSuppliersService({ db }).resolve();
  }, 600_000);

  it('SME and local share of June 2022 paid money, computed independently from the raw files', async () => {
    const { db } = getDb();
    // Payee → supplier, as resolution grouped them (Salford's file has no supplier ids or numbers).
    const sources = await sql<{
      kind: string;
      normalised_name: string | null;
      postcode: string | null;
      supplier_id: string;
    }>`
      select kind, normalised_name, postcode, supplier_id from supplier_source where buyer_id = ${buyerId}`.execute(
      db,
    );
    const supplierOf = new Map(
      sources.rows.filter((s) => s.kind === 'spend').map((s) => [s.normalised_name, Number(s.supplier_id)]),
    );
    // Paid per supplier: net column, June 2022, credits netting off.
    const paid = new Map<number, number>();
    let total = 0;
    for (const r of csv(SPEND)) {
      if (!r['Date of Payment']?.startsWith('2022-06')) continue;
      const amount = Number(r.Net);
      const id = supplierOf.get(normaliseOrgName(r['Vendor Name']) ?? '');
      expect(id, r['Vendor Name']).toBeDefined();
      paid.set(id!, (paid.get(id!) ?? 0) + amount);
      total += amount;
    }
    // What the register says of each supplier: SME flag and postcode of the register rows whose name and postcode
    // are those of the supplier's register sources (one name at two postcodes can be two suppliers).
    const canonical = (p: string | undefined) =>
      (p ?? '')
        .toUpperCase()
        .replace(/\s+/g, '')
        .replace(/(...)$/, ' $1');
    const registerRows = csv(REGISTER);
    const registerKeys = new Map<number, Set<string>>();
    for (const s of sources.rows.filter((x) => x.kind === 'register')) {
      const id = Number(s.supplier_id);
      registerKeys.set(
        id,
        (registerKeys.get(id) ?? new Set()).add(`${s.normalised_name}|${s.postcode ?? ''}`),
      );
    }
    const ocds = await sql<{
      supplier_id: string;
      scale: string | null;
      region_code: string | null;
      postcode: string | null;
    }>`
      select x.supplier_id, o.scale, o.region_code, o.normalised_postcode as postcode
      from supplier_source x join organisation o on o.id = x.organisation_id
      where x.kind = 'ocds' and x.supplier_id = any(${[...paid.keys()]}::bigint[])`.execute(db);
    // Postcode area → ITL1 region where every OCDS organisation with both agrees (districts first).
    const pairs = await sql<{ postcode: string; region: string }>`
      select distinct normalised_postcode as postcode, left(region_code, 3) as region from organisation
      where normalised_postcode is not null and length(region_code) >= 3 and merged_into is null`.execute(db);
    const regionBy = (part: (p: string) => string) => {
      const m = new Map<string, Set<string>>();
      for (const p of pairs.rows)
        m.set(part(p.postcode), (m.get(part(p.postcode)) ?? new Set()).add(p.region));
      return m;
    };
    const byDistrict = regionBy((p) => p.split(' ')[0]!);
    const byArea = regionBy((p) => p.replace(/[0-9].*$/, ''));
    const regionOfPostcode = (p: string): string | null => {
      const d = byDistrict.get(p.split(' ')[0]!) ?? byArea.get(p.replace(/[0-9].*$/, ''));
      return d && d.size === 1 ? [...d][0]! : null;
    };

    let smeYes = 0;
    let smeKnown = 0;
    let localYes = 0;
    let localKnown = 0;
    for (const [id, amount] of paid) {
      const keys = registerKeys.get(id) ?? new Set<string>();
      const mine = registerRows.filter((r) =>
        keys.has(
          `${normaliseOrgName(r['Supplier Company Name'])}|${/\d/.test(r['Supplier Postcode'] ?? '') ? canonical(r['Supplier Postcode']) : ''}`,
        ),
      );
      const own = ocds.rows.filter((o) => Number(o.supplier_id) === id);
      const scale = agreed(own.map((o) => o.scale));
      const flag = (v: string | undefined) => (v === 'Yes' ? true : v === 'No' ? false : null);
      const sme = scale !== null ? scale === 'sme' : agreed(mine.map((r) => flag(r['SME Supplier?'])));
      const postcodes = [
        ...own.map((o) => o.postcode),
        ...mine.map((r) => canonical(r['Supplier Postcode'])),
      ].filter((p): p is string => !!p && /^[A-Z]{1,2}\d/.test(p));
      const region =
        agreed(
          own.map((o) => (o.region_code && o.region_code.length >= 3 ? o.region_code.slice(0, 3) : null)),
        ) ?? (postcodes.length === 0 ? null : agreedStrict([...new Set(postcodes)].map(regionOfPostcode)));
      if (sme !== null) {
        smeKnown += amount;
        if (sme) smeYes += amount;
      }
      if (region !== null) {
        localKnown += amount;
        if (region === 'UKD') localYes += amount;
      }
    }

    const p = await createPaidService({ db }).profile({
      scope: { kind: 'buyer', buyerId },
      from: '2022-06-01',
      to: '2022-06-30',
      periodKind: 'month',
      slackDays: 31,
    });
    const f = p.figures;
    expect(f.amount).toBeCloseTo(total, 2);
    expect(f.sme.byValue.numerator).toBeCloseTo(smeYes, 2);
    expect(f.sme.byValue.denominator).toBeCloseTo(smeKnown, 2);
    expect(f.sme.unknownValue).toBeCloseTo(total - smeKnown, 2);
    expect(f.local.byValue.numerator).toBeCloseTo(localYes, 2);
    expect(f.local.byValue.denominator).toBeCloseTo(localKnown, 2);
    expect(f.local.unknownValue).toBeCloseTo(total - localKnown, 2);
    // Not a trivial case: some money of each kind.
    expect(smeYes).toBeGreaterThan(0);
    expect(smeKnown - smeYes).toBeGreaterThan(0);
    expect(total - smeKnown).toBeGreaterThan(0);
    expect(localYes).toBeGreaterThan(0);
    expect(p.periods.map((x) => x.period)).toEqual(['2022-06']);
  });

  it('matches Salford Royal’s June payments to its 0-19 health service contract, not to its other register row', async () => {
    const { db } = getDb();
    // Raw: every June payment to Salford Royal NHS Foundation Trust.
    const raw = csv(SPEND).filter(
      (r) =>
        r['Date of Payment']?.startsWith('2022-06') && /^salford royal nhs/i.test(r['Vendor Name'] ?? ''),
    );
    const rawTotal = raw.reduce((a, r) => a + Number(r.Net), 0);
    expect(raw.length).toBe(10);
    // The register: S1028 (M5 4BD, 2017-04-01 to 2023-03-31) and S1037 (M6 8HD, another number: another supplier).
    const register = await db
      .selectFrom('register_contract')
      .select(['id', 'reference'])
      .where('buyer_id', '=', buyerId)
      .where('reference', 'in', ['S1028', 'S1037'])
      .execute();
    const idOf = (ref: string) => String(register.find((r) => r.reference === ref)!.id);
    const service = createPaidService({ db });
    const june = { scope: { kind: 'buyer' as const, buyerId }, from: '2022-06-01', to: '2022-06-30' };
    const p = await service.profile({ ...june, periodKind: 'month', slackDays: 31 });
    const s1028 = p.matching.contracts.find((c) => c.key === `register:${idOf('S1028')}`);
    expect(s1028?.amount).toBeCloseTo(rawTotal, 2);
    expect(s1028?.payments).toBe(10);
    expect(p.matching.contracts.some((c) => c.key === `register:${idOf('S1037')}`)).toBe(false);
    expect(
      p.matching.onContract.amount + p.matching.offContract.amount + p.matching.unresolved.amount,
    ).toBeCloseTo(p.figures.amount, 2);
    expect(p.matching.topOffContract[0]!.amount).toBeGreaterThan(0);
    // Paid after the contract's current expiry + slack: off contract. S1028 expires 2023-03-31; nothing of June
    // 2022 is past it, so a slack of 0 keeps the match.
    const strict = await service.profile({ ...june, periodKind: 'month', slackDays: 0 });
    expect(strict.matching.contracts.find((c) => c.key === `register:${idOf('S1028')}`)?.amount).toBeCloseTo(
      rawTotal,
      2,
    );
  });

  it('LM3: an editor enters survey figures (audited); a viewer may not; bad input saves nothing', async () => {
    const { db } = getDb();
    const service = createPaidService({ db });
    const editor = actor([[buyerId, 'editor']]);
    const viewer = actor([[buyerId, 'viewer']]);
    const june = {
      scope: { kind: 'buyer' as const, buyerId },
      from: '2022-06-01',
      to: '2022-06-30',
      periodKind: 'month' as const,
      slackDays: 31,
    };
    const before = await service.profile(june);
    const local = before.figures.suppliers.filter((s) => s.local === true && s.supplierId !== null);
    expect(local.length).toBeGreaterThan(0);
    const first = local[0]!;
    await expect(service.saveLm3(viewer, buyerId, { year: '2022' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const bad = await service.saveLm3(editor, buyerId, {
      year: '2022',
      staffCosts: '100',
      localStaffCosts: '200',
      shares: `${first.supplierId}, 140`,
    });
    expect(bad.problems.map((x) => x.field)).toEqual(['localStaffCosts', 'shares']);
    expect(await db.selectFrom('lm3_input').selectAll().execute()).toEqual([]);

    const saved = await service.saveLm3(editor, buyerId, {
      year: '2022',
      staffCosts: '1,000,000',
      localStaffCosts: '600000',
      defaultShare: '20',
      staffShare: '50',
      shares: `${first.supplierId}, 40`,
    });
    expect(saved.saved).toBe(true);
    const y = (await service.profile(june)).lm3[0]!;
    // By hand: R1 = spend + staff costs; R2 = local suppliers + local wages; R3 = first × 40% + the rest × 20%
    // + wages × 50%.
    const spend = before.figures.amount;
    const localPaid = local.reduce((a, s) => a + Math.max(0, s.amount), 0);
    const firstPaid = Math.max(0, first.amount);
    const r3 = firstPaid * 0.4 + (localPaid - firstPaid) * 0.2 + 600000 * 0.5;
    expect(y.entered).toBe(true);
    expect(y.r1).toBeCloseTo(spend + 1_000_000, 2);
    expect(y.r2).toBeCloseTo(localPaid + 600000, 2);
    expect(y.r3).toBeCloseTo(r3, 2);
    expect(y.lm3).toBeCloseTo((spend + 1_000_000 + localPaid + 600000 + r3) / (spend + 1_000_000), 9);
    const audit = await listAudit(db, 'lm3', `${buyerId}/2022`);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['spend.lm3.edit', 'editor@example.gov.uk']]);
  });
});
