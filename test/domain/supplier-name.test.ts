// The supplier-name normaliser as pure functions, on names and numbers as real files publish them (Salford's
// contract register 2022-07 and spend files, Calderdale, Manchester and Newcastle spend: test/fixtures/uk-more).
import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../../src/domain/org-id.js';
import { normaliseOrgName } from '../../src/domain/org-name.js';
import {
  identifiersFromCharityColumn,
  identifiersFromCompanyColumn,
  isPlaceholderName,
  namesAgree,
  supplierNameKeys,
} from '../../src/domain/supplier-name.js';

describe('normaliseOrgName: one matching form for the spellings of one supplier', () => {
  it.each([
    // register spelling, spend spelling (Salford): legal suffixes, case, punctuation, '&'/'and', whitespace
    ['Whistl UK Limited', 'Whistl Uk Ltd', 'whistl uk'],
    ['Softcat PLC', 'Softcat Limited', 'softcat'],
    ['Schofield & Sons Ltd', 'Schofield and Sons Ltd', 'schofield and sons'],
    ['S&W TLP (Project Co One) Ltd', 'S & W Tlp (Project Co One) Ltd', 's and w tlp project co one'],
    ['PSI Resources Ltd', 'Psi (Resources) Limited', 'psi resources'],
    ['A Venning Ltd', 'A  Venning Ltd', 'a venning'],
    ['Knight Frank LLP', 'Knight Frank Llp', 'knight frank'],
    ['H.Jenkinson & Company Ltd', 'H Jenkinson & Company Ltd', 'h jenkinson'],
    ['The Exclusec Group Ltd', 'Exclusec Group Ltd', 'exclusec group'],
  ])('%s ≡ %s → %s', (a, b, form) => {
    expect(normaliseOrgName(a)).toBe(form);
    expect(normaliseOrgName(b)).toBe(form);
  });

  it('keeps different suppliers apart', () => {
    expect(normaliseOrgName('Salford Foundation Limited')).not.toBe(
      normaliseOrgName('Salford Foundation Trust'),
    );
    expect(normaliseOrgName('Civica UK Ltd')).not.toBe(normaliseOrgName('Civica Election Services Ltd'));
  });
});

describe('supplierNameKeys: trading-as splits', () => {
  it('reads the legal name before t/a and the trading name after it (a Contracts Finder supplier)', () => {
    expect(supplierNameKeys('Zurich Insurance Company t/a Zurich Municipal')).toEqual({
      legal: 'zurich insurance',
      trading: 'zurich municipal',
    });
    expect(supplierNameKeys('DENNIS EAGLE LIMITED (t/a Terberg Matec UK)')).toEqual({
      legal: 'dennis eagle',
      trading: 'terberg matec uk',
    });
    expect(supplierNameKeys('Aecom Ltd')).toEqual({ legal: 'aecom', trading: null });
  });
});

describe('isPlaceholderName: payees that stand for nobody in particular', () => {
  // Spellings from Manchester, Newcastle and Calderdale spend files.
  it.each([
    'Redacted',
    'Redacted Data',
    'Redacted - Personal Data',
    'Redacted Personal Information',
    'Petty Cash',
  ])('%s is a placeholder', (name) => expect(isPlaceholderName(name)).toBe(true));
  it.each(['Redactive Publishing Ltd', 'REDACTIVE PUBLISHING LTD', 'Mind In Salford', 'Allpay Ltd'])(
    '%s is a supplier',
    (name) => expect(isPlaceholderName(name)).toBe(false),
  );
});

describe('identifiers from a register company-number column (Salford 2022-07)', () => {
  it.each([
    ['2535986', ['GB-COH-02535986']], // leading zero dropped by the publisher
    ['147366', ['GB-COH-00147366']],
    ['SC221428', ['GB-COH-SC221428']], // Scottish company (Reactec Ltd)
    ['OC306911', ['GB-COH-OC306911']], // LLP (AECOM)
    ['IP15210R', ['GB-COH-IP15210R']], // society (Salvation Army)
    ['CHA1165823', ['GB-CHC-1165823']], // a charity number in the company column (Special Spirits)
    ['GBML5175465', []], // not a Companies House number
    ['N/A', []],
    ['0', []],
  ])('%s → %j', (raw, keys) => {
    expect(identifiersFromCompanyColumn(raw).map((i) => `${i.scheme}-${i.id}`)).toEqual(keys);
  });
  it('reads charity columns (Calderdale) as England and Wales or OSCR numbers', () => {
    expect(identifiersFromCharityColumn('1096378')).toEqual([{ scheme: 'GB-CHC', id: '1096378' }]);
    expect(identifiersFromCharityColumn('SC012345')).toEqual([{ scheme: 'GB-SC', id: 'SC012345' }]);
    expect(identifiersFromCharityColumn('')).toEqual([]);
  });
  it('normalises Companies House numbers with NI and SC prefixes and short forms alike', () => {
    expect(normaliseIdentifier('GB-COH', 'ni 12345')).toEqual({ scheme: 'GB-COH', id: 'NI012345' });
    expect(normaliseIdentifier('GB-COH', 'sc-221428')).toEqual({ scheme: 'GB-COH', id: 'SC221428' });
    expect(normaliseIdentifier('GB-COH', '01800000')).toEqual(normaliseIdentifier('GB-COH', '1800000'));
  });
});

describe('namesAgree: whether a typed number can be trusted beside a name', () => {
  it('agrees on equal names, contained names and mostly shared words', () => {
    expect(namesAgree('bloom procurement services', 'ecus via bloom procurement services')).toBe(true);
    expect(namesAgree('flowbird smart city uk', 'flowbird transport')).toBe(true); // a rename keeps the first word
    expect(namesAgree('phoenix software', 'phoenix software')).toBe(true);
    expect(namesAgree('salford royal nhs foundation trust', 'salford royal nhs trust')).toBe(true);
  });
  it('disagrees where Salford typed an intermediary’s or another reseller’s number', () => {
    expect(namesAgree('gt3 architects', 'bloom procurement services')).toBe(false);
    expect(namesAgree('cdw', 'softcat')).toBe(false);
    expect(namesAgree('locata', 'phoenix software')).toBe(false);
  });
});
