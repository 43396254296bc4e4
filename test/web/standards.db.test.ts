// The standards pages and API on the real sample through the app (app.inject): the catalogue at each tier, the
// mapping page, a contract's missions on its page and as JSON, the CLI-equivalent JSON shape, and that edits need
// a session with the right role and a CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';

describe('standards pages and API', () => {
  let s: SampleApp;
  let harrogate: number;
  beforeAll(async () => {
    s = await createSampleApp();
    harrogate = await organisationIdByName(s.t, 'Harrogate Town Council');
  }, 180_000);
  afterAll(() => s?.close());

  it('shows the national, regional and buyer standards with provenance', async () => {
    const national = await s.app.inject('/standards');
    expect(national.statusCode).toBe(200);
    expect(national.body).toContain('National standard');
    expect(national.body).toContain('ppn002.o1.fair-work');
    expect(national.body).toContain('Award criterion 1e: Identifying and managing … [wording incomplete]');
    expect(national.body).toContain('ppn002.o1.mac1e');
    const region = await s.app.inject('/standards/regions/UKE');
    expect(region.statusCode).toBe(200);
    expect(region.body).toContain('Yorkshire and the Humber');
    const buyer = await s.app.inject(`/standards/organisations/${harrogate}`);
    expect(buyer.statusCode).toBe(200);
    expect(buyer.body).toContain('Effective standard: Harrogate Town Council');
    expect((await s.app.inject('/standards/regions/UKX')).statusCode).toBe(404);
    expect((await s.app.inject('/standards/organisations/abc')).statusCode).toBe(404);
    const chosen = await s.app.inject('/standards/choose?region=UKE&org=');
    expect(chosen.headers.location).toBe('/standards/regions/UKE');
  });

  it('serves the effective standard, the mapping and a contract’s missions as JSON', async () => {
    const api = await s.app.inject(`/api/standards?org=${harrogate}`);
    expect(api.statusCode).toBe(200);
    const body = api.json();
    expect(body.scope.scopes).toEqual(['national', 'region:UKE', `org:${harrogate}`]);
    expect(body.standard.socialValueMinWeightPercent).toEqual({
      value: 10,
      from: { tier: 'national', scope: 'national' },
    });
    const fairWork = body.standard.missions[0].outcomes[0];
    expect(fairWork.metrics.map((m: { id: string }) => m.id)).toEqual(['ppn002.o1.new-jobs-fte']);
    expect(fairWork.criteria[0]).toEqual({
      id: 'ppn002.o1.mac1a',
      outcomeId: 'ppn002.o1.fair-work',
      officialCode: '1a',
      wording: 'Create and retain high-quality jobs',
      wordingComplete: true,
      source: expect.stringContaining('executivecompass.co.uk') as unknown,
    });
    const metric = body.standard.missions[0].outcomes[2].metrics[0];
    expect(metric).toMatchObject({
      id: 'ppn001.sme-direct-spend-share',
      unit: 'percent of value',
      provenance: { tier: 'national' },
    });

    const mapping = (await s.app.inject('/api/standards/mapping')).json();
    expect(mapping.rows).toHaveLength(48);
    const cpv = (await s.app.inject('/api/standards/mapping/cpv/79710000-4')).json();
    expect(cpv).toMatchObject({
      code: '79710000',
      rule: { prefix: '7971', primary: 'safer-streets', tier: 'default' },
    });

    const missions = (await s.app.inject('/api/contracts/ocds-kuma6s-148166/missions')).json();
    expect(
      missions.tags.map((t: { missionId: string; provenance: string }) => `${t.missionId}:${t.provenance}`),
    ).toEqual(['safer-streets:default', 'clean-energy:default']);
    expect((await s.app.inject('/api/contracts/nope/missions')).statusCode).toBe(404);
  });

  it('shows a contract’s missions on its page and the mapping page', async () => {
    const page = await s.app.inject('/contracts/ocds-h6vhtk-067fb8');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(
      /id="missions"[\s\S]*Make Britain a clean energy superpower[\s\S]*Default mapping \(draft\)[\s\S]*CPV 09323/,
    );
    const mapping = await s.app.inject('/standards/mapping');
    expect(mapping.statusCode).toBe(200);
    expect(mapping.body).toContain('Security services');
  });

  it('sends signed-out editors to sign in and refuses forms without CSRF', async () => {
    const form = await s.app.inject('/standards/regions/UKE/settings/social-value');
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toMatch(/^\/login\?next=/);
    const post = await s.app.inject({
      method: 'POST',
      url: '/standards/regions/UKE/settings/social-value',
      payload: { minWeightPercent: '15' },
    });
    expect(post.statusCode).toBe(403);
  });
});
