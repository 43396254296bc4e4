// Checking what a supplier sends when registering interest: the fields (name, organisation, email, optional
// Companies House number and PPON, SME / VCSE flags, a message of at most 2,000 characters) and the two spam
// checks, the honeypot field (hidden from people, so anything in it came from a program) and the signed form token
// (form-token.ts: made by this service, not too fresh, not too old).
import { INTEREST_LIMITS } from '../../domain/opportunity.js';
import { normaliseCompanyNumber, normalisePpon } from '../../domain/org-id.js';
import { AppError } from '../../errors.js';
import type { InterestFields } from '../../store/opportunity.repository.js';
import { EMAIL } from '../quality-input.js';
import { boundedText, flag, text, type FieldProblem } from '../shared/field-input.js';
import type { TokenCheck } from './form-token.js';
import { problemsMessage } from './opportunity-input.js';

export const INTEREST_INPUT_FIELDS = [
  'name',
  'supplierOrganisation',
  'email',
  'companiesHouse',
  'ppon',
  'sme',
  'vcse',
  'message',
] as const;
export type InterestInputField = (typeof INTEREST_INPUT_FIELDS)[number];
/** The honeypot's form name: a field people never see. */
export const HONEYPOT_FIELD = 'website';
export type InterestInputRaw = Partial<
  Record<InterestInputField | typeof HONEYPOT_FIELD | 'formToken', unknown>
>;

/** The field a spam check's problem is shown against (the form as a whole). */
export const FORM_PROBLEM = 'form';

const SPAM_MESSAGES: Record<Exclude<TokenCheck, 'ok'>, string> = {
  missing: 'This form could not be accepted. Reload the page and send it again',
  invalid: 'This form could not be accepted. Reload the page and send it again',
  expired: 'This form has expired. Reload the page and send it again (your answers are kept below)',
  'too-fast': 'This form was sent too quickly. Check your answers, wait a few seconds and send it again',
};

/**
 * The supplier's fields, or BAD_REQUEST listing every problem. Spam checks come first: a filled honeypot or a bad
 * token is the only problem reported (nothing is said about the other fields to a program).
 */
export function parseInterestInput(raw: InterestInputRaw, token: TokenCheck): InterestFields {
  if (text(raw[HONEYPOT_FIELD]) !== '')
    throw new AppError('BAD_REQUEST', `${FORM_PROBLEM}: ${SPAM_MESSAGES.invalid}`);
  if (token !== 'ok') throw new AppError('BAD_REQUEST', `${FORM_PROBLEM}: ${SPAM_MESSAGES[token]}`);
  const problems: FieldProblem<InterestInputField>[] = [];
  const L = INTEREST_LIMITS;
  const name = boundedText(raw.name, 'name', L.name, problems, true) ?? '';
  const supplierOrganisation =
    boundedText(raw.supplierOrganisation, 'supplierOrganisation', L.organisation, problems, true) ?? '';
  const email = text(raw.email).toLowerCase();
  if (email === '') problems.push({ field: 'email', message: 'is required' });
  else if (email.length > 254 || !EMAIL.test(email))
    problems.push({ field: 'email', message: 'must be an email address, like name@example.co.uk' });
  let companiesHouse: string | null = null;
  if (text(raw.companiesHouse) !== '') {
    companiesHouse = normaliseCompanyNumber(text(raw.companiesHouse));
    if (companiesHouse === null)
      problems.push({
        field: 'companiesHouse',
        message: 'must be a Companies House number, like 09121572 or SC123456',
      });
  }
  let ppon: string | null = null;
  if (text(raw.ppon) !== '') {
    ppon = normalisePpon(text(raw.ppon));
    if (ppon === null) problems.push({ field: 'ppon', message: 'must be a PPON, like PJJX-1133-JRGV' });
  }
  const message = boundedText(raw.message, 'message', L.message, problems);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problemsMessage(problems));
  return {
    name,
    supplierOrganisation,
    email,
    companiesHouse,
    ppon,
    sme: flag(raw.sme),
    vcse: flag(raw.vcse),
    message,
  };
}
