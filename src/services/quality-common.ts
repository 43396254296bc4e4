// What the quality services share: the as-of day (given, or today in the UK) and the organisation a scorecard or a
// check detail is for (unknown or merged → NOT_FOUND with the id to use instead).
import type { Kysely } from 'kysely';
import { isDay, type Day } from '../domain/rules/index.js';
import { AppError } from '../errors.js';
import type { Database } from '../store/database.js';
import { findOrganisationById } from '../store/organisation-read.repository.js';

export function dayOrToday(asOf: string | undefined, today: () => Day): Day {
  if (asOf === undefined) return today();
  if (!isDay(asOf)) throw new AppError('BAD_REQUEST', `asOf must be a day (YYYY-MM-DD), got "${asOf}"`);
  return asOf;
}

export async function organisationOrThrow(db: Kysely<Database>, id: number) {
  const org = await findOrganisationById(db, id);
  if (!org) throw new AppError('NOT_FOUND', `There is no organisation with the id ${id}`);
  if (org.merged_into !== null)
    throw new AppError(
      'NOT_FOUND',
      `Organisation ${id} was merged into organisation ${org.merged_into}: use that id`,
    );
  return org;
}
