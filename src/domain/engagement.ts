// Preliminary market engagement (Procurement Act 2023 s.16–17, UK2 notice; domain.md §2; docs/engagement.md): the
// exercise formats, the yes / no / not known answers kept for each participant's SME, VCSE and local flags, and the
// participation mix (counts and shares per flag, with "not known" kept apart so it never counts as a no). Pure.

export const ENGAGEMENT_FORMATS = [
  'event',
  'questionnaire',
  'one-to-one',
  'supplier-day',
  'online',
  'other',
] as const;
export type EngagementFormat = (typeof ENGAGEMENT_FORMATS)[number];

export const FORMAT_LABELS: Record<EngagementFormat, string> = {
  event: 'Event',
  questionnaire: 'Questionnaire or request for information',
  'one-to-one': 'One-to-one meetings',
  'supplier-day': 'Supplier day',
  online: 'Online session',
  other: 'Other',
};

export const TRI_STATES = ['yes', 'no', 'unknown'] as const;
export type TriState = (typeof TRI_STATES)[number];
export const TRI_LABELS: Record<TriState, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };

export const PARTICIPANT_FLAGS = ['sme', 'vcse', 'local'] as const;
export type ParticipantFlag = (typeof PARTICIPANT_FLAGS)[number];
export const FLAG_LABELS: Record<ParticipantFlag, string> = { sme: 'SME', vcse: 'VCSE', local: 'Local' };

export interface Participant {
  name: string;
  identifier: string | null;
  sme: TriState;
  vcse: TriState;
  local: TriState;
}

/** One flag's figures: share = yes / (yes + no), null when nobody's answer is known. */
export interface FlagMix {
  yes: number;
  no: number;
  unknown: number;
  share: number | null;
}

export interface ParticipationMix {
  participants: number;
  sme: FlagMix;
  vcse: FlagMix;
  local: FlagMix;
}

function flagMix(participants: readonly Participant[], flag: ParticipantFlag): FlagMix {
  const n = (s: TriState) => participants.filter((p) => p[flag] === s).length;
  const yes = n('yes');
  const no = n('no');
  return { yes, no, unknown: n('unknown'), share: yes + no === 0 ? null : yes / (yes + no) };
}

/**
 * The participation mix of a set of participants (one exercise, or every exercise of a buyer: a participant in
 * two exercises counts twice, as two takings-part).
 */
export function participationMix(participants: readonly Participant[]): ParticipationMix {
  return {
    participants: participants.length,
    sme: flagMix(participants, 'sme'),
    vcse: flagMix(participants, 'vcse'),
    local: flagMix(participants, 'local'),
  };
}

/**
 * The CPV digits a later tender must share with the pipeline entry to be offered as its tender: the class (4
 * digits) [?]. A typed ocid is checked only for existence and buyer, not for its CPV.
 */
export const CANDIDATE_CPV_DIGITS = 4;
