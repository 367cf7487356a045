import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

const regionNames = new Intl.DisplayNames(undefined, { type: 'region' });

/** `GB` → `United Kingdom` in the user's language; the code itself where the browser has no name. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export interface CountryOption {
  code: string;
  label: string;
}

let options: CountryOption[] | undefined;

/** Every country libphonenumber knows, by name, with its calling code: `United Kingdom (+44)`. */
export function countryOptions(): CountryOption[] {
  options ??= getCountries()
    .map((code) => ({ code, label: `${countryName(code)} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return options;
}
