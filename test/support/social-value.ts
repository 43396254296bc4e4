// Social value test setup shared by the service, web and browser tests: Yorkshire and the Humber's regional
// "apprenticeship weeks" metric (unit weeks, under PPN 002 outcome 2), added by the central team through the
// standards service as a user would; and the error a promise ends with, as one comparable line.
import type { Kysely } from 'kysely';
import { isAppError } from '../../src/errors.js';
import { isInputProblems } from '../../src/services/missions/standards-input.js';
import { createStandardsService } from '../../src/services/missions/standards.service.js';
import type { Database } from '../../src/store/database.js';
import { centralActor } from './actors.js';

export const APPRENTICESHIP_WEEKS = 'region.UKE.apprenticeship-weeks';

export async function addApprenticeshipWeeks(db: Kysely<Database>): Promise<void> {
  await createStandardsService({ db }).addItem(centralActor, { region: 'UKE' }, 'metric', {
    parentId: 'ppn002.o2.skills-for-growth',
    slug: 'apprenticeship-weeks',
    name: 'Apprenticeship weeks',
    definition: 'Weeks of apprenticeship delivered on the contract',
    unit: 'weeks',
    direction: 'higher',
    evidence: 'Apprentice timesheets',
  });
}

/** `allowed`, `BAD_REQUEST field: message; …`, or `CODE message`. */
export async function outcomeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'allowed';
  } catch (e) {
    if (isInputProblems(e))
      return `BAD_REQUEST ${e.problems.map((x) => `${x.field}: ${x.message}`).join('; ')}`;
    return isAppError(e) ? `${e.code} ${e.message}` : String(e);
  }
}
