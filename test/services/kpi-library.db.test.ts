// The KPI library and attached KPIs on the real sample (data/sample): central edits of a starter template
// (versioned, audited, conflicts refused), a new template, attaching a tailored copy to a pipeline entry of Derby
// City Council and to a real contract of its buyer (Bridgend, ocds-kuma6s-148166), who may do what, and tagging a
// pipeline entry with missions and outcomes of the buyer's effective standard (filtering the central pipeline).
import { beforeAll, describe, expect, it } from 'vitest';
import { createAttachedKpisService } from '../../src/services/kpis/attached-kpis.service.js';
import { createKpiLibraryService } from '../../src/services/kpis/kpi-library.service.js';
import { createStandardsService } from '../../src/services/missions/standards.service.js';
import { createPipelineMissionsService } from '../../src/services/pipeline/pipeline-missions.js';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { centralActor as central, memberOf as editorOf, outcome as failure } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';
import { organisationIdByName } from '../support/sample-app.js';

const BRIDGEND_CONTRACT = 'ocds-kuma6s-148166';
describe('KPI library, attached KPIs and pipeline missions', () => {
  const t = useSampleDb();
  const library = () => createKpiLibraryService({ db: t().db });
  const attached = () => createAttachedKpisService({ db: t().db, library: library() });
  const pipeline = () => createPipelineService({ db: t().db, today: () => '2026-12-06' });
  const missions = () =>
    createPipelineMissionsService({ db: t().db, standards: createStandardsService({ db: t().db }) });
  let derby: number;
  let bridgend: number;
  let entryId: number;

  beforeAll(async () => {
    derby = await organisationIdByName(t(), 'DERBY CITY COUNCIL');
    bridgend = await organisationIdByName(t(), 'Bridgend County Borough Council');
    entryId = (
      await pipeline().create(editorOf(derby), derby, {
        title: 'Waste collection',
        cpvCode: '90511000',
        published: 'yes',
      })
    ).id;
  });

  it('serves the starter set, searchable and paginated', async () => {
    const all = await library().search({}, { pageSize: 5 });
    expect(all.items).toHaveLength(5);
    expect(all.total).toBe((await library().all()).length);
    const page5 = await library().search({}, { page: 5, pageSize: 5 });
    expect(page5.items).toHaveLength(Math.min(5, all.total - 20));
    const waste = await library().search({ text: 'recycling' });
    expect(waste.items.map((i) => i.template.id)).toEqual(['kpi.waste.recycling-rate']);
    expect(waste.items[0]).toMatchObject({ version: 1, seeded: true, missionIds: ['clean-energy'] });
  });

  it('covers medical equipment (CPV 33) and education and training (CPV 80), each item a template', async () => {
    const ids = async (cpv: string) =>
      (await library().search({ cpv }, { pageSize: 100 })).items
        .filter((i) => i.template.cpvDivisions.length > 0)
        .map((i) => i.template.id);
    expect(await ids('33140000')).toEqual([
      'kpi.medical.device-uptime',
      'kpi.medical.orders-on-time-in-full',
      'kpi.medical.planned-maintenance-on-time',
    ]);
    expect(await ids('80')).toEqual([
      'kpi.education.progression-to-work-or-learning',
      'kpi.education.learner-achievement-rate',
      'kpi.education.learner-retention',
    ]);
    const all = await library().all();
    expect(all.every((i) => i.template.template)).toBe(true);
    // Every starter target not taken from a source says so.
    for (const id of ['kpi.medical.device-uptime', 'kpi.education.learner-achievement-rate'])
      expect(all.find((i) => i.template.id === id)!.template.source).toMatch(/\[\?\]/);
  });

  it('lets central edit a starter template as a new version, audited; stale saves and meaning changes refused', async () => {
    const before = await library().get('kpi.waste.recycling-rate');
    const raw = {
      ...before.template,
      good: undefined,
      bad: undefined,
      goodText: before.template.good.text,
      goodWhy: before.template.good.why,
      badText: before.template.bad.text,
      badWhy: before.template.bad.why,
    };
    expect(
      await failure(library().update(editorOf(derby), before.template.id, 1, { ...raw, target: 60 })),
    ).toBe('FORBIDDEN');
    const after = await library().update(central, before.template.id, 1, { ...raw, target: 60 });
    expect(after).toMatchObject({ version: 2, seeded: true, updatedBy: central.email });
    expect(after.template.target).toBe(60);
    expect(await failure(library().update(central, before.template.id, 1, { ...raw, target: 65 }))).toBe(
      'CONFLICT',
    );
    expect(
      await failure(
        library().update(central, before.template.id, 2, { ...raw, target: 60, unit: 'percent' }),
      ),
    ).toMatch(/^BAD_REQUEST unit$/);
    const history = await library().history(before.template.id);
    expect(history.map((h) => h.action)).toEqual(['kpi-template.update']);
    expect(history[0]!.before).toMatchObject({ target: 55, version: 1 });
    expect(history[0]!.after).toMatchObject({ target: 60, version: 2 });
  });

  it('adds a template with a new id and refuses bad input, writing nothing', async () => {
    const raw = {
      name: 'Library loans per resident',
      outcomeStatement: 'Residents read more.',
      measure: 'Loans per resident a year',
      unit: 'loans',
      direction: 'higher',
      target: 4,
      slightlyBelow: 3,
      below: 2,
      frequency: 'annually',
      category: 'Libraries',
      cpvDivisions: '92',
      outcomeIds: ['ppn002.o2.skills-for-growth'],
      goodText: '4 loans per resident a year',
      goodWhy: 'A result for residents, from the library system.',
      badText: 'Library open 40 hours',
      badWhy: 'Opening hours are an input.',
      source: 'test',
    };
    expect(await failure(library().create(central, { ...raw, below: 5, outcomeIds: 'ppn002.o9.x' }))).toBe(
      'BAD_REQUEST below,outcomeIds',
    );
    const created = await library().create(central, raw);
    expect(created).toMatchObject({ version: 1, seeded: false, missionIds: ['growth'] });
    expect(created.template.id).toBe('kpi.custom.library-loans-per-resident');
    expect(await failure(library().create(central, raw))).toBe('BAD_REQUEST name');
    expect((await library().search({ cpv: '92' })).items.map((i) => i.template.id)).toContain(
      created.template.id,
    );
  });

  it('attaches a tailored copy to a pipeline entry, keeping the template id; editors of the buyer only', async () => {
    expect(
      await failure(
        attached().attach(
          editorOf(derby, 'viewer'),
          { pipelineEntryId: entryId },
          'kpi.waste.missed-collections',
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await failure(
        attached().attach(editorOf(bridgend), { pipelineEntryId: entryId }, 'kpi.waste.missed-collections'),
      ),
    ).toBe('FORBIDDEN');
    expect(await failure(attached().attach(editorOf(derby), { pipelineEntryId: entryId }, 'kpi.nope'))).toBe(
      'NOT_FOUND',
    );
    expect(
      await failure(
        attached().attach(editorOf(derby), { pipelineEntryId: entryId }, 'kpi.waste.missed-collections', {
          target: 200,
        }),
      ),
    ).toBe('BAD_REQUEST slightlyBelow');
    const k = await attached().attach(
      editorOf(derby),
      { pipelineEntryId: entryId },
      'kpi.waste.missed-collections',
      { target: 40 },
    );
    expect(k).toMatchObject({
      templateId: 'kpi.waste.missed-collections',
      templateVersion: 1,
      organisationId: derby,
      target: 40,
      slightlyBelow: 80,
      direction: 'lower',
      version: 1,
    });
    const tailored = await attached().tailor(editorOf(derby), k.id, 1, {
      name: 'Missed bins',
      measure: k.measure,
      target: 30,
      slightlyBelow: 60,
      below: 90,
    });
    expect(tailored).toMatchObject({
      name: 'Missed bins',
      target: 30,
      version: 2,
      templateId: 'kpi.waste.missed-collections',
    });
    expect(
      await failure(
        attached().tailor(editorOf(derby), k.id, 1, {
          name: 'x',
          measure: 'y',
          target: 1,
          slightlyBelow: 2,
          below: 3,
        }),
      ),
    ).toBe('CONFLICT');
    const view = await attached().list(null, { pipelineEntryId: entryId });
    expect(view.kpis.map((x) => x.name)).toEqual(['Missed bins']);
    expect(view.mayAttach).toBe(false);
    expect((await attached().history(k.id)).map((h) => h.action)).toEqual([
      'attached-kpi.tailor',
      'attached-kpi.attach',
    ]);
  });

  it('attaches to a contract for an editor of its buyer, and removes with an audit row', async () => {
    expect(
      await failure(
        attached().attach(editorOf(derby), { ocid: BRIDGEND_CONTRACT }, 'kpi.cross.crime-reduction-security'),
      ),
    ).toBe('FORBIDDEN');
    const k = await attached().attach(
      editorOf(bridgend),
      { ocid: BRIDGEND_CONTRACT },
      'kpi.cross.crime-reduction-security',
    );
    expect(k).toMatchObject({
      ocid: BRIDGEND_CONTRACT,
      pipelineEntryId: null,
      organisationId: bridgend,
      target: 2,
    });
    expect((await attached().list(null, { ocid: BRIDGEND_CONTRACT })).kpis).toHaveLength(1);
    await attached().remove(editorOf(bridgend), k.id);
    expect((await attached().list(null, { ocid: BRIDGEND_CONTRACT })).kpis).toHaveLength(0);
    const audit = await listAudit(t().db, 'attached-kpi', String(k.id));
    expect(audit.map((a) => [a.action, a.after === null])).toEqual([
      ['attached-kpi.remove', true],
      ['attached-kpi.attach', false],
    ]);
  });

  it('tags a pipeline entry with missions and outcomes of the buyer’s standard; the central pipeline filters by mission', async () => {
    const e = await pipeline().entry(editorOf(derby), entryId);
    expect(
      await failure(
        missions().save(editorOf(bridgend), entryId, e.entry.version, {
          outcomeIds: ['ppn002.o4.sustainable-procurement'],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await failure(
        missions().save(editorOf(derby), entryId, e.entry.version, {
          missionIds: ['moon'],
          outcomeIds: ['ppn002.o9'],
        }),
      ),
    ).toBe('BAD_REQUEST missionIds,outcomeIds');
    const saved = await missions().save(editorOf(derby), entryId, e.entry.version, {
      missionIds: 'nhs',
      outcomeIds: ['ppn002.o4.sustainable-procurement'],
    });
    // An outcome brings its mission; ids are kept in catalogue order.
    expect(saved.missions).toEqual({
      missionIds: ['clean-energy', 'nhs'],
      outcomeIds: ['ppn002.o4.sustainable-procurement'],
    });
    expect(saved.version).toBe(e.entry.version + 1);
    expect(await failure(missions().save(editorOf(derby), entryId, e.entry.version, {}))).toBe('CONFLICT');
    const log = (await pipeline().entry(editorOf(derby), entryId)).changes.items[0]!;
    expect(log.changes).toEqual([
      { field: 'missions', before: { missionIds: [], outcomeIds: [] }, after: saved.missions },
    ]);
    const central1 = await pipeline().central({ mission: 'clean-energy' });
    expect(central1.items.map((i) => i.id)).toEqual([entryId]);
    expect((await pipeline().central({ mission: 'safer-streets' })).items).toEqual([]);
  });
});
