/**
 * The accounts the sandbox emulators are seeded with (the vendor documentation's own
 * examples), and which the built-in sandbox profiles sign in with. Not secrets: they only
 * open emulators on loopback.
 */
export const SANDBOX_ACCOUNTS = {
  genesys: { username: 'agent1', password: 'sandbox', deviceId: 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a', dn: '5005' },
  huawei: { agentId: '40038', password: 'sandbox', phoneNumber: '40038', otherAgentId: '40040' },
  vonage: { accountKey: 'a1b2c3d4e5', apiToken: 'sandbox-token', agentId: '1234' },
  iovox: { username: 'sandbox', secureKey: 'sandbox-key', linkId: 'link123' },
  oracle: { contactId: '367901' },
} as const;
