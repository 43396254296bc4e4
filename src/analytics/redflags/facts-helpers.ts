// Small readings of the quality facts the red flags share: which procedures are competitive, which awards are
// uncompeted, which money figure to compare, and the day a judgement is dated by. Pure.
import { ukDay, type Day } from '../../domain/rules/index.js';
import type { Money, RecordFacts } from '../quality/facts.js';

/** `tender.procurementMethod` values that mean a competition (OCDS method codelist). */
export const COMPETITIVE_METHODS: readonly string[] = ['open', 'selective'];
/** Values that mean no competition: OCDS `limited` and the FTS/CF `direct`. */
export const UNCOMPETED_METHODS: readonly string[] = ['limited', 'direct'];

export const isUncompeted = (facts: RecordFacts) =>
  facts.tender.method !== null && UNCOMPETED_METHODS.includes(facts.tender.method);

/** Awards that stand (not cancelled or unsuccessful). */
export const standingAwards = (facts: RecordFacts) =>
  facts.awards.filter((a) => a.status === null || a.status === 'active' || a.status === 'pending');

/** The figure two amounts can be compared on: both gross (VAT included), else both net; null otherwise. */
export function comparable(a: Money, b: Money): { a: string; b: string; basis: string } | null {
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) return null;
  if (a.gross !== null && b.gross !== null) return { a: a.gross, b: b.gross, basis: 'VAT included' };
  if (a.amount !== null && b.amount !== null) return { a: a.amount, b: b.amount, basis: 'net of VAT' };
  return null;
}

/** An award's figure to set against VAT-inclusive thresholds: gross when published, else net (said so). */
export function thresholdFigure(value: Money): { amount: string; basis: string } | null {
  if (value.currency !== null && value.currency !== 'GBP') return null;
  if (value.gross !== null) return { amount: value.gross, basis: 'VAT included' };
  if (value.amount !== null) return { amount: value.amount, basis: 'net of VAT (gross not published)' };
  return null;
}

/** The day the record's rules are read for: its first notice, else its last update. */
export const recordDay = (facts: RecordFacts): Day | null =>
  ukDay(facts.firstPublished) ?? ukDay(facts.lastUpdated);
