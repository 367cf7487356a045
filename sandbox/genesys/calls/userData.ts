/** Attached data of a call: flat or nested JSON values, keyed by name. */
export type UserData = Record<string, unknown>;

/** UpdateUserData: new values replace existing keys. */
export const updateUserData = (current: UserData, changes: UserData): UserData => ({ ...current, ...changes });

/**
 * AttachUserData: T-Server appends pairs, so an existing key keeps its first value in the
 * JSON object view GWS gives (the duplicate pair is not visible there).
 */
export const attachUserData = (current: UserData, additions: UserData): UserData => ({ ...additions, ...current });

export const deleteUserDataPair = (current: UserData, key: string): UserData =>
  Object.fromEntries(Object.entries(current).filter(([name]) => name !== key));
