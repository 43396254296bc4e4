// The mission dashboard's shares from summary sums (docs/mission-dashboard.md, "SME, VCSE and local share"). Pure.
// A share is yes ÷ known, by value; the value where the flag is not known is beside it, never inside "no".
import { share, type Share } from '../market/metrics.js';
import type { SummarySums } from './query.js';

export interface MissionShare extends Share {
  /** Mapped award value (pounds) where the flag is not known. */
  unknownValue: number;
}

export interface MissionFigures extends Pick<
  SummarySums,
  'key' | 'name' | 'awards' | 'contracts' | 'value' | 'noValueAwards'
> {
  sme: MissionShare;
  vcse: MissionShare;
  local: MissionShare;
}

const flag = (value: string, known: string, yes: string): MissionShare => ({
  ...share(Number(yes), Number(known)),
  unknownValue: Math.max(0, Number(value) - Number(known)),
});

export const figuresOf = (s: SummarySums): MissionFigures => ({
  key: s.key,
  name: s.name,
  awards: s.awards,
  contracts: s.contracts,
  value: s.value,
  noValueAwards: s.noValueAwards,
  sme: flag(s.value, s.smeKnown, s.smeYes),
  vcse: flag(s.value, s.vcseKnown, s.vcseYes),
  local: flag(s.value, s.localKnown, s.localYes),
});

/** Figures of nothing (a mission with no mapped award). */
export const emptyFigures = (key: string | null, name: string | null = null): MissionFigures =>
  figuresOf({
    key,
    name,
    awards: 0,
    contracts: 0,
    value: '0',
    noValueAwards: 0,
    smeKnown: '0',
    smeYes: '0',
    vcseKnown: '0',
    vcseYes: '0',
    localKnown: '0',
    localYes: '0',
  });
