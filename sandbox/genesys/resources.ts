import type { UserState } from './agentStates';
import { deviceUri } from './calls/callRecord';
import type { GenesysUser } from './options';
import { CALL_MESSAGE_EXTENSIONS, DOCUMENTED_CONTACT_CENTER_ID, DOCUMENTED_VOICE_ENVIRONMENT_ID } from './seed';

/** The Device resource, as in the documented sample (same shape in REST and CometD). */
export function toDeviceResource(user: GenesysUser, userState: UserState, baseUrl: string): Record<string, unknown> {
  return {
    id: user.deviceId,
    deviceState: 'Active',
    userState: { ...userState },
    phoneNumber: user.phoneNumber,
    e164Number: user.phoneNumber,
    telephonyNetwork: 'Private',
    doNotDisturb: 'Off',
    voiceEnvironmentUri: `${baseUrl}/api/v2/voice-environments/${DOCUMENTED_VOICE_ENVIRONMENT_ID}`,
    capabilities: ['DoNotDisturbOn', 'ForwardCallsOn'],
  };
}

/** The User resource, as in the documented sample. */
export function toUserResource(user: GenesysUser, baseUrl: string): Record<string, unknown> {
  return {
    id: user.id,
    userName: user.userName,
    firstName: user.firstName,
    lastName: user.lastName,
    emailAddress: '',
    roles: ['ROLE_AGENT'],
    enabled: true,
    changePasswordOnFirstLogin: false,
    contactCenterId: DOCUMENTED_CONTACT_CENTER_ID,
    uri: `${baseUrl}/api/v2/users/${user.id}`,
    path: `/users/${user.id}`,
  };
}

export const deviceUris = (user: GenesysUser, baseUrl: string): string[] => [deviceUri(baseUrl, user.deviceId)];

export type CallNotificationType = 'StatusChange' | 'AttachedDataChanged' | 'DtmfSent' | 'Error';

/** Fields of an `Error` notification (names are the team's design decision, vendors/genesys.md §4). */
export interface CallErrorDetail {
  errorMessage: string;
  errorCode?: number;
}

/** `data` of a CallStateChangeMessage: always the full call, never a delta. */
export function callStateChangeMessage(
  user: GenesysUser,
  notificationType: CallNotificationType,
  call: Record<string, unknown>,
  error?: CallErrorDetail,
): Record<string, unknown> {
  return {
    messageType: 'CallStateChangeMessage',
    notificationType,
    extensions: { ...CALL_MESSAGE_EXTENSIONS },
    call,
    phoneNumber: user.phoneNumber,
    ...(error ? { errorMessage: error.errorMessage } : {}),
    ...(error?.errorCode !== undefined ? { errorCode: error.errorCode } : {}),
  };
}

export function deviceStateChangeMessage(device: Record<string, unknown>): Record<string, unknown> {
  return { messageType: 'DeviceStateChangeMessage', devices: [device] };
}
