/** Seeded data, reusing the documentation's own examples (vendors/huawei.md §7). */

export interface SeedAgent {
  /** Agent ID (work number), 101–59999. */
  id: string;
  /** Empty on old sites, as in the documentation's sign-in sample. */
  password: string;
  /** Phone bound when the sign-in body carries no `phonenum`. */
  phonenum: string;
  skillIds: number[];
}

export interface SeedSkill {
  skillId: number;
  skillName: string;
}

export const SEED_SKILLS: SeedSkill[] = [{ skillId: 25, skillName: 'voice' }];

export const SEED_AGENTS: SeedAgent[] = [
  // The sandbox profile's agents.
  { id: '40038', password: 'sandbox', phonenum: '40038', skillIds: [25] },
  { id: '40040', password: 'sandbox', phonenum: '40040', skillIds: [25] },
  // The documentation's example agents (sign-in sample 291, event samples 49999 and 464).
  { id: '49999', password: '', phonenum: '40038', skillIds: [25] },
  { id: '291', password: '', phonenum: '40038', skillIds: [25] },
  { id: '464', password: '', phonenum: '464', skillIds: [25] },
  { id: '49998', password: '', phonenum: '49998', skillIds: [25] },
];

/** Calling numbers the platform lets agents present; any other `caller` fails with detect 1552. */
export const SEED_CALLERS: string[] = ['40038', '10086'];

/** Used when a callout leaves `caller` empty ("the default calling number of the platform"). */
export const DEFAULT_CALLER = '10086';

/** `called` numbers the platform rejects up front with 200-001. */
export const SEED_WRONG_NUMBERS: string[] = ['000000'];

/** Customers who answer and then hang up on their own (after `customerHangupDelayMs`). */
export const SEED_HANGUP_NUMBERS: string[] = ['70093'];

/** The first call id is the callout example's `1455885056-1095`. */
export const FIRST_CALL_ID = { epochSeconds: 1455885056, counter: 1095 } as const;
