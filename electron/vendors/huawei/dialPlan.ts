import { AppError } from '../../../shared/errors';
import { parsePostDial, type PostDialStep } from '../../../shared/dialString';
import {
  HUAWEI_CALL_APP_DATA_MAX_BYTES,
  HUAWEI_CALLED_PATTERN,
  HUAWEI_CALLER_PATTERN,
  HUAWEI_FIELD_RULES,
  HUAWEI_MEDIA_ABILITIES,
  isHuaweiAgentId,
  utf8ByteLength,
} from '../../../shared/vendors/huaweiLimits';
import type { DialIntent } from '../adapter';

/** What one dial intent becomes on the wire: callout (phone) or callinner (agent). */
export interface DialPlan {
  operation: 'callout' | 'callinner';
  body: Record<string, string | number>;
  /** Tones and pauses to play once the customer is talking. */
  postDial: PostDialStep[];
}

function invalid(path: string, message: string, hint: string): AppError {
  return new AppError({ code: 'VALIDATION', message, hint, path });
}

function notSupported(message: string, hint: string): AppError {
  return new AppError({ code: 'NOT_SUPPORTED', message, hint });
}

function checkCalled(called: string): void {
  if (HUAWEI_CALLED_PATTERN.test(called)) return;
  const hint = called.startsWith('+')
    ? 'Enter the number the way the gateway dials it: digits, * or # only, without "+" (for example with the trunk or international prefix your site uses).'
    : 'Enter 1 to 24 characters: digits, * or #.';
  const shown = called.length > 32 ? `${called.slice(0, 32)}…` : called;
  throw invalid('target.number', `Cannot dial "${shown}" (${[...called].length} characters). ${HUAWEI_FIELD_RULES.called}`, hint);
}

function checkCaller(caller: string): void {
  if (HUAWEI_CALLER_PATTERN.test(caller)) return;
  throw invalid('from.presentedCli', `Cannot present "${caller}" as the calling number. ${HUAWEI_FIELD_RULES.caller}`, 'Use at most 24 digits, or leave it empty for the platform default.');
}

function vendorFields(intent: DialIntent): Record<string, string | number> {
  const options = intent.options;
  if (options === undefined) return {};
  if (options.vendor !== 'huawei') {
    throw invalid('options.vendor', `Dial options for ${options.vendor} cannot be used with a Huawei CC-Gateway profile.`, 'Remove the other vendor\u2019s options.');
  }
  const fields: Record<string, string | number> = {};
  if (options.skillId !== undefined) {
    if (!Number.isSafeInteger(options.skillId) || options.skillId < 0) {
      throw invalid('options.skillId', `Skill ${options.skillId} is not a skill ID. ${HUAWEI_FIELD_RULES.skillid}`, 'Pick a skill from the directory, or leave it empty for the default skill queue.');
    }
    fields.skillid = options.skillId;
  }
  if (options.callAppData !== undefined) {
    const bytes = utf8ByteLength(options.callAppData);
    if (bytes > HUAWEI_CALL_APP_DATA_MAX_BYTES) {
      throw invalid(
        'options.callAppData',
        `The call-associated data is ${bytes} bytes. ${HUAWEI_FIELD_RULES.callappdata}`,
        `Shorten it to at most ${HUAWEI_CALL_APP_DATA_MAX_BYTES} bytes (UTF-8).`,
      );
    }
    fields.callappdata = options.callAppData;
  }
  if (options.mediaAbility !== undefined) {
    if (!HUAWEI_MEDIA_ABILITIES.includes(options.mediaAbility)) {
      throw invalid('options.mediaAbility', `Media capability ${String(options.mediaAbility)} is not offered. ${HUAWEI_FIELD_RULES.mediaability}`, 'Use 0 for a voice call, 2 for a video call.');
    }
    fields.mediaability = options.mediaAbility;
  }
  return fields;
}

/**
 * Checks a dial intent against the documented limits and builds the request body. Throws
 * `AppError` (VALIDATION / NOT_SUPPORTED) with the documentation's wording; nothing is sent
 * for an intent that fails here.
 */
export function planDial(intent: DialIntent, profile: { phoneNumber: string }, postDialPauseMs: number): DialPlan {
  if (intent.schedule) {
    throw notSupported('Huawei CC-Gateway cannot schedule calls.', 'Dial now, or use a profile whose vendor supports scheduling.');
  }
  if (intent.from?.agentId !== undefined || intent.from?.groupIds !== undefined) {
    throw notSupported('Huawei CC-Gateway places calls from the signed-in agent only.', 'Leave "From agent" and "From groups" empty.');
  }
  const options = vendorFields(intent);
  const target = intent.target;
  switch (target.kind) {
    case 'groups':
      throw notSupported('Huawei CC-Gateway cannot call a group.', 'Call a phone number or an agent.');
    case 'agent': {
      if (!isHuaweiAgentId(target.agentId)) {
        throw invalid('target.agentId', `"${target.agentId}" is not an agent ID. ${HUAWEI_FIELD_RULES.agentid}`, 'Pick the agent from the directory.');
      }
      return { operation: 'callinner', body: { called: target.agentId, ...options }, postDial: [] };
    }
    case 'phone': {
      checkCalled(target.number);
      const caller = intent.from?.presentedCli ?? profile.phoneNumber;
      checkCaller(caller);
      const postDial = parsePostDial(target.postDial ?? '', { pauseMs: postDialPauseMs });
      if (!postDial.ok) throw invalid('target.postDial', postDial.reason, 'Use 0-9, * and #, with "," for a 2 s pause.');
      if (postDial.mutePrompts) {
        throw notSupported('Huawei CC-Gateway cannot mute prompts: "." in post-dial digits is only for Oracle.', 'Remove the "." from the post-dial digits.');
      }
      return { operation: 'callout', body: { caller, called: target.number, mediaability: 0, ...options }, postDial: postDial.steps };
    }
  }
}
