/**
 * Seed data taken from the documentation's own examples (vendors/vonage.md §7). Group
 * membership is a sandbox decision.
 */
export const VCC_SEED = {
  accounts: [
    {
      key: 'a1b2c3d4e5',
      /** The sandbox credential, and the documentation's example token. */
      apiTokens: ['sandbox-token', '9pBl+xY1MW+AbsdZk4xpv7NwWxG8+oqduKiSqVybM9Y='],
      ccxmlEnabled: true,
    },
    { key: 'lmccg0ujju4', apiTokens: ['sandbox-token'], ccxmlEnabled: true },
  ],
  agents: ['1234', '4567', '5464', '10'],
  groups: { '030': ['5464'], '200': ['1234'], '400': ['4567'] } as Readonly<Record<string, readonly string[]>>,
  callbackNumbers: ['01256636451', '08008888888', '123456789'],
  /** The documentation's call ids come first; random GUIDs after them. */
  callIds: ['017db4a2-44b5-672e-8b9f-1a805fed07ad', '94e5928c-7f7e-4645-ad72-61010f906449'],
} as const;
