// The market engagement API's schemas (docs/engagement.md): exercises as the public sees them (participants are
// empty for public readers; no editors' addresses), the participation mix, UK2 notices, and the write bodies.
import { Type, type TSchema } from 'typebox';
import { ENGAGEMENT_FORMATS, TRI_STATES } from '../../domain/engagement.js';
import { ENGAGEMENT_LIMITS } from '../../services/engagement/engagement-input.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'A UK calendar day (YYYY-MM-DD).' });
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Tri = Literals(TRI_STATES);

const FlagMix = Type.Object({
  yes: Type.Integer(),
  no: Type.Integer(),
  unknown: Type.Integer({ description: 'Not known: counted apart, never as a no.' }),
  share: Nullable(Type.Number({ description: 'yes / (yes + no); null when no answer is known.' })),
});

export const MixSchema = Type.Object(
  { participants: Type.Integer(), sme: FlagMix, vcse: FlagMix, local: FlagMix },
  { $id: 'ParticipationMix' },
);

const Participant = Type.Object({
  name: Type.String(),
  identifier: Nullable(Type.String()),
  sme: Tri,
  vcse: Tri,
  local: Tri,
});

export const ExerciseSchema = Type.Object(
  {
    id: Type.Integer(),
    entryId: Type.Integer(),
    entryTitle: Type.String(),
    organisationId: Type.Integer(),
    organisationName: Type.String(),
    purpose: Type.String(),
    startDate: Nullable(Day),
    endDate: Nullable(Day),
    format: Literals(ENGAGEMENT_FORMATS),
    questions: Nullable(Type.String()),
    participants: Type.Array(Participant, {
      description: 'Empty for public readers (they see the mix only).',
    }),
    summary: Nullable(Type.String()),
    requirementChanges: Nullable(Type.String()),
    tenderOcid: Nullable(Type.String()),
    mix: { $ref: 'ParticipationMix#' },
    version: Type.Integer({
      description: 'Send it back with a change: a save from an older version gets 409.',
    }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'EngagementExercise' },
);

const Notice = Type.Object({
  ocid: Type.String(),
  releaseId: Type.String(),
  date: Type.String({ format: 'date-time' }),
  title: Nullable(Type.String()),
  processTitle: Nullable(Type.String()),
  url: Nullable(Type.String()),
});

export const EntryEngagementSchema = Type.Object({
  entryId: Type.Integer(),
  exercises: Type.Array({ $ref: 'EngagementExercise#' }),
  mix: { $ref: 'ParticipationMix#' },
  rationale: Nullable(Type.String({ description: 'Why there was no engagement, when recorded.' })),
  rationaleVersion: Type.Integer({ description: '0 when no reason was ever saved.' }),
  notices: Type.Array(Notice, {
    description: 'The buyer’s UK2 notices in the data that may concern the entry.',
  }),
});

export const BuyerEngagementSchema = Type.Object({
  organisationId: Type.Integer(),
  exercises: Type.Array({ $ref: 'EngagementExercise#' }),
  mix: { $ref: 'ParticipationMix#' },
  notices: Type.Array(Notice),
});

const text = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

const exerciseFields = {
  purpose: Type.String({ maxLength: ENGAGEMENT_LIMITS.purpose }),
  startDate: Type.Optional(Nullable(Type.String())),
  endDate: Type.Optional(Nullable(Type.String())),
  format: Type.String(),
  questions: text(ENGAGEMENT_LIMITS.text),
  participants: Type.Optional(
    Type.Array(
      Type.Object({
        name: Type.String({ maxLength: ENGAGEMENT_LIMITS.name }),
        identifier: Type.Optional(Nullable(Type.String({ maxLength: ENGAGEMENT_LIMITS.identifier }))),
        sme: Type.Optional(Tri),
        vcse: Type.Optional(Tri),
        local: Type.Optional(Tri),
      }),
      { maxItems: ENGAGEMENT_LIMITS.participants },
    ),
  ),
  summary: text(ENGAGEMENT_LIMITS.text),
  requirementChanges: text(ENGAGEMENT_LIMITS.text),
  tenderOcid: Type.Optional(
    Nullable(Type.String({ description: 'A process of the same buyer in the data.' })),
  ),
};

export const ExerciseBody = Type.Object(exerciseFields, { additionalProperties: false });

export const ExerciseUpdateBody = Type.Object(
  {
    ...exerciseFields,
    version: Type.Integer({ minimum: 1, description: 'The version the change was made from.' }),
  },
  { additionalProperties: false },
);

export const RationaleBody = Type.Object(
  {
    rationale: Nullable(
      Type.String({ maxLength: ENGAGEMENT_LIMITS.text, description: 'Blank or null clears it.' }),
    ),
    version: Type.Integer({
      minimum: 0,
      description: 'The reason’s version you read; 0 when none was saved.',
    }),
  },
  { additionalProperties: false },
);

export const EntryParams = Type.Object({ entryId: Type.Integer({ minimum: 1 }) });
export const ExerciseParams = Type.Object({ exerciseId: Type.Integer({ minimum: 1 }) });
export const OrgParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
