// The opportunity pages' test fixture on the real sample (test/web/opportunities*.db.test.ts): Derby's editor and
// viewer, an editor of another organisation, a central user, the publishing form's fields, a signed-out supplier who
// loads an opportunity's page (CSRF cookie) and posts the interest form, and form tokens signed at a chosen time by
// a second service instance on the same database (same stored key).
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServices } from '../../src/services/index.js';
import { MIN_FILL_MS } from '../../src/services/opportunities/form-token.js';
import { addMembers } from './organisations.js';
import { createSampleApp, organisationIdByName, type SampleApp } from './sample-app.js';
import { cookieHeader, csrfOf, setCookies, signInAs } from './web-session.js';

export const PASSWORD = 'a long enough passphrase';

export const opportunityForm = (token: string, fields: Record<string, string | string[]> = {}) => ({
  _csrf: token,
  title: 'Warmer homes for private renters',
  problem: 'Many private rented homes in Derby are cold and damp; landlords do not know what works.',
  outcomesSought: 'Fewer cold homes; lower bills; measured by EPC band changes.',
  missionIds: 'clean-energy',
  'windowStart-day': '1',
  'windowStart-month': '9',
  'windowStart-year': '2027',
  'windowEnd-day': '31',
  'windowEnd-month': '3',
  'windowEnd-year': '2029',
  budgetMin: '250,000',
  budgetMax: '1000000.50',
  cpvCode: '45321000',
  region: 'UKF11',
  contactName: 'Alex Buyer',
  contactEmail: 'alex@derby.gov.uk',
  status: 'published',
  ...fields,
});

export interface OpportunityPages {
  sample: SampleApp;
  derby: number;
  etc: number;
  /** A form token for opportunity `id` made at time `ms`. */
  tokenAt(id: number, ms: number): Promise<string>;
  signedIn: ReturnType<typeof signInAs>;
  /** Publishes the form as Derby's editor (with `extra` fields appended) and returns the new opportunity's id. */
  publish(extra?: [string, string][]): Promise<number>;
  /** A signed-out visitor from one IP address on opportunity `oid`'s page, posting its interest form. */
  supplier(oid: number, ip: string): Promise<Supplier>;
  /** Valid interest fields for opportunity `oid`, with a token old enough to pass the minimum fill time. */
  interestFields(oid: number, fields?: Record<string, string>): Promise<Record<string, string>>;
  interestRows(): Promise<number>;
}

export interface Supplier {
  page: LightMyRequestResponse;
  jar: Record<string, string>;
  csrf: string;
  post(fields: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function opportunityPages(): Promise<OpportunityPages> {
  const sample = await createSampleApp();
  const derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
  const etc = await organisationIdByName(sample.t, 'The Education Training Collective');
  await addMembers(sample.t.db, PASSWORD, [
    ['editor@derby.gov.uk', 'editor', derby],
    ['viewer@derby.gov.uk', 'viewer', derby],
    ['editor@etc.ac.uk', 'editor', etc],
  ]);
  const services = () =>
    createServices({
      db: sample.t.db,
      config: loadConfig({}, { databaseUrl: sample.t.url }),
      log: createLogger('warn'),
    });
  const { accounts } = services();
  await accounts.createUser({ email: 'central@example.gov.uk', name: 'C', password: PASSWORD }, 'test');
  await accounts.grant({ email: 'central@example.gov.uk', role: 'central' }, 'test');
  const other = services();
  const tokenAt = (id: number, ms: number) => other.opportunities.formToken(id, ms);
  const signedIn = signInAs(sample.app, PASSWORD);

  async function publish(extra: [string, string][] = []): Promise<number> {
    const s = await signedIn('editor@derby.gov.uk');
    const body = new URLSearchParams(opportunityForm(await s.token('/')) as Record<string, string>);
    for (const [k, v] of extra) body.append(k, v);
    const ok = await sample.app.inject({
      method: 'POST',
      url: `/organisations/${derby}/opportunities`,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(s.jar) },
    });
    if (ok.statusCode !== 303) throw new Error(`publishing answered ${ok.statusCode}`);
    return Number(/\/opportunities\/(\d+)$/.exec(ok.headers.location as string)![1]);
  }

  async function supplier(oid: number, ip: string): Promise<Supplier> {
    const page = await sample.app.inject({ method: 'GET', url: `/opportunities/${oid}`, remoteAddress: ip });
    const jar = setCookies(page);
    const csrf = csrfOf(page.body)!;
    const post = (fields: Record<string, string>) =>
      sample.app.inject({
        method: 'POST',
        url: `/opportunities/${oid}/interest`,
        remoteAddress: ip,
        payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
      });
    return { page, jar, csrf, post };
  }

  const interestFields = async (oid: number, fields: Record<string, string> = {}) => ({
    formToken: await tokenAt(oid, Date.now() - MIN_FILL_MS - 1000),
    name: 'Sam Supplier',
    supplierOrganisation: 'Retrofit Co-operative Ltd',
    email: 'Sam@Retrofit.coop',
    companiesHouse: 'sc 12345',
    ppon: 'pjjx 1133 jrgv',
    sme: 'true',
    message: 'We retrofit older terraced houses.',
    ...fields,
  });

  const interestRows = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) n from opportunity_interest`.execute(sample.t.db)).rows[0]!.n,
    );

  return { sample, derby, etc, tokenAt, signedIn, publish, supplier, interestFields, interestRows };
}
