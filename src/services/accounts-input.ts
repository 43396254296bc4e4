// Checks for account input: email addresses, names, passwords (NCSC guidance: length, not composition rules)
// and roles. Problems are gathered and reported together as one BAD_REQUEST.
import { AppError } from '../errors.js';
import { ROLES, SERVICE_ROLES, type Role } from './authz.js';
import { EMAIL } from './quality-input.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const NAME_MAX = 200;
export const EMAIL_MAX = 254;

export function parseEmail(raw: string | undefined): string {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '') throw new AppError('BAD_REQUEST', 'email: is required');
  if (v.length > EMAIL_MAX || !EMAIL.test(v))
    throw new AppError('BAD_REQUEST', `email: "${v.slice(0, EMAIL_MAX)}" is not an email address`);
  return v;
}

export interface NewUserInput {
  email?: string;
  name?: string;
  password?: string;
}

export function parseNewUser(input: NewUserInput): { email: string; name: string; password: string } {
  const problems: string[] = [];
  let email = '';
  try {
    email = parseEmail(input.email);
  } catch (e) {
    problems.push((e as Error).message);
  }
  const name = (input.name ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') problems.push('name: is required');
  else if (name.length > NAME_MAX) problems.push(`name: at most ${NAME_MAX} characters (got ${name.length})`);
  const password = input.password ?? '';
  problems.push(...passwordProblems(password, email));
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problems.join('; '));
  return { email, name, password };
}

export function passwordProblems(password: string, email: string): string[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return [`password: at least ${PASSWORD_MIN} characters (got ${length})`];
  if (length > PASSWORD_MAX) return [`password: at most ${PASSWORD_MAX} characters`];
  if (new Set(password).size < 4) return ['password: too repetitive; use a passphrase of several words'];
  if (email !== '' && password.toLowerCase().includes(email.split('@')[0]!))
    return ['password: must not contain the email address'];
  return [];
}

export function parseRole(raw: string | undefined): Role {
  const v = (raw ?? '').trim();
  if (!(ROLES as readonly string[]).includes(v))
    throw new AppError('BAD_REQUEST', `role: must be one of ${ROLES.join(', ')} (got "${v}")`);
  return v as Role;
}

/** A role and where it is held: organisation roles need an organisation, central and admin must not have one. */
export function parseGrant(
  role: Role,
  organisationId: number | undefined,
): { role: Role; organisationId: number | null } {
  const service = (SERVICE_ROLES as readonly Role[]).includes(role);
  if (service && organisationId !== undefined)
    throw new AppError('BAD_REQUEST', `${role} is a service-wide role: give it without an organisation`);
  if (!service && organisationId === undefined)
    throw new AppError('BAD_REQUEST', `${role} is held in an organisation: give the organisation id`);
  return { role, organisationId: organisationId ?? null };
}
