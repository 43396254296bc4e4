// Market engagement pages and API through the web app (Fastify inject) on the real sample: an editor records an
// exercise through the form (every error in the summary first), the mix shows on the exercise, entry and buyer
// pages and in the CSV, the public sees the mix but not who took part, forms without the CSRF token and other
// buyers' editors change nothing, a stale edit and a stale reason get 409, the API reads and writes, and the
// horizon scan offers "Plan the re-procurement" to the buyer's editors only.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { memberActor } from '../support/actors.js';
import { addMembers } from '../support/organisations.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';
import { cookieHeader, signInAs, webSession } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';

describe('engagement pages and API', () => {
  let sample: SampleApp;
  let derby: number;
  let etc: number;
  let entryId: number;
  let exerciseId: number;

  const signedIn = (email: string) => signInAs(sample.app, PASSWORD)(email);

  // Three participants: SME yes, yes, not known (share 100%, 1 not known); VCSE no, yes, no (33%); local all not known.
  const exerciseForm = (token: string, extra: Record<string, string> = {}) => ({
    _csrf: token,
    purpose: 'Supplier day on fleet electrification',
    format: 'supplier-day',
    'startDate-day': '3',
    'startDate-month': '2',
    'startDate-year': '2026',
    'endDate-day': '3',
    'endDate-month': '2',
    'endDate-year': '2026',
    'p-0-name': 'Volta Fleet Ltd',
    'p-0-identifier': 'GB-COH-11111111',
    'p-0-sme': 'yes',
    'p-0-vcse': 'no',
    'p-0-local': 'unknown',
    'p-1-name': 'Green Wheels CIC',
    'p-1-identifier': '',
    'p-1-sme': 'yes',
    'p-1-vcse': 'yes',
    'p-1-local': 'unknown',
    'p-2-name': 'Anon Motors',
    'p-2-identifier': '',
    'p-2-sme': 'unknown',
    'p-2-vcse': 'no',
    'p-2-local': 'unknown',
    'p-3-name': '',
    'p-3-identifier': '',
    summary: 'Charging at depots is the constraint',
    requirementChanges: 'Charging infrastructure added as a lot',
    tenderOcid: '',
    ...extra,
  });

  beforeAll(async () => {
    sample = await createSampleApp();
    derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
    etc = await organisationIdByName(sample.t, 'The Education Training Collective');
    await addMembers(sample.t.db, PASSWORD, [
      ['editor@derby.gov.uk', 'editor', derby],
      ['second@derby.gov.uk', 'editor', derby],
      ['editor@etc.ac.uk', 'editor', etc],
    ]);
    const editor = memberActor('editor@derby.gov.uk', [[derby, 'editor']]);
    const entry = await createPipelineService({ db: sample.t.db }).create(editor, derby, {
      title: 'Electric refuse vehicles',
      cpvCode: '34144511',
      published: 'true',
    });
    entryId = entry.id;
  }, 180_000);
  afterAll(() => sample.close());

  it('records an exercise through the form, errors first, and shows the mix', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const newUrl = `/pipeline/entries/${entryId}/engagement/new`;
    const form = await s.get(newUrl);
    expect(form.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const bad = await s.post(
      `/pipeline/entries/${entryId}/engagement`,
      exerciseForm(token, {
        purpose: '',
        'endDate-year': '2025',
        'p-3-identifier': 'X9',
        tenderOcid: 'other',
        tenderOther: 'ocds-zz-none',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#purpose">Purpose: is required</a>');
    expect(bad.body).toContain(
      '<a href="#endDate-day">End date: must be the same as or after the start date</a>',
    );
    expect(bad.body).toContain('<a href="#p-0-name">Participants: row 4: enter the organisation’s name</a>');
    expect(bad.body).toContain('<title>Error: Record an engagement exercise');
    const ok = await s.post(`/pipeline/entries/${entryId}/engagement`, exerciseForm(token));
    expect(ok.statusCode).toBe(303);
    exerciseId = Number(/\/engagement\/(\d+)$/.exec(ok.headers.location as string)![1]);
    const page = await s.get(`/engagement/${exerciseId}`);
    expect(page.body).toContain('Supplier day on fleet electrification');
    expect(page.body).toContain('Volta Fleet Ltd');
    // SME: yes 2, no 0, not known 1 → 100% of known; VCSE: yes 1, no 2 → 33%.
    expect(page.body).toMatch(
      /SME<\/th>\s*<td[^>]*>2<\/td>\s*<td[^>]*>0<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>100%/,
    );
    expect(page.body).toMatch(
      /VCSE<\/th>\s*<td[^>]*>1<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>0<\/td>\s*<td[^>]*>33%/,
    );
    expect(page.body).toMatch(
      /Local<\/th>\s*<td[^>]*>0<\/td>\s*<td[^>]*>0<\/td>\s*<td[^>]*>3<\/td>\s*<td[^>]*>No known answers/,
    );
    const publicPage = await sample.app.inject({ url: `/engagement/${exerciseId}` });
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('100%');
    expect(publicPage.body).not.toContain('Volta Fleet Ltd');
    const buyer = await sample.app.inject({ url: `/organisations/${derby}/engagement` });
    expect(buyer.body).toContain('Supplier day on fleet electrification');
    const csv = await sample.app.inject({ url: `/organisations/${derby}/engagement.csv` });
    const [header, row] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    expect(cells).toMatchObject({
      participants: '3',
      sme_yes: '2',
      sme_not_known: '1',
      sme_share: '1.0000',
      vcse_share: '0.3333',
      participant_names: '',
    });
  });

  it('refuses a form without the CSRF token, and other buyers’ editors; a stale edit gets 409', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    expect(
      (await s.post(`/engagement/${exerciseId}`, { ...exerciseForm(''), version: '1' })).statusCode,
    ).toBe(403);
    const other = await signedIn('editor@etc.ac.uk');
    const token = await other.token('/');
    expect(
      (await other.post(`/engagement/${exerciseId}`, { ...exerciseForm(token), version: '1' })).statusCode,
    ).toBe(403);
    expect((await other.get(`/pipeline/entries/${entryId}/engagement/new`)).statusCode).toBe(403);
    const edit = await s.get(`/engagement/${exerciseId}/edit`);
    const t1 = /name="_csrf" value="([^"]+)"/.exec(edit.body)![1]!;
    expect(edit.body).toContain('value="Volta Fleet Ltd"');
    const second = await signedIn('second@derby.gov.uk');
    const t2 = await second.token(`/engagement/${exerciseId}/edit`);
    expect(
      (
        await second.post(`/engagement/${exerciseId}`, {
          ...exerciseForm(t2, { summary: 'first' }),
          version: '1',
        })
      ).statusCode,
    ).toBe(303);
    const stale = await s.post(`/engagement/${exerciseId}`, {
      ...exerciseForm(t1, { summary: 'lost' }),
      version: '1',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('you had version 1; it is now version 2');
    expect((await s.get(`/engagement/${exerciseId}`)).body).toContain('first');
  });

  it('records a no-engagement reason, refusing a stale one', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const url = `/pipeline/entries/${entryId}/engagement`;
    const token = await s.token(url);
    // None saved yet: a save from any version but 0 is a conflict (409, said so), not a server error; nothing stored.
    const early = await s.post(`${url}/rationale`, { _csrf: token, version: '2', rationale: 'Too early' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain(
      'No reason has been saved for this entry yet (you had version 2; it is version 0)',
    );
    const api = (version: number) =>
      sample.app.inject({
        method: 'PUT',
        url: `/api/pipeline/entries/${entryId}/engagement/rationale`,
        headers: { cookie: cookieHeader(s.jar), 'x-csrf-token': token },
        payload: { rationale: 'Through the API, too early', version },
      });
    const viaApi = await api(1);
    expect(viaApi.statusCode).toBe(409);
    expect(viaApi.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await api(-1)).statusCode).toBe(400);
    expect(
      (await sample.app.inject({ url: `/api/pipeline/entries/${entryId}/engagement` })).json(),
    ).toMatchObject({ rationale: null });
    expect(
      (await s.post(`${url}/rationale`, { _csrf: token, version: '0', rationale: 'Framework call-off' }))
        .statusCode,
    ).toBe(303);
    const stale = await s.post(`${url}/rationale`, { _csrf: token, version: '0', rationale: 'Other' });
    expect(stale.statusCode).toBe(409);
    const page = await sample.app.inject({ url });
    expect(page.body).toContain('Framework call-off');
    expect(page.body).toContain('Supplier day on fleet electrification');
  });

  it('shows an exercise’s and a reason’s history to the buyer’s editors only', async () => {
    await addMembers(sample.t.db, PASSWORD, [['viewer@derby.gov.uk', 'viewer', derby]]);
    /** The history table's rows as text (cells joined by " | "); null when there is none. */
    const history = (html: string, caption: string) => {
      const i = html.indexOf(caption);
      if (i < 0) return null;
      const table = html.slice(i, html.indexOf('</table>', i));
      return [...table.matchAll(/<tr class="govuk-table__row">(.*?)<\/tr>/gs)]
        .slice(1)
        .map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]!.trim()).join(' | '));
    };
    const exerciseCaption = 'Changes to this exercise, newest first';
    const editor = await signedIn('editor@derby.gov.uk');
    const rows = history((await editor.get(`/engagement/${exerciseId}`)).body, exerciseCaption)!;
    // Created by the editor, then changed by the second editor (the stale save is not there).
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      / \| second@derby\.gov\.uk \| engagement\.update \| summary: Charging at depots is the constraint → first\nversion: 1 → 2$/,
    );
    expect(rows[1]).toMatch(
      / \| editor@derby\.gov\.uk \| engagement\.create \| endDate: – → 2026-02-03\nentryId: – → \d+\n/,
    );
    expect(rows[1]).toContain('\npurpose: – → Supplier day on fleet electrification\n');
    const reasonCaption = 'Changes to the reason, newest first';
    const reason = history(
      (await editor.get(`/pipeline/entries/${entryId}/engagement`)).body,
      reasonCaption,
    )!;
    expect(reason).toEqual([
      expect.stringMatching(
        / \| editor@derby\.gov\.uk \| engagement\.rationale \| rationale: – → Framework call-off\nversion: – → 1$/,
      ),
    ]);
    // Not to a viewer of the buyer, another buyer's editor or the public.
    for (const reader of [
      await signedIn('viewer@derby.gov.uk'),
      await signedIn('editor@etc.ac.uk'),
      webSession(sample.app),
    ]) {
      expect(history((await reader.get(`/engagement/${exerciseId}`)).body, exerciseCaption)).toBeNull();
      expect(
        history((await reader.get(`/pipeline/entries/${entryId}/engagement`)).body, reasonCaption),
      ).toBeNull();
    }
  });

  it('serves the API: public reads without names, editors’ writes with the CSRF header', async () => {
    const r = await sample.app.inject({ url: `/api/pipeline/entries/${entryId}/engagement` });
    expect(r.statusCode).toBe(200);
    const body = r.json() as {
      exercises: { participants: unknown[]; mix: { participants: number } }[];
      rationale: string;
    };
    expect(body.exercises[0]!.participants).toEqual([]);
    expect(body.exercises[0]!.mix.participants).toBe(3);
    expect(body.rationale).toBe('Framework call-off');
    expect(JSON.stringify(body)).not.toContain('@derby.gov.uk');
    const s = await signedIn('editor@derby.gov.uk');
    const token = await s.token('/');
    const cookie = Object.entries(s.jar)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const post = (headers: Record<string, string>) =>
      sample.app.inject({
        method: 'POST',
        url: `/api/pipeline/entries/${entryId}/engagement`,
        headers: { cookie, ...headers },
        payload: { purpose: 'RFI', format: 'questionnaire', participants: [{ name: 'A Ltd', sme: 'no' }] },
      });
    expect((await post({})).statusCode).toBe(403);
    const created = await post({ 'x-csrf-token': token });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ purpose: 'RFI', version: 1, mix: { sme: { no: 1, share: 0 } } });
    // Changed through the API from the version read; the same stale version again is a conflict.
    const id = (created.json() as { id: number }).id;
    const put = () =>
      sample.app.inject({
        method: 'PUT',
        url: `/api/engagement/${id}`,
        headers: { cookie, 'x-csrf-token': token },
        payload: { version: 1, purpose: 'RFI, widened', format: 'questionnaire', participants: [] },
      });
    const changed = await put();
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ purpose: 'RFI, widened', version: 2 });
    expect((await put()).statusCode).toBe(409);
  });

  it('offers "Plan the re-procurement" on the horizon scan to the buyer’s editors only', async () => {
    const row = (
      await sql<{ ocid: string; end_day: string }>`select ocid, to_char(end_day, 'YYYY-MM-DD') as end_day
        from horizon_entry where buyer_id = ${derby} and end_day is not null and source = 'ocds'
        order by end_day desc, ocid limit 1`.execute(sample.t.db)
    ).rows[0]!;
    const [y, m] = row.end_day.split('-');
    const url = `/horizon?buyerId=${derby}&months=24&asOf-day=1&asOf-month=${Number(m)}&asOf-year=${Number(y) - 1}&pageSize=100`;
    const href = `href="/pipeline/from/${encodeURIComponent(row.ocid)}"`;
    const editor = await signedIn('editor@derby.gov.uk');
    const page = await editor.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(href);
    expect((await (await signedIn('editor@etc.ac.uk')).get(url)).body).not.toContain(
      'Plan the re-procurement',
    );
    expect((await sample.app.inject({ url })).body).not.toContain('Plan the re-procurement');
  });
});
