import type { Vendor } from '../../shared/callModel';

/**
 * Ofcom's drama ranges (0113 496 0xxx, 0121 496 0xxx, …): numbers that are never a real
 * subscriber. Each vendor dials its own range, so a call card's name identifies one call.
 * Huawei dials six-digit internal numbers instead: its adapter sends the E.164 form of a
 * public number, which the gateway's `called` rule (digits, * and # only) refuses.
 */
const DIAL_PREFIX: Record<Vendor, string> = {
  genesys: '01134960',
  huawei: '600',
  vonage: '01214960',
  iovox: '01164960',
  oracle: '01174960',
};

/** The Huawei calls that stay connected for event measurements. */
const HUAWEI_LIVE_PREFIX = '610';

/**
 * The `index`-th number a vendor dials. Several emulators script numbers ending in 8 (no
 * answer) or 9 (busy); these end in 0–7 so that every call is answered.
 */
export function dialNumber(vendor: Vendor, index: number): string {
  const suffix = Math.floor(index / 8) * 10 + (index % 8);
  if (!Number.isInteger(index) || index < 0 || suffix > 999) throw new RangeError(`no dial number ${index}`);
  return `${DIAL_PREFIX[vendor]}${String(suffix).padStart(3, '0')}`;
}

export function dialNumbers(vendor: Vendor, count: number): string[] {
  return Array.from({ length: count }, (_, index) => dialNumber(vendor, index));
}

/** The number the `index`-th Huawei agent keeps connected during event measurements. */
export function huaweiLiveNumber(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 799) throw new RangeError(`no live number ${index}`);
  return dialNumber('huawei', index).replace(DIAL_PREFIX.huawei, HUAWEI_LIVE_PREFIX);
}

/** Work numbers of the extra Huawei agents the burst signs in (101–59999 are valid). */
export function burstAgentIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(41001 + index));
}

export const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** Matches the number's digits (and a leading +) with any spacing, brackets or dashes between them, not inside a longer number. */
export function numberPattern(number: string): RegExp {
  const plus = number.trim().startsWith('+') ? '\\+' : '';
  const digits = [...number.replace(/\D/g, '')];
  return new RegExp(`(?<![\\d+])${plus}${digits.join('[\\s().-]*')}(?!\\d)`);
}
