import type { FarEndOutcome } from '../../emulator';

/**
 * What the far end does with a dialled number (sandbox README, "Far-end script"). Invalid
 * comes first so `0009` is invalid rather than busy.
 */
export function farEndOutcomeFor(phoneNumber: string): FarEndOutcome {
  if (phoneNumber.startsWith('000') || !/^\+?[0-9*#]+$/.test(phoneNumber)) return 'invalid';
  if (phoneNumber.endsWith('9')) return 'busy';
  if (phoneNumber.endsWith('8')) return 'no-answer';
  return 'answer';
}

/** Short numbers are extensions on the same switch (design decision, vendors/genesys.md §7). */
export function callTypeFor(phoneNumber: string, direction: 'outbound' | 'inbound'): 'Internal' | 'Outbound' | 'Inbound' {
  if (/^\d{1,5}$/.test(phoneNumber)) return 'Internal';
  return direction === 'outbound' ? 'Outbound' : 'Inbound';
}

/** T-Server's wording when a switch rejects the called number; the code is the sandbox's choice. */
export const INVALID_DESTINATION_ERROR = { errorCode: 71, errorMessage: 'Invalid called DN' } as const;
