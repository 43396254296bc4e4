// The standards catalogue and mission mapping API schemas (docs/missions.md, docs/api.md): one definition validates
// the query, shapes the response and documents it in the OpenAPI.
import { Type, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();

export const ScopeQuerySchema = Type.Object(
  {
    region: Type.Optional(
      Type.String({ maxLength: 3, description: 'ITL1 region code (UKC … UKN; TL… accepted).' }),
    ),
    org: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Buyer organisation id: its effective standard.' }),
    ),
  },
  { additionalProperties: false },
);

const Provenance = Type.Object({
  tier: Type.Union([Type.Literal('national'), Type.Literal('regional'), Type.Literal('local')]),
  scope: Type.String({ description: 'national, region:UKC or org:441' }),
});
const ResolvedNumber = Nullable(Type.Object({ value: Type.Number(), from: Provenance }));
const ResolvedPriority = Nullable(Type.Object({ value: Str, from: Provenance }));

const Scope = Type.Object({
  kind: Type.Union([Type.Literal('national'), Type.Literal('region'), Type.Literal('organisation')]),
  scopes: Type.Array(Str),
  region: Nullable(Type.Object({ code: Str, name: Str })),
  organisation: Nullable(Type.Object({ id: Type.Integer(), name: Str })),
  editScope: Nullable(Str),
});

const Metric = Type.Object({
  id: Str,
  outcomeId: Str,
  name: Str,
  unit: Str,
  direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
  definition: Str,
  evidence: Str,
  officialCode: Nullable(Str),
  source: Str,
  status: Str,
  provenance: Provenance,
});

const AwardCriterion = Type.Object({
  id: Str,
  outcomeId: Str,
  officialCode: Nullable(Str),
  wording: Str,
  wordingComplete: Type.Boolean({ description: 'False when the source cuts the wording short.' }),
  source: Str,
});

const Outcome = Type.Object({
  id: Str,
  missionId: Str,
  name: Str,
  definition: Str,
  officialCode: Nullable(Str),
  criteria: Type.Array(AwardCriterion, {
    description: 'PPN 002 model award criteria (MACs) of the outcome.',
  }),
  source: Str,
  status: Str,
  provenance: Provenance,
  priority: ResolvedPriority,
  minWeightPercent: ResolvedNumber,
  metrics: Type.Array(Metric),
});

export const EffectiveStandardSchema = Type.Object({
  scope: Scope,
  standard: Type.Object({
    standard: Type.Object({ id: Str, name: Str, validFrom: Str, source: Str }),
    scopes: Type.Array(Str),
    socialValueMinWeightPercent: ResolvedNumber,
    missions: Type.Array(
      Type.Object({
        id: Str,
        name: Str,
        source: Str,
        provenance: Provenance,
        priority: ResolvedPriority,
        minWeightPercent: ResolvedNumber,
        outcomes: Type.Array(Outcome),
      }),
    ),
    conflicts: Type.Array(Type.Object({ rule: Str, scope: Str, itemId: Str, message: Str })),
    notes: Type.Array(Str),
  }),
});

const Rule = Type.Object({
  tier: Type.Union([Type.Literal('default'), Type.Literal('region'), Type.Literal('buyer')]),
  scope: Str,
  prefix: Type.String({ description: 'CPV code without trailing zeros (45, 7971, 09323).' }),
  primary: Nullable(Str),
  secondary: Type.Array(Str),
  note: Type.String({ description: 'What the prefix covers (default) or the reason given (overrides).' }),
});

export const MappingSchema = Type.Object({
  scope: Scope,
  rows: Type.Array(
    Type.Object({
      prefix: Str,
      byTier: Type.Object({
        default: Type.Optional(Rule),
        region: Type.Optional(Rule),
        buyer: Type.Optional(Rule),
      }),
      effective: Rule,
    }),
  ),
});

export const CpvParamsSchema = Type.Object({ code: Type.String({ pattern: '^[0-9]{8}(-[0-9])?$' }) });
export const CpvRuleSchema = Type.Object({ code: Str, rule: Nullable(Rule) });

const tagProperties = {
  missionId: Str,
  role: Type.Union([Type.Literal('primary'), Type.Literal('secondary')]),
  provenance: Type.Union([
    Type.Literal('default'),
    Type.Literal('region'),
    Type.Literal('buyer'),
    Type.Literal('contract'),
  ]),
  rules: Type.Array(Type.Object({ tier: Str, scope: Str, prefix: Str, codes: Type.Array(Str) })),
  reason: Nullable(Str),
};
const Tag = Type.Object(tagProperties);

export const ContractMissionsSchema = Type.Object({
  ocid: Str,
  title: Nullable(Str),
  buyer: Nullable(Type.Object({ id: Type.Integer(), name: Nullable(Str) })),
  region: Nullable(Str),
  cpv: Type.Object({ main: Nullable(Str), codes: Type.Array(Str) }),
  tags: Type.Array(Tag),
  removed: Type.Array(Type.Object({ ...tagProperties, removedBecause: Str })),
  unmapped: Type.Array(Str),
  overrides: Type.Array(
    Type.Object({ missionId: Str, action: Str, reason: Str, by: Str, at: Str, version: Type.Integer() }),
  ),
});
