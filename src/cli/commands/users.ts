// missionbuy users add|grant|disable|enable|list|history: local accounts and their roles (docs/accounts.md). A
// password is never an argument (argv is visible to every process on the machine): it is read from stdin with
// --password-stdin, or asked for twice without echo at a terminal.
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { createAccountsService, type UserSummary } from '../../services/accounts.service.js';
import { withDatabase } from '../run.js';
import { formatTable, organisationId } from './quality.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  // One trailing newline belongs to `echo`/the file, not to the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function ask(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(prompt, resolve);
      muted = true;
    });
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function password(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY)
    throw new AppError(
      'BAD_REQUEST',
      'give the password on stdin with --password-stdin (never as an argument)',
    );
  const first = await ask('Password (at least 12 characters): ');
  if ((await ask('Password again: ')) !== first)
    throw new AppError('BAD_REQUEST', 'the passwords do not match');
  return first;
}

const roleText = (u: UserSummary) =>
  u.roles
    .map((r) =>
      r.organisationId === null ? r.role : `${r.role} of ${r.organisationName} (${r.organisationId})`,
    )
    .join('; ') || '–';

const by = (v: string | undefined) => v ?? `cli:${userInfo().username}`;
const out = (json: boolean, value: unknown, text: string) =>
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description(
      'Local accounts and their roles: add the first admin with `users add` then `users grant --role admin`',
    );

  users
    .command('add')
    .description('Create a local account (the password from stdin or asked for at the terminal)')
    .requiredOption('--email <email>', 'sign-in email address')
    .requiredOption('--name <name>', 'full name')
    .option('--password-stdin', 'read the password from stdin (e.g. from a secrets manager)', false)
    .option('--by <who>', 'who is making the change (default: the system user name)')
    .option('--json', 'print JSON on stdout', false)
    .action(
      async (opts: { email: string; name: string; passwordStdin: boolean; by?: string; json: boolean }) => {
        const pw = await password(opts.passwordStdin);
        await withDatabase(async ({ handle }) => {
          const u = await createAccountsService({ db: handle.db }).createUser(
            { email: opts.email, name: opts.name, password: pw },
            by(opts.by),
          );
          out(
            opts.json,
            u,
            `Created user ${u.email} (${u.name}), id ${u.id}. Give them a role with \`missionbuy users grant\`.`,
          );
        });
      },
    );

  users
    .command('grant')
    .description(
      'Give a user a role: viewer, editor or accountable-officer of an organisation (--org), or central or admin',
    )
    .requiredOption('--email <email>', 'the user')
    .requiredOption('--role <role>', 'viewer, editor, accountable-officer, central or admin')
    .option('--org <id>', 'the organisation (for viewer, editor and accountable-officer)')
    .option('--by <who>', 'who is making the change (default: the system user name)')
    .option('--json', 'print JSON on stdout', false)
    .action(async (opts: { email: string; role: string; org?: string; by?: string; json: boolean }) => {
      const org = organisationId(opts.org);
      await withDatabase(async ({ handle }) => {
        const u = await createAccountsService({ db: handle.db }).grant(
          { email: opts.email, role: opts.role, ...(org === undefined ? {} : { organisationId: org }) },
          by(opts.by),
        );
        out(opts.json, u, `${u.email}: ${roleText(u)}`);
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(name)
      .description(
        disabled ? 'Stop a user signing in (and end their sessions)' : 'Let a disabled user sign in again',
      )
      .requiredOption('--email <email>', 'the user')
      .option('--by <who>', 'who is making the change (default: the system user name)')
      .action(async (opts: { email: string; by?: string }) => {
        await withDatabase(async ({ handle }) => {
          const u = await createAccountsService({ db: handle.db }).setDisabled(
            opts.email,
            disabled,
            by(opts.by),
          );
          process.stdout.write(`${u.email} ${u.disabled ? 'disabled' : 'enabled'}\n`);
        });
      });
  }

  users
    .command('list')
    .description('Every user with their roles')
    .option('--json', 'print JSON on stdout', false)
    .action(async (opts: { json: boolean }) => {
      await withDatabase(async ({ handle }) => {
        const list = await createAccountsService({ db: handle.db }).list();
        const rows = list.map((u) => [u.email, u.name, u.disabled ? 'disabled' : 'active', roleText(u)]);
        out(
          opts.json,
          list,
          list.length === 0
            ? 'No users yet: create the first with `missionbuy users add`.'
            : formatTable(['email', 'name', 'status', 'roles'], rows),
        );
      });
    });

  users
    .command('history')
    .description('A user’s audit trail, newest first: who changed what, when, before and after')
    .requiredOption('--email <email>', 'the user')
    .option('--json', 'print JSON on stdout', false)
    .action(async (opts: { email: string; json: boolean }) => {
      await withDatabase(async ({ handle }) => {
        const h = await createAccountsService({ db: handle.db }).history(opts.email);
        const rows = h.map((a) => [
          a.at.toISOString(),
          a.actor,
          a.action,
          JSON.stringify(a.before),
          JSON.stringify(a.after),
        ]);
        out(opts.json, h, formatTable(['at', 'by', 'action', 'before', 'after'], rows));
      });
    });
}
