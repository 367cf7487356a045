/**
 * Seed data taken from the GWS documentation's own examples (vendors/genesys.md §7), so a
 * payload from the sandbox can be compared field by field with the documented samples.
 */

export const GWS_VERSION = '8.5.200.50';

export const DOCUMENTED_DEVICE_ID = 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a';
export const DOCUMENTED_DN = '5005';
export const DOCUMENTED_VOICE_ENVIRONMENT_ID = '370ef5e6-9e3c-4d91-9588-7f4dfe67e011';

/** The ids of the Dial page's Sample #1 and Sample #2 notifications, handed out first. */
export const DOCUMENTED_CALL_IDS: ReadonlyArray<{ id: string; connId: string }> = [
  { id: '013V08JRL498H1OI04000VTAES00000G', connId: '0072026cb98d140f' },
  { id: '01NOSKNPB8AT3D4MUTCJ82LAES000111', connId: '0072026cb98d140e' },
];

/** Sandbox login used by the app's built-in sandbox profile and by the tests. */
export const SANDBOX_USER = {
  userName: 'agent1',
  password: 'sandbox',
  deviceId: DOCUMENTED_DEVICE_ID,
  phoneNumber: DOCUMENTED_DN,
} as const;

/** From the Users resource sample. */
export const DOCUMENTED_CONTACT_CENTER_ID = '0851b5d7-1280-432c-9bb7-d22c2aeab2d5';

/** Present on every CallStateChangeMessage of the Dial samples. */
export const CALL_MESSAGE_EXTENSIONS = { WrapUpTime: 0, BusinessCall: 0 } as const;
