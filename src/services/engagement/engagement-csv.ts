// A buyer's engagement exercises as CSV (docs/engagement.md): one row per exercise with its participation mix
// (counts per flag, "not known" apart, shares of the known answers). Participants' names are in the members' file
// only, as on the pages.
import { FORMAT_LABELS, PARTICIPANT_FLAGS, type EngagementFormat } from '../../domain/engagement.js';
import { csvSafe } from '../contracts/contracts-csv.js';
import { csvText } from '../pipeline/pipeline-export.js';
import type { ExerciseView } from './engagement.service.js';

export const ENGAGEMENT_CSV_COLUMNS = [
  'exercise_id',
  'entry_id',
  'entry',
  'buyer_id',
  'buyer',
  'purpose',
  'format',
  'start_date',
  'end_date',
  'participants',
  ...PARTICIPANT_FLAGS.flatMap((f) => [`${f}_yes`, `${f}_no`, `${f}_not_known`, `${f}_share`]),
  'tender_ocid',
  'summary',
  'requirement_changes',
  'participant_names',
  'version',
  'url',
] as const;

const share = (s: number | null) => (s === null ? '' : s.toFixed(4));

export function engagementCsv(exercises: readonly ExerciseView[], baseUrl: string): string {
  return csvText(
    ENGAGEMENT_CSV_COLUMNS,
    exercises.map((x) => [
      String(x.id),
      String(x.entryId),
      csvSafe(x.entryTitle),
      String(x.organisationId),
      csvSafe(x.organisationName),
      csvSafe(x.purpose),
      FORMAT_LABELS[x.format as EngagementFormat] ?? x.format,
      x.startDate ?? '',
      x.endDate ?? '',
      String(x.mix.participants),
      ...PARTICIPANT_FLAGS.flatMap((f) => {
        const m = x.mix[f];
        return [String(m.yes), String(m.no), String(m.unknown), share(m.share)];
      }),
      x.tenderOcid ?? '',
      csvSafe(x.summary),
      csvSafe(x.requirementChanges),
      csvSafe(x.participants.map((p) => p.name).join('; ')),
      String(x.version),
      `${baseUrl}/engagement/${x.id}`,
    ]),
  );
}
