// Changing an organisation's accountable officer as a signed-in user (the first web form behind authorisation):
// allowed to that organisation's accountable officer and to admins (authz.ts, action officer.set), written
// through the quality service's setOfficer, which audits the change.
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { Officer } from '../store/officer.repository.js';
import { listAudit, type AuditRecord } from '../store/audit.repository.js';
import { OFFICER_ENTITY } from '../store/officer.repository.js';
import { assertCan, can, type Actor } from './authz.js';
import { organisationOrThrow } from './quality-common.js';
import type { OfficerInputRaw } from './quality-input.js';
import type { QualityService } from './quality.service.js';

export interface OfficerForm {
  organisation: { id: number; name: string };
  officer: Officer | null;
  history: AuditRecord[];
}

export function createOfficerEditService({ db, quality }: { db: Kysely<Database>; quality: QualityService }) {
  return {
    /** Whether the actor may change this organisation's officer (for showing a "Change" link). */
    mayEdit: (actor: Actor | null, organisationId: number): boolean =>
      can(actor, 'officer.set', { organisationId }),

    /** The current officer and the change history, for the edit form. */
    async form(actor: Actor | null, organisationId: number): Promise<OfficerForm> {
      assertCan(actor, 'officer.set', { organisationId });
      const org = await organisationOrThrow(db, organisationId);
      return {
        organisation: { id: org.id, name: org.name },
        officer: await quality.officer(organisationId),
        history: await listAudit(db, OFFICER_ENTITY, String(organisationId)),
      };
    },

    async set(actor: Actor | null, organisationId: number, input: OfficerInputRaw): Promise<Officer> {
      assertCan(actor, 'officer.set', { organisationId });
      return quality.setOfficer(organisationId, input, actor.email);
    },
  };
}

export type OfficerEditService = ReturnType<typeof createOfficerEditService>;
