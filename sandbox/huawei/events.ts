/**
 * Event builders, one per `eventType`, carrying exactly the `content` the documentation shows
 * for it (vendors/huawei.md §4): `null`, an object, or a bare call id string.
 */

export interface HuaweiEvent {
  eventType: string;
  content: unknown;
  /** The call the event belongs to, for `onEmit` listeners; not sent on the wire. */
  callId: string | undefined;
  /** The envelope `message` the documentation shows with this event (`""` or `"success"`). */
  message: string;
}

const event = (eventType: string, content: unknown, callId?: string, message = ''): HuaweiEvent => ({
  eventType,
  content,
  callId,
  message,
});

/** `type` of the documentation's examples: the agent's main line. */
const MAIN = 'main';

export const FEATURE = { outbound: '7', internal: '6' } as const;
export type Feature = (typeof FEATURE)[keyof typeof FEATURE];

/** `phoneState` of AgentOther_PhoneRelease. */
export const PHONE_STATE = { agentHungUp: 2, platformHungUp: 3 } as const;

export interface TalkingContent {
  caller: string;
  called: string;
  callid: string;
  feature: Feature;
  mediaAbility: 0 | 1 | 2;
}

export const agentEvents = {
  inService: () => event('AgentOther_InService', null),
  shutdownService: (loginTime: string) => event('AgentOther_ShutdownService', { loginTime }),
  ready: () => event('AgentState_Ready', null),
  work: () => event('AgentState_Work', null),
  notReady: (reason: string) => event('AgentState_SetNotReady_Success', { reason }),
  busy: (callId: string) => event('AgentState_Busy', null, callId),
  phoneAlerting: (callId: string) => event('AgentOther_PhoneAlerting', null, callId),
  phoneOffhook: (callId: string) => event('AgentOther_PhoneOffhook', { type: MAIN }, callId),
  phoneRelease: (callId: string, phoneState: number) => event('AgentOther_PhoneRelease', { phoneState }, callId),
  customerAlerting: (callId: string, otherPhone: string, otherPhoneWorkno: string) =>
    event('AgentEvent_Customer_Alerting', { callid: callId, otherPhoneWorkno, otherPhone, type: MAIN }, callId),
  talking: (talking: TalkingContent) =>
    event(
      'AgentEvent_Talking',
      {
        caller: talking.caller,
        callid: talking.callid,
        called: talking.called,
        feature: talking.feature,
        type: MAIN,
        mediaAbility: String(talking.mediaAbility),
      },
      talking.callid,
    ),
  hold: (callId: string) => event('AgentEvent_Hold', callId, callId),
  callOutFail: (callId: string) => event('AgentEvent_Call_Out_Fail', callId, callId),
  outboundDetect: (callId: string, detect: number, desc: string) =>
    event('OUTBOUND_DETECT_EVENT', { callId, detect, desc }, callId, 'success'),
  connectFail: (callId: string) => event('AgentEvent_Connect_Fail', callId, callId),
  callRelease: (callId: string) => event('AgentEvent_Call_Release', callId, callId),
  customerRelease: (callId: string, number: string) => event('AgentEvent_Customer_Release', { callid: callId, number }, callId),
};

/** OUTBOUND_DETECT_EVENT causes. 1552 and its text are the documentation's example. */
export interface FailureCause {
  detect: number;
  desc: string;
}

export const FAILURE_CAUSES = {
  callerNotAllowed: { detect: 1552, desc: 'The calling number is not allowed to make a call.' },
  // Codes and wording of Huawei's call release cause table (api-cec cec_07_2639).
  busy: { detect: 47, desc: 'The called party is busy.' },
  noAnswer: { detect: 8, desc: 'The called party does not answer.' },
} as const satisfies Record<string, FailureCause>;
