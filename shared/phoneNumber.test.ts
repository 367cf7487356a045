import { describe, expect, it } from 'vitest';
import { cleanDialString, cleanPastedNumber, formatAsTyped, keypadDigits, normalizeNumber, wireNumber, wireTarget, type NumberFormat } from './phoneNumber';

describe('normalizeNumber: national numbers read with the default country', () => {
  // [typed, default country, E.164, country, shown]
  const countries: Array<[string, string, string, string, string]> = [
    ['020 7206 8888', 'GB', '+442072068888', 'GB', '+44 20 7206 8888'],
    ['(213) 373-4253', 'US', '+12133734253', 'US', '+1 213 373 4253'],
    ['416-555-0123', 'CA', '+14165550123', 'CA', '+1 416 555 0123'],
    ['01 42 68 53 00', 'FR', '+33142685300', 'FR', '+33 1 42 68 53 00'],
    ['030 123456', 'DE', '+4930123456', 'DE', '+49 30 123456'],
    ['03-1234-5678', 'JP', '+81312345678', 'JP', '+81 3 1234 5678'],
    ['(02) 1234 5678', 'AU', '+61212345678', 'AU', '+61 2 1234 5678'],
    ['098765 43210', 'IN', '+919876543210', 'IN', '+91 98765 43210'],
    ['(11) 98765-4321', 'BR', '+5511987654321', 'BR', '+55 11 98765 4321'],
    ['912 34 56 78', 'ES', '+34912345678', 'ES', '+34 912 34 56 78'],
    ['02 1234 5678', 'IT', '+390212345678', 'IT', '+39 02 1234 5678'],
    ['020 123 4567', 'NL', '+31201234567', 'NL', '+31 20 123 4567'],
    ['01 234 5678', 'IE', '+35312345678', 'IE', '+353 1 234 5678'],
    ['021 123 4567', 'ZA', '+27211234567', 'ZA', '+27 21 123 4567'],
    ['55 1234 5678', 'MX', '+525512345678', 'MX', '+52 55 1234 5678'],
    ['6123 4567', 'SG', '+6561234567', 'SG', '+65 6123 4567'],
    ['044 668 18 00', 'CH', '+41446681800', 'CH', '+41 44 668 18 00'],
    ['08-123 456 78', 'SE', '+46812345678', 'SE', '+46 8 123 456 78'],
    ['22 123 45 67', 'PL', '+48221234567', 'PL', '+48 22 123 45 67'],
  ];

  it.each(countries)('%s in %s → %s', (typed, country, e164, parsedCountry, display) => {
    expect(normalizeNumber(typed, country)).toEqual({ number: e164, e164, country: parsedCountry, valid: true, possible: true, display });
  });

  const international: Array<[string, string, string]> = [
    ['+44 20 7206 8888', 'US', '+442072068888'],
    ['+1 (213) 373-4253', 'GB', '+12133734253'],
    ['00 44 20 7206 8888', 'GB', '+442072068888'],
    ['011 44 20 7206 8888', 'US', '+442072068888'],
    ['0011 44 20 7206 8888', 'AU', '+442072068888'],
    // 00 is not the US prefix, but nothing else makes sense of these digits.
    ['0044 20 7206 8888', 'US', '+442072068888'],
    ['+44 (0)20 7206 8888', 'GB', '+442072068888'],
    ['+44 (0) 20 7206 8888', 'US', '+442072068888'],
    ['+49 (0)30 123456', 'GB', '+4930123456'],
  ];
  it.each(international)('%s with default %s → %s', (typed, country, e164) => {
    expect(normalizeNumber(typed, country)).toMatchObject({ number: e164, e164, valid: true, possible: true });
  });

  it('keeps internal numbers and service codes as dialled', () => {
    expect(normalizeNumber('5001', 'GB')).toEqual({ number: '5001', e164: undefined, country: undefined, valid: false, possible: false, display: '5001' });
    expect(normalizeNumber('*67 213', 'US')).toMatchObject({ number: '*67213', e164: undefined });
    expect(normalizeNumber('#31#', 'US')).toMatchObject({ number: '#31#', e164: undefined });
  });

  it('says "possible" but not "valid" for a number of the right length outside known ranges', () => {
    expect(normalizeNumber('5001', 'DE')).toMatchObject({ number: '+495001', possible: true, valid: false });
  });

  it('never turns a bare + or a too-short international number into a call to the country code', () => {
    expect(normalizeNumber('+1', 'GB')).toMatchObject({ number: '+1', e164: undefined, possible: false });
    expect(normalizeNumber('+', 'GB')).toMatchObject({ number: '+', e164: undefined });
  });
});

describe('cleanPastedNumber', () => {
  const pasted: Array<[string, string, { number: string; postDial?: string }]> = [
    ['spaces', '020 7206 8888', { number: '02072068888' }],
    ['dashes', '020-7206-8888', { number: '02072068888' }],
    ['dots', '020.7206.8888', { number: '02072068888' }],
    ['brackets', '(020) 7206-8888', { number: '02072068888' }],
    ['(0) after the country code', '+44 (0)20 7206 8888', { number: '+442072068888' }],
    ['(0) with spaces', '+44 ( 0 ) 20 7206 8888', { number: '+442072068888' }],
    ['00 prefix', '0044 20 7206 8888', { number: '+442072068888' }],
    ['00 prefix with spaces', '00 44 20 7206 8888', { number: '+442072068888' }],
    ['doubled +', '++44 20 7206 8888', { number: '+442072068888' }],
    ['+ then a space', '+ 44 20 7206 8888', { number: '+442072068888' }],
    ['full-width characters', '＋４４ ２０ ７２０６ ８８８８', { number: '+442072068888' }],
    ['non-breaking spaces', '020\u00a07206\u00a08888', { number: '02072068888' }],
    ['a label', 'Tel: +1 (213) 373-4253', { number: '+12133734253' }],
    ['a label with a trunk (0)', 'Tel: +44 (0)20 7206 8888', { number: '+442072068888' }],
    ['a label with spaces', 'Phone number: 020 7206 8888', { number: '02072068888' }],
    ['ext.', '+1 (213) 373-4253 ext. 123', { number: '+12133734253', postDial: ',123' }],
    ['extension', '020 7206 8888 extension 45', { number: '02072068888', postDial: ',45' }],
    ['x', '+44 20 7206 8888 x12', { number: '+442072068888', postDial: ',12' }],
    ['# after a space', '020 7206 8888 #123', { number: '02072068888', postDial: ',123' }],
    ['pauses and tones', '020 7206 8888,,1,2#', { number: '02072068888', postDial: ',,1,2#' }],
    ['semicolon wait', '020 7206 8888;1', { number: '02072068888', postDial: ',1' }],
    ['vanity letters', '1-800-FLOWERS', { number: '18003569377' }],
    ['vanity letters, lower case', '0800 repairs', { number: '08007372477' }],
    ['a word is not a number', 'bob', { number: '' }],
    ['service code', '*31#', { number: '*31#' }],
  ];
  it.each(pasted)('%s: %j', (_name, text, expected) => {
    expect(cleanPastedNumber(text, 'GB')).toEqual(expected);
  });

  it("reads the default country's own international prefix", () => {
    expect(cleanPastedNumber('011 44 20 7206 8888', 'US')).toEqual({ number: '+442072068888' });
    expect(cleanPastedNumber('0011 44 20 7206 8888', 'AU')).toEqual({ number: '+442072068888' });
  });

  it('leaves national numbers national: the trunk 0 is not an international prefix', () => {
    expect(cleanPastedNumber('030 123456', 'DE')).toEqual({ number: '030123456' });
  });
});

describe('cleanDialString and keypadDigits', () => {
  it.each([
    ['+44 20 7206 8888', '+442072068888'],
    [' 5001 ', '5001'],
    ['*67 (213)', '*67213'],
    ['1+2', '12'],
    ['+44 (0)20', '+4420'],
  ])('%j → %j', (input, expected) => {
    expect(cleanDialString(input)).toBe(expected);
  });

  it('maps every keypad letter (E.161)', () => {
    expect(keypadDigits('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe('22233344455566677778889999');
  });
});

describe('formatAsTyped', () => {
  it.each([
    ['02072068888', 'GB', '020 7206 8888'],
    ['0207', 'GB', '020 7'],
    ['2133734253', 'US', '(213) 373-4253'],
    ['+12133734253', 'GB', '+1 213 373 4253'],
    ['5001', 'GB', '5001'],
    ['*67', 'US', '*67'],
    ['#31#2133734253', 'US', '#31#2133734253'],
    ['', 'GB', ''],
  ])('%j in %s → %j', (dialString, country, expected) => {
    expect(formatAsTyped(dialString, country)).toBe(expected);
  });
});

describe('wireNumber: the number as each vendor wants it', () => {
  const london = { input: '020 7206 8888', number: '+442072068888' };
  const losAngeles = { input: '+1 213 373 4253', number: '+12133734253' };
  const dn = { input: '5001', number: '5001' };
  const cases: Array<[NumberFormat, string, typeof london, string]> = [
    ['e164', 'GB', london, '+442072068888'],
    ['e164-digits', 'GB', london, '442072068888'],
    ['national-digits', 'GB', london, '02072068888'],
    ['as-dialled', 'GB', london, '02072068888'],
    ['e164', 'GB', losAngeles, '+12133734253'],
    ['e164-digits', 'GB', losAngeles, '12133734253'],
    ['national-digits', 'GB', losAngeles, '0012133734253'],
    ['national-digits', 'US', losAngeles, '2133734253'],
    ['national-digits', 'AU', london, '0011442072068888'],
    ['as-dialled', 'GB', losAngeles, '+12133734253'],
    ['e164', 'GB', dn, '5001'],
    ['e164-digits', 'GB', dn, '5001'],
    ['national-digits', 'GB', dn, '5001'],
    ['as-dialled', 'GB', dn, '5001'],
  ];
  it.each(cases)('%s from %s: %j → %s', (format, home, target, expected) => {
    expect(wireNumber(target, format, home)).toBe(expected);
  });

  it('keeps E.164 where the home country has no single international prefix', () => {
    expect(wireNumber(london, 'national-digits', 'BR')).toBe('+442072068888');
  });

  it('changes only phone targets', () => {
    expect(wireTarget({ kind: 'phone', input: '020 7206 8888', number: '+442072068888', postDial: ',1' }, 'national-digits', 'GB')).toEqual({
      kind: 'phone',
      input: '020 7206 8888',
      number: '02072068888',
      postDial: ',1',
    });
    expect(wireTarget({ kind: 'agent', agentId: '4567' }, 'national-digits', 'GB')).toEqual({ kind: 'agent', agentId: '4567' });
  });
});
