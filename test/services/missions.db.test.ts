// The standards catalogue and the CPV → mission mapping on the real sample (data/sample): two real contracts —
// Bridgend County Borough Council's security services (ocds-kuma6s-148166, Sell2Wales, buyer region UKL17) and
// Harrogate Town Council's district heating (ocds-h6vhtk-067fb8, Find a Tender, buyer region UKE22) — through the
// default mapping, a regional rule, a buyer rule and per-contract overrides; regional and local tailoring of the
// standard with its rules, identifiers that keep their meaning, authorisation and the audit trail.
import { describe, expect, it } from 'vitest';
import { createMappingService } from '../../src/services/missions/mapping.service.js';
import { createStandardsService } from '../../src/services/missions/standards.service.js';
import { itemsById } from '../../src/domain/missions/standard.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { centralActor as central, memberOf as editorOf, outcome as failure } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';
import { organisationIdByName } from '../support/sample-app.js';

const BRIDGEND = 'ocds-kuma6s-148166';
const HARROGATE = 'ocds-h6vhtk-067fb8';

describe('mapping real contracts to missions', () => {
  const t = useSampleDb();
  const map = () => createMappingService({ db: t().db });
  const tags = async (ocid: string) =>
    (await map().contractMissions(ocid)).tags.map((x) => [
      x.missionId,
      x.role,
      x.provenance,
      x.rules.map((r) => r.prefix).join('+'),
    ]);

  it('uses the draft default: the most specific code wins, every code counts', async () => {
    const b = await map().contractMissions(BRIDGEND);
    expect(b.region).toBe('UKL');
    expect(b.buyer?.name).toBe('Bridgend County Borough Council');
    expect(await tags(BRIDGEND)).toEqual([
      ['safer-streets', 'primary', 'default', '7971+35'],
      ['clean-energy', 'secondary', 'default', '31'],
    ]);
    expect(await tags(HARROGATE)).toEqual([
      ['clean-energy', 'primary', 'default', '09323'],
      ['growth', 'secondary', 'default', '79'],
    ]);
  });

  it('applies a region’s rule to its buyers only, and a buyer’s more specific rule over it (audited)', async () => {
    const harrogate = await organisationIdByName(t(), 'Harrogate Town Council');
    await map().saveRule(
      central,
      { region: 'UKE' },
      { cpv: '79000000', primary: 'opportunity', reason: 'regional skills brokerage' },
    );
    expect(await tags(HARROGATE)).toEqual([
      ['clean-energy', 'primary', 'default', '09323'],
      ['opportunity', 'secondary', 'region', '79'],
    ]);
    expect((await tags(BRIDGEND))[0]).toEqual(['safer-streets', 'primary', 'default', '7971+35']);
    await map().saveRule(
      editorOf(harrogate),
      { org: harrogate },
      { cpv: '79314000', primary: 'clean-energy', reason: 'feasibility study for the heat network' },
    );
    expect(await tags(HARROGATE)).toEqual([['clean-energy', 'primary', 'default', '09323+79314']]);
    expect((await map().contractMissions(HARROGATE)).tags[0]?.rules[1]).toEqual({
      tier: 'buyer',
      scope: `org:${harrogate}`,
      prefix: '79314',
      codes: ['79314000'],
    });
    const audit = await listAudit(t().db, 'mission_mapping_rule', 'region:UKE/79');
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['create', 'central@example.gov.uk']]);
    expect((await map().ruleFor('79314000', { org: harrogate }))?.tier).toBe('buyer');
    expect((await map().ruleFor('79314000', { region: 'UKE' }))?.tier).toBe('region');
    expect((await map().ruleFor('79314000'))?.tier).toBe('default');
  });

  it('takes per-contract overrides with a reason from the buyer’s editors only', async () => {
    const bridgend = await organisationIdByName(t(), 'Bridgend County Borough Council');
    const harrogate = await organisationIdByName(t(), 'Harrogate Town Council');
    const remove = {
      missionId: 'clean-energy',
      action: 'remove',
      reason: 'lighting is incidental to the guarding',
    };
    expect(await failure(map().saveOverride(editorOf(harrogate), BRIDGEND, remove))).toBe('FORBIDDEN');
    expect(await failure(map().saveOverride(editorOf(bridgend, 'viewer'), BRIDGEND, remove))).toBe(
      'FORBIDDEN',
    );
    expect(await failure(map().saveOverride(central, BRIDGEND, remove))).toBe('FORBIDDEN');
    expect(await failure(map().saveOverride(editorOf(bridgend), BRIDGEND, { ...remove, reason: ' ' }))).toBe(
      'BAD_REQUEST reason',
    );
    await map().saveOverride(editorOf(bridgend), BRIDGEND, remove);
    await map().saveOverride(editorOf(bridgend), BRIDGEND, {
      missionId: 'opportunity',
      action: 'add',
      reason: 'guards recruited through a care-leavers scheme',
    });
    const b = await map().contractMissions(BRIDGEND);
    expect(b.tags.map((x) => [x.missionId, x.provenance, x.reason])).toEqual([
      ['safer-streets', 'default', null],
      ['opportunity', 'contract', 'guards recruited through a care-leavers scheme'],
    ]);
    expect(b.removed.map((x) => [x.missionId, x.removedBecause])).toEqual([
      ['clean-energy', 'lighting is incidental to the guarding'],
    ]);
    await map().saveOverride(editorOf(bridgend), BRIDGEND, {
      missionId: 'clean-energy',
      action: 'withdraw',
      reason: 'agreed with the region',
    });
    expect((await map().contractMissions(BRIDGEND)).removed).toEqual([]);
    const history = await map().overrideHistory(BRIDGEND, 'clean-energy');
    expect(history.map((h) => h.action)).toEqual(['withdraw', 'create']);
  });
});

describe('tailoring the standard by region and buyer', () => {
  const t = useSampleDb();
  const standards = () => createStandardsService({ db: t().db });

  it('a region adds an outcome and a metric and raises the minimum weighting; its buyer tailors within it', async () => {
    const harrogate = await organisationIdByName(t(), 'Harrogate Town Council');
    const s = standards();
    expect(await failure(s.addItem(editorOf(harrogate), { region: 'UKE' }, 'outcome', {}))).toBe('FORBIDDEN');
    const outcome = await s.addItem(central, { region: 'UKE' }, 'outcome', {
      parentId: 'clean-energy',
      name: 'Warm homes',
      definition: 'Fewer households in fuel poverty in Yorkshire and the Humber',
    });
    expect(outcome.id).toBe('region.UKE.warm-homes');
    await s.addItem(central, { region: 'UKE' }, 'metric', {
      parentId: outcome.id,
      name: 'Homes retrofitted',
      unit: 'homes',
      direction: 'higher',
      definition: 'Homes brought to EPC C or better under the contract',
      evidence: 'EPC certificates',
    });
    await s.saveSetting(central, { region: 'UKE' }, 'social-value', { minWeightPercent: '15' });
    await s.saveSetting(central, { region: 'UKE' }, outcome.id, { priority: 'high', locked: 'on' });

    const local = editorOf(harrogate);
    expect(
      await failure(
        s.addItem(local, { org: harrogate }, 'outcome', { parentId: 'growth', name: 'x', definition: 'y' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await failure(s.saveSetting(local, { org: harrogate }, 'social-value', { minWeightPercent: '12' })),
    ).toBe('BAD_REQUEST minWeightPercent');
    expect(await failure(s.saveSetting(local, { org: harrogate }, outcome.id, { priority: 'low' }))).toBe(
      'BAD_REQUEST priority',
    );
    expect(await failure(s.saveSetting(local, { org: harrogate }, outcome.id, { locked: 'on' }))).toBe(
      'BAD_REQUEST locked',
    );
    await s.saveSetting(local, { org: harrogate }, 'social-value', { minWeightPercent: '20' });
    await s.addItem(local, { org: harrogate }, 'metric', {
      parentId: outcome.id,
      name: 'Heat network connections',
      unit: 'dwellings',
      direction: 'higher',
      definition: 'Dwellings connected to the town heat network',
      evidence: 'connection certificates',
    });

    const { scope, standard } = await s.effective({ org: harrogate });
    expect(scope.scopes).toEqual(['national', 'region:UKE', `org:${harrogate}`]);
    expect(standard.socialValueMinWeightPercent).toEqual({
      value: 20,
      from: { tier: 'local', scope: `org:${harrogate}` },
    });
    const items = itemsById(standard);
    expect(items.get('region.UKE.warm-homes')?.provenance.tier).toBe('regional');
    expect(items.get('region.UKE.homes-retrofitted')?.provenance.tier).toBe('regional');
    expect(items.get(`org.${harrogate}.heat-network-connections`)?.provenance.tier).toBe('local');
    expect(items.get('ppn002.o1.fair-work')?.provenance.tier).toBe('national');
    expect(standard.conflicts).toEqual([]);
    // Another region's buyer sees none of it.
    const bridgend = await organisationIdByName(t(), 'Bridgend County Borough Council');
    const other = await s.effective({ org: bridgend });
    expect(itemsById(other.standard).has('region.UKE.warm-homes')).toBe(false);
    expect(other.standard.socialValueMinWeightPercent?.value).toBe(10);
  });

  it('keeps identifiers to one meaning: unit changes are refused, wording is versioned, retired ids stay taken', async () => {
    const s = standards();
    const id = 'region.UKE.homes-retrofitted';
    const base = {
      name: 'Homes retrofitted',
      unit: 'homes',
      direction: 'higher',
      definition: 'Homes brought to EPC C or better',
      evidence: 'EPC certificates',
    };
    expect(await failure(s.editItem(central, id, { ...base, unit: 'tonnes CO2e' }))).toBe('BAD_REQUEST unit');
    expect(await failure(s.editItem(central, id, { ...base, direction: 'lower' }))).toBe(
      'BAD_REQUEST direction',
    );
    expect(await failure(s.editItem(central, id, { ...base, parentId: 'ppn002.o1.fair-work' }))).toBe(
      'BAD_REQUEST parentId',
    );
    const clarified = await s.editItem(central, id, {
      ...base,
      definition: 'Homes brought to EPC band C or better, counted at completion',
    });
    expect(clarified.version).toBe(2);
    await s.retireItem(central, id);
    expect(
      await failure(
        s.addItem(central, { region: 'UKE' }, 'metric', {
          ...base,
          parentId: 'region.UKE.warm-homes',
          unit: 'tonnes',
        }),
      ),
    ).toBe('BAD_REQUEST slug');
    expect((await s.history(id)).map((h) => h.action)).toEqual(['retire', 'clarify', 'create']);
    const { standard } = await s.effective({ region: 'UKE' });
    expect(itemsById(standard).get(id)).toMatchObject({ status: 'retired', unit: 'homes' });
  });

  it('refuses unknown regions and edits of the national tier', async () => {
    expect(await failure(standards().effective({ region: 'UKX' }))).toBe('NOT_FOUND');
    expect(
      await failure(standards().saveSetting(central, {}, 'social-value', { minWeightPercent: '5' })),
    ).toBe('FORBIDDEN');
  });
});
