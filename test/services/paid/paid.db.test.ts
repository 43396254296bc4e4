// Paid-money analytics on real data: the sample OCDS (data/sample), Salford's contract register 2022-07 and its
// June 2022 spend file (copies in test/fixtures/uk-more). The June shares are literal golden figures worked out by
// hand from the raw files (JUNE_KNOWN: every payee whose size or region is known, with its flags); the LM3 test's
// local suppliers are those of that table, not of the service's output.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
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

const actor = (organisations: [number, 'viewer' | 'editor'][]): Actor => ({
  userId: 7,
  email: `${organisations[0]![1]}@example.gov.uk`,
  name: 'Test',
  serviceRole: null,
  organisations: new Map(organisations),
});

/**
 * Salford's June 2022 payees whose size or region is known, worked out by hand from the raw files: the payee as the
 * spend file spells it (spellings that differ only by a legal suffix — "Seddon Construction Ltd", "Allpay" — are
 * the same payee), its payments and their Net sum in June 2022, SME from the register's "SME Supplier?" of the
 * supplier's register rows (contract reference in the comment) or, where given, the sample OCDS party's `scale`
 * (which wins: Seddon's register rows say No, No and Yes; OCDS says large), and the ITL1 region of its postcode
 * (SK14, SK4, SK9 → UKD; G72 → UKM; HG4 → UKE) as the lookup derived from the sample's OCDS organisations gives it;
 * null where not known. Every other payee (569 payments) has neither flag known.
 */
const JUNE_KNOWN: [payee: string, payments: number, net: number, sme: boolean, region: string | null][] = [
  ['Salford Royal Nhs Foundation Trust', 10, 1_611_429.64, true, null], // register S1028
  ['Seddon Construction Limited', 9, 1_007_138.83, false, null], // OCDS scale large
  ['S & W Tlp (Project Co One) Ltd', 7, 795_292.1, true, null], // register S1093
  ['Salford Schools Solutions Ltd', 2, 620_612.23, true, null], // register S1093
  ['Softcat Limited', 2, 312_409.56, false, null], // register S1086
  ['Phoenix Software Ltd', 4, 184_451.99, false, null], // register S1080
  ['Reed Specialist Recruitment Ltd', 4, 170_145.31, false, null], // OCDS scale large
  ['A E Yates Ltd', 1, 104_079.08, true, null], // register S1221
  ['Coating Services Ltd', 2, 100_922.46, true, 'UKD'], // register (no reference), SK14 1HF
  ['Mind In Salford', 1, 97_750.0, true, null], // register S1020
  ['Allpay Ltd', 3, 91_916.07, false, null], // register S1257
  ['Wright Build Ltd', 1, 61_502.47, true, null], // register S1144-34, -38, -43
  ['Whistl Uk Ltd', 8, 48_947.19, false, null], // register S1025
  ['Exclusec Group Ltd', 6, 30_680.04, false, null], // register S1101
  ['Ricoh Uk Limited', 3, 30_156.93, false, null], // register S1253
  ['Aecom Ltd', 2, 26_509.59, false, null], // register S1002, S1157, S1287
  ['Bloom Procurement Services Ltd', 5, 23_971.27, false, null], // register S1229, S1421
  ['University Of Salford', 1, 19_200.0, false, null], // register S1033, S1068
  ['The Endorphins Group', 1, 11_360.0, true, null], // register S1161
  ['Yemeni Community Association', 1, 9_504.0, false, null], // register S1141
  ['Capita Business Services Ltd', 1, 8_624.07, false, null], // register S1018
  ['Bristow & Sutor', 4, 8_058.96, false, null], // register S1024
  ['Apem Ltd', 3, 7_343.13, true, 'UKD'], // register S1156, SK4 3GN
  ['Ecg Facilities Services Ltd', 6, 6_536.13, true, 'UKM'], // register S1034, G72 0ND
  ['A Venning Ltd', 5, 6_000.0, true, null], // register S1235
  ['Econ Engineering Ltd', 3, 5_955.76, true, 'UKE'], // OCDS scale sme, HG4 1UE
  ['Reactec Ltd', 1, 5_750.75, false, null], // register S1479
  ['Special Spirits', 1, 5_625.0, true, null], // register S1161
  ['Inspiring Communities Together', 2, 5_203.58, true, null], // register (no reference)
  ['Career Connect', 1, 5_175.0, false, null], // register S1118, S1481
  ['Liquidlogic Ltd', 1, 4_742.68, false, null], // register S1177
  ['Keolis Amey Metrolink Limited', 1, 3_863.38, false, null], // register S1465
  ['Horticon Limited', 3, 3_835.0, true, 'UKD'], // register S1071-17, S1419, SK9 6DN
  ['Civica Uk Ltd', 2, 3_417.0, false, null], // OCDS scale large
  ['Psi (Resources) Limited', 4, 1_757.0, true, null], // register S1100
  ['Enviro Technology Services Plc', 1, 1_028.3, true, null], // register S1001
  ['British Telecommunications Plc', 1, 688.4, false, null], // register S1008, S1102
  ['Firemark Ltd', 1, 659.41, true, null], // register S1011
  ['Killgerm Chemicals', 1, 613.0, true, null], // register S1005
  ['Electricity North West Ltd', 1, 577.46, false, null], // register S1187
  ['Scarab Sweepers Ltd', 1, 539.15, true, null], // OCDS scale sme
];

describe('paid money on Salford’s real files', () => {
  beforeAll(async () => {
    const { db } = getDb();
    buyerId = await addOrganisation(db, 'Salford City Council');
    await db.updateTable('organisation').set({ region_code: 'UKD34' }).where('id', '=', buyerId).execute();
    await importRegister(db, sharedDataPath(REGISTER), { organisationId: buyerId });
    await importSpend(db, [sharedDataPath(SPEND)], { organisationId: buyerId });
    await createSuppliersService({ db }).resolve();
  }, 600_000);

  it('SME and local share of June 2022 paid money: literal golden totals worked out by hand', async () => {
    const { db } = getDb();
    const p = await createPaidService({ db }).profile({
      scope: { kind: 'buyer', buyerId },
      from: '2022-06-01',
      to: '2022-06-30',
      periodKind: 'month',
      slackDays: 31,
    });
    const f = p.figures;
    // The raw file: 1,809 payments dated June 2022, Net column summing to £21,292,074.37.
    expect(f.payments).toBe(1809);
    expect(f.amount).toBeCloseTo(21_292_074.37, 2);
    // SME: the 41 payees of JUNE_KNOWN with a known size; 20 of them SMEs.
    // Σ SME = £3,448,043.44; Σ known = £5,443,971.92; unknown = 21,292,074.37 − 5,443,971.92 = £15,848,102.45;
    // share = 3,448,043.44 ÷ 5,443,971.92 = 63.34%.
    expect(f.sme.byValue.numerator).toBeCloseTo(3_448_043.44, 2);
    expect(f.sme.byValue.denominator).toBeCloseTo(5_443_971.92, 2);
    expect(f.sme.unknownValue).toBeCloseTo(15_848_102.45, 2);
    expect(f.sme.byValue.share).toBeCloseTo(0.6334, 4);
    expect(f.sme.byCount).toMatchObject({ numerator: 20, denominator: 41 });
    // Local (ITL1 of Salford, UKD): the 5 payees with a known region — Coating Services £100,922.46 (UKD), APEM
    // £7,343.13 (UKD), Horticon £3,835.00 (UKD), ECG Facilities £6,536.13 (UKM), ECON Engineering £5,955.76 (UKE).
    // Σ local = £112,100.59; Σ known = £124,592.48; share 89.97%; unknown = £21,167,481.89.
    expect(f.local.byValue.numerator).toBeCloseTo(112_100.59, 2);
    expect(f.local.byValue.denominator).toBeCloseTo(124_592.48, 2);
    expect(f.local.unknownValue).toBeCloseTo(21_167_481.89, 2);
    expect(f.local.byValue.share).toBeCloseTo(0.8997, 4);
    // Payee by payee: the service's supplier of each payee (found through resolution's own table by the payee's
    // matching name) has the payments, money and flags of the table.
    const sources = await db
      .selectFrom('supplier_source')
      .select(['normalised_name', 'supplier_id'])
      .where('kind', '=', 'spend')
      .where('buyer_id', '=', buyerId)
      .execute();
    const bySupplier = new Map(f.suppliers.map((x) => [x.supplierId, x]));
    const known = f.suppliers.filter((x) => x.sme !== null || x.region !== null);
    expect(known.length).toBe(JUNE_KNOWN.length);
    for (const [payee, payments, amount, sme, region] of JUNE_KNOWN) {
      const source = sources.find((x) => x.normalised_name === normaliseOrgName(payee));
      const got = bySupplier.get(Number(source?.supplier_id));
      expect(got, payee).toBeDefined();
      expect([got!.payments, got!.amount.toFixed(2), got!.sme, got!.region], payee).toEqual([
        payments,
        amount.toFixed(2),
        sme,
        region,
      ]);
    }
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
    // Supplier + dates decide: S1028 carries a ProClass code, Salford's spend file none, so category is not compared.
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
    // The local suppliers, by hand (JUNE_KNOWN, region UKD = Salford's ITL1): Coating Services £100,922.46,
    // APEM £7,343.13, Horticon £3,835.00 — £112,100.59 — none credited more than paid. Spend: £21,292,074.37.
    const local = JUNE_KNOWN.filter(([, , , , region]) => region === 'UKD');
    expect(local.map(([payee]) => payee)).toEqual(['Coating Services Ltd', 'Apem Ltd', 'Horticon Limited']);
    const coating = await db
      .selectFrom('supplier_source')
      .select('supplier_id')
      .where('kind', '=', 'spend')
      .where('buyer_id', '=', buyerId)
      .where('normalised_name', '=', normaliseOrgName('Coating Services Ltd'))
      .executeTakeFirstOrThrow();
    const first = { supplierId: Number(coating.supplier_id) };
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
    // By hand: R1 = spend + staff costs = 21,292,074.37 + 1,000,000 = 22,292,074.37; R2 = local suppliers + local
    // wages = 112,100.59 + 600,000 = 712,100.59; R3 = Coating Services 100,922.46 × 40% = 40,368.984, + the rest
    // (7,343.13 + 3,835.00 = 11,178.13) × 20% = 2,235.626, + wages 600,000 × 50% = 300,000 → 342,604.61;
    // LM3 = (22,292,074.37 + 712,100.59 + 342,604.61) ÷ 22,292,074.37 = 23,346,779.57 ÷ 22,292,074.37 = 1.04731…
    expect(y.entered).toBe(true);
    expect(y.r1).toBeCloseTo(22_292_074.37, 2);
    expect(y.r2).toBeCloseTo(712_100.59, 2);
    expect(y.r3).toBeCloseTo(342_604.61, 2);
    expect(y.lm3).toBeCloseTo(23_346_779.57 / 22_292_074.37, 9);
    const audit = await listAudit(db, 'lm3', `${buyerId}/2022`);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['spend.lm3.edit', 'editor@example.gov.uk']]);
  });
});
