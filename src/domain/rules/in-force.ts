// rulesInForce(day): the version of every rule in force on one UK calendar day. Checks ask for the rules of the day
// that matters for a record (design.md §5: "a contract is judged by the rules in force on its dates").
import { RULES, type RuleCatalogue, type RuleId, type RuleValues } from './catalogue.js';
import { isDay, ukDay } from './calendar.js';
import { versionOn, type Day, type RuleVersion } from './rule.js';

export interface RulesInForce {
  day: Day;
  /** The value in force on `day`, or null when the rule did not apply then (e.g. before the Act). */
  value<K extends RuleId>(id: K): RuleValues[K] | null;
  /** The version in force, with its source and whether it is a configurable default. */
  version<K extends RuleId>(id: K): RuleVersion<RuleValues[K]> | null;
}

/** Rules for any day: the catalogue, or a replacement (tests, an organisation's configured defaults). */
export type RulesOn = (day: Day) => RulesInForce;

/** The rules in force on a day (`YYYY-MM-DD`, or an instant, read as its UK calendar day). */
export function rulesInForce(date: string, catalogue: RuleCatalogue = RULES): RulesInForce {
  const day = ukDay(date);
  if (day === null || !isDay(day)) throw new Error(`rulesInForce: ${date} is not a date`);
  const version = <K extends RuleId>(id: K): RuleVersion<RuleValues[K]> | null =>
    versionOn(catalogue[id] as RuleCatalogue[K], day) as RuleVersion<RuleValues[K]> | null;
  return {
    day,
    version,
    value: (id) => version(id)?.value ?? null,
  };
}

/** A RulesOn over a catalogue, memoised per day (checks ask for the same few days many times). */
export function rulesOn(catalogue: RuleCatalogue = RULES): RulesOn {
  const cache = new Map<Day, RulesInForce>();
  return (day) => {
    let r = cache.get(day);
    if (!r) {
      r = rulesInForce(day, catalogue);
      cache.set(day, r);
    }
    return r;
  };
}
