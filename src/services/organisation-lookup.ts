// The organisation a scorecard or calendar is asked for: it must exist and not have been merged into another
// (then the caller is told which id to use).
import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { Database } from '../store/database.js';
import { findOrganisationById } from '../store/organisation-read.repository.js';

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
