import { AsYouType, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import type { CallTarget } from './callModel';
import type { VendorCapabilities } from './vendors/capabilities';

export type NumberFormat = VendorCapabilities['numberFormat'];

export interface NormalizedNumber {
  /** E.164 when the input parses as a phone number, else the cleaned dial string (internal DNs, short codes). */
  number: string;
  e164: string | undefined;
  country: string | undefined;
  valid: boolean;
  possible: boolean;
  /** For people: `+44 20 7206 8888`, or the cleaned dial string. */
  display: string;
}

/** E.161: the letters printed on a phone keypad, for vanity numbers such as 1-800-FLOWERS. */
const KEYPAD_LETTERS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({ '2': 'ABC', '3': 'DEF', '4': 'GHI', '5': 'JKL', '6': 'MNO', '7': 'PQRS', '8': 'TUV', '9': 'WXYZ' }).flatMap(([digit, letters]) =>
    [...letters].map((letter) => [letter, digit]),
  ),
);

/** `(0)` after an international prefix is the national trunk prefix, written for domestic readers only. */
const TRUNK_ZERO_IN_BRACKETS = /^(\s*(?:\+|00)[^(]*?)\(\s*0\s*\)/;

/** Letters become the digits they sit on; anything else is returned as it was. */
export function keypadDigits(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => KEYPAD_LETTERS[letter.toUpperCase()] ?? letter);
}

/**
 * Strips visual separators and keeps what a phone can dial: digits, `*`, `#`, and a `+` when
 * the number starts with one. `(0)` after an international prefix is dropped, so
 * `+44 (0)20 7206 8888` stays a London number.
 */
export function cleanDialString(input: string): string {
  const trimmed = input.normalize('NFKC').trim().replace(TRUNK_ZERO_IN_BRACKETS, '$1');
  const plus = trimmed.startsWith('+') ? '+' : '';
  return plus + trimmed.replace(/[^0-9*#]/g, '');
}

function parseInCountry(dialString: string, country: string): PhoneNumber | undefined {
  return isSupportedCountry(country) ? parsePhoneNumberFromString(dialString, country) : parsePhoneNumberFromString(dialString);
}

/**
 * The dial string read with the user's default country: `+…`, the country's own international
 * prefix (`00` in GB, `011` in the US) and national numbers become E.164. A leading `00` that
 * the country does not use as its prefix is still read as international when that gives a
 * possible number (a European number pasted in the US). Numbers with `*` or `#`, and digits
 * that cannot be a public number, stay as dialled: internal DNs and service codes are fine.
 */
export function normalizeNumber(input: string, defaultCountry: string): NormalizedNumber {
  const cleaned = cleanDialString(input);
  const asDialled: NormalizedNumber = { number: cleaned, e164: undefined, country: undefined, valid: false, possible: false, display: cleaned };
  if (/[*#]/.test(cleaned) || cleaned.replace('+', '').length === 0) return asDialled;
  const candidates = [parseInCountry(cleaned, defaultCountry)];
  if (cleaned.startsWith('00')) candidates.push(parsePhoneNumberFromString(`+${cleaned.slice(2)}`));
  const parsed = candidates.find((candidate) => candidate?.isPossible());
  if (!parsed) return asDialled;
  return {
    number: parsed.number,
    e164: parsed.number,
    country: parsed.country,
    valid: parsed.isValid(),
    possible: true,
    display: parsed.formatInternational(),
  };
}

export interface PastedNumber {
  /** The dial string to put in the number box: `+` and digits for a public number. */
  number: string;
  /** An extension that came with it, in post-dial grammar (`,123`: wait 2 s, press 123). */
  postDial?: string;
}

/** `Tel:`, `Phone number:`… before the number. */
const LEADING_LABEL = /^[\p{L} .]*[\p{L}.]\s*:\s*/u;
/** `ext. 123`, `extension 123`, `x123`, ` #123` at the end. */
const EXTENSION = /(?:\s*,?\s*(?:ext(?:ension)?\.?|x)\s*:?\s*|\s+#\s*)(\d{1,10})\s*$/i;
/** `,,123` or `;123` at the end: pauses and tones already written for a phone. */
const TRAILING_TONES = /\s*([,;][0-9*#,;]*)$/;

/**
 * What an agent pasted (a CRM field, an e-mail signature, a web page) → a dial string:
 * separators, brackets and labels go; `(0)` after a country code goes; keypad letters become
 * digits; an extension moves to post-dial digits; and an international prefix in any form
 * (`+`, `00`, the default country's own) becomes `+` when the number then makes sense.
 */
export function cleanPastedNumber(text: string, defaultCountry: string): PastedNumber {
  let rest = text.normalize('NFKC').trim().replace(LEADING_LABEL, '');
  let postDial: string | undefined;
  const extension = EXTENSION.exec(rest);
  if (extension) {
    postDial = `,${extension[1] ?? ''}`;
    rest = rest.slice(0, extension.index);
  } else {
    const tones = TRAILING_TONES.exec(rest);
    if (tones && /[0-9*#]/.test(tones[1] ?? '') && /\d/.test(rest.slice(0, tones.index))) {
      postDial = (tones[1] ?? '').replaceAll(';', ',');
      rest = rest.slice(0, tones.index);
    }
  }
  // Letters are keypad digits only in a vanity number (1-800-FLOWERS), never in a bare word.
  const vanity = /\d/.test(rest) ? keypadDigits(rest) : rest;
  const cleaned = cleanDialString(vanity.replace(/^\+[\s+]*/, '+'));
  const normalized = normalizeNumber(cleaned, defaultCountry);
  const number = normalized.e164 !== undefined && isInternationalPrefixed(cleaned, normalized.e164) ? normalized.e164 : cleaned;
  return { number, ...(postDial ? { postDial } : {}) };
}

/** True when the dial string is the E.164 number behind an international prefix (00, 011, 0011…). */
function isInternationalPrefixed(dialString: string, e164: string): boolean {
  const significant = e164.slice(1);
  if (!dialString.endsWith(significant)) return false;
  return /^0\d*$/.test(dialString.slice(0, dialString.length - significant.length));
}

/**
 * As-you-type formatting of a dial string (`02072068888` → `020 7206 8888`). Dial strings with
 * `*` or `#`, and any the formatter would change rather than only space out, are left alone.
 */
export function formatAsTyped(dialString: string, country: string): string {
  if (dialString === '' || /[*#]/.test(dialString)) return dialString;
  const formatter = isSupportedCountry(country) ? new AsYouType(country) : new AsYouType();
  const formatted = formatter.input(dialString);
  return cleanDialString(formatted) === dialString ? formatted : dialString;
}

/**
 * The number as this vendor's API wants it (capabilities.numberFormat), from the number the
 * softphone resolved. `homeCountry` is where the vendor's platform dials from: national
 * digits for its own numbers, its international prefix for the rest.
 * - `e164`: `+442072068888`
 * - `e164-digits`: `442072068888`
 * - `national-digits`: `02072068888`, or `0012133734253` from GB
 * - `as-dialled`: what the agent typed, cleaned (the switch's dial plan applies: DNs, prefixes)
 * Numbers that are not E.164 (internal DNs) go as dialled in every format.
 */
export function wireNumber(target: { input: string; number: string }, format: NumberFormat, homeCountry: string): string {
  if (format === 'as-dialled') return cleanDialString(target.input) || target.number;
  const parsed = target.number.startsWith('+') ? parsePhoneNumberFromString(target.number) : undefined;
  if (!parsed) return target.number;
  switch (format) {
    case 'e164':
      return parsed.number;
    case 'e164-digits':
      return parsed.number.slice(1);
    case 'national-digits': {
      const home = isSupportedCountry(homeCountry) ? homeCountry : undefined;
      if (home === undefined || getCountryCallingCode(home) === parsed.countryCallingCode) return digitsOf(parsed.formatNational());
      const idd = parsed.format('IDD', { fromCountry: home as CountryCode });
      return idd ? digitsOf(idd) : parsed.number;
    }
  }
}

/** A dial target with its number in the vendor's wire format; other targets are returned as they are. */
export function wireTarget(target: CallTarget, format: NumberFormat, homeCountry: string): CallTarget {
  if (target.kind !== 'phone') return target;
  return { ...target, number: wireNumber(target, format, homeCountry) };
}

function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '');
}
