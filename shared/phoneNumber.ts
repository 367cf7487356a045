import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export interface NormalizedNumber {
  /** E.164 when the input parses as a phone number, else the cleaned dial string (internal DNs, short codes). */
  number: string;
  e164: string | undefined;
  country: string | undefined;
  valid: boolean;
  possible: boolean;
}

/** Strips visual separators, keeps digits, `+`, `*` and `#`. */
export function cleanDialString(input: string): string {
  const trimmed = input.trim();
  const plus = trimmed.startsWith('+') ? '+' : '';
  return plus + trimmed.replace(/[^0-9*#]/g, '');
}

export function normalizeNumber(input: string, defaultCountry: string): NormalizedNumber {
  const cleaned = cleanDialString(input);
  const parsed = /[*#]/.test(cleaned) ? undefined : parsePhoneNumberFromString(cleaned, defaultCountry as CountryCode);
  if (parsed && parsed.isPossible()) {
    return { number: parsed.number, e164: parsed.number, country: parsed.country, valid: parsed.isValid(), possible: true };
  }
  return { number: cleaned, e164: undefined, country: undefined, valid: false, possible: false };
}
