// `missionbuy users` as an operator runs it (the built CLI in a child process): the first admin created with the
// password on stdin, roles granted in a sample organisation, the list, the audit trail, and one-line failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { runCli } from '../support/cli.js';
import { createSampleDb, type TestDb } from '../support/db.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';

describe('missionbuy users', () => {
  let t: TestDb;
  let env: Record<string, string>;
  let derby: number;
  beforeAll(async () => {
    t = await createSampleDb();
    derby = await organisationIdByName(t, 'DERBY CITY COUNCIL');
    env = { DATABASE_URL: t.url };
  }, 180_000);
  afterAll(() => t.drop());

  it('adds the first admin with the password from stdin, who can then sign in', async () => {
    const add = await runCli(
      [
        'users',
        'add',
        '--email',
        'Root@Example.gov.uk',
        '--name',
        'Root User',
        '--password-stdin',
        '--by',
        'ops',
      ],
      env,
      `${PASSWORD}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^Created user root@example\.gov\.uk \(Root User\), id \d+\./);
    const grant = await runCli(['users', 'grant', '--email', 'root@example.gov.uk', '--role', 'admin'], env);
    expect(grant.code).toBe(0);
    expect(grant.stdout).toBe('root@example.gov.uk: admin\n');
    const actor = await createAccountsService({ db: t.db }).authenticate('root@example.gov.uk', PASSWORD);
    expect(actor.serviceRole).toBe('admin');
  });

  it('grants an organisation role and lists users with their roles', async () => {
    await runCli(
      ['users', 'add', '--email', 'ed@derby.gov.uk', '--name', 'Ed', '--password-stdin'],
      env,
      PASSWORD,
    );
    const grant = await runCli(
      ['users', 'grant', '--email', 'ed@derby.gov.uk', '--org', String(derby), '--role', 'editor'],
      env,
    );
    expect(grant.stdout).toBe(`ed@derby.gov.uk: editor of DERBY CITY COUNCIL (${derby})\n`);
    const list = await runCli(['users', 'list'], env);
    expect(list.stdout.split('\n').slice(0, 3)).toEqual([
      'email                name       status  roles',
      `ed@derby.gov.uk      Ed         active  editor of DERBY CITY COUNCIL (${derby})`,
      'root@example.gov.uk  Root User  active  admin',
    ]);
    const json = JSON.parse((await runCli(['users', 'list', '--json'], env)).stdout) as { email: string }[];
    expect(json.map((u) => u.email)).toEqual(['ed@derby.gov.uk', 'root@example.gov.uk']);
    expect(JSON.stringify(json)).not.toMatch(/argon2|password/i);
  });

  it('shows a user’s audit trail', async () => {
    const h = JSON.parse(
      (await runCli(['users', 'history', '--email', 'root@example.gov.uk', '--json'], env)).stdout,
    );
    expect(h.map((a: { action: string; actor: string }) => `${a.action} by ${a.actor}`)).toEqual([
      expect.stringMatching(/^grant by cli:/),
      'create by ops',
    ]);
  });

  it('fails in one line with an exit code, and never takes a password from anywhere but stdin', async () => {
    const noStdin = await runCli(['users', 'add', '--email', 'x@derby.gov.uk', '--name', 'X'], env);
    expect(noStdin.code).toBe(64);
    expect(noStdin.stderr).toBe(
      'missionbuy: give the password on stdin with --password-stdin (never as an argument)\n',
    );
    const weak = await runCli(
      ['users', 'add', '--email', 'x@derby.gov.uk', '--name', 'X', '--password-stdin'],
      env,
      'short',
    );
    expect(weak.code).toBe(64);
    expect(weak.stderr).toBe('missionbuy: password: at least 12 characters (got 5)\n');
    const dup = await runCli(
      ['users', 'add', '--email', 'ED@derby.gov.uk', '--name', 'X', '--password-stdin'],
      env,
      PASSWORD,
    );
    expect(dup.code).toBe(75);
    const role = await runCli(['users', 'grant', '--email', 'ed@derby.gov.uk', '--role', 'editor'], env);
    expect(role.stderr).toBe('missionbuy: editor is held in an organisation: give the organisation id\n');
    const who = await runCli(['users', 'grant', '--email', 'nobody@derby.gov.uk', '--role', 'admin'], env);
    expect(who.code).toBe(66);
  });
});
