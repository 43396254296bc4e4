// The participation mix (docs/engagement.md): counts per flag with "not known" kept apart, and the share of known
// answers, against figures counted by hand; no share when nobody's answer is known.
import { describe, expect, it } from 'vitest';
import { participationMix, type Participant } from '../../src/domain/engagement.js';

const p = (sme: Participant['sme'], vcse: Participant['vcse'], local: Participant['local']): Participant => ({
  name: `${sme}-${vcse}-${local}`,
  identifier: null,
  sme,
  vcse,
  local,
});

describe('participationMix', () => {
  it('counts yes, no and not known, and shares yes among the known answers', () => {
    // SME: yes, yes, no, unknown → 2/3; VCSE: no ×3, yes → 1/4; local: unknown ×4 → no share.
    const mix = participationMix([
      p('yes', 'no', 'unknown'),
      p('yes', 'no', 'unknown'),
      p('no', 'no', 'unknown'),
      p('unknown', 'yes', 'unknown'),
    ]);
    expect(mix).toEqual({
      participants: 4,
      sme: { yes: 2, no: 1, unknown: 1, share: 2 / 3 },
      vcse: { yes: 1, no: 3, unknown: 0, share: 0.25 },
      local: { yes: 0, no: 0, unknown: 4, share: null },
    });
  });

  it('is empty for nobody', () => {
    const none = { yes: 0, no: 0, unknown: 0, share: null };
    expect(participationMix([])).toEqual({ participants: 0, sme: none, vcse: none, local: none });
  });
});
