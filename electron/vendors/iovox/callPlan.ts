import type { Schedule } from '../../../shared/ipc/contract';
import { IOVOX_LIMITS } from '../../../shared/vendors/iovoxLimits';
import type { DialIntent } from '../adapter';
import { invalidDial } from './validationError';

/** Everything one initiateCall carries, checked against IOVOX's documented limits. */
export interface IovoxCallPlan {
  linkId: string;
  /** Digits, then the keypress suffix, e.g. `449789123123,,1,,2`. */
  callDestination: string;
  /** Whole minutes; undefined = call now. */
  delayMinutes: number | undefined;
  /** Custom Call Variables in the order given. */
  variables: ReadonlyArray<readonly [string, string]>;
}

/** E.164 (`+449789123123`) or international digits → IOVOX's digits without '+'. */
export function iovoxDestinationDigits(number: string): string {
  const digits = number.startsWith('+') ? number.slice(1) : number;
  if (!IOVOX_LIMITS.destinationDigits.test(digits)) {
    throw invalidDial(
      'target.number',
      `IOVOX cannot dial "${number}": it needs an international number, country code first, 7 to 15 digits.`,
      'Enter the number with its country code, e.g. +44 9789 123123.',
    );
  }
  return digits;
}

/** Post-dial digits → the suffix IOVOX appends to the number (documented `,1` and `,,1,,2`). */
export function iovoxKeypressSuffix(postDial: string | undefined): string {
  if (postDial === undefined || postDial === '') return '';
  const foreign = [...new Set(postDial.replace(/[0-9,]/g, ''))];
  if (foreign.length > 0) {
    const muteNote = foreign.includes('.') ? ' "." (mute prompts) is Oracle-only.' : '';
    throw invalidDial(
      'target.postDial',
      `IOVOX post-dial digits can only be digits and "," pauses; ${foreign.map((c) => `"${c}"`).join(', ')} cannot be sent.${muteNote}`,
      'Remove those characters, or use a profile whose vendor supports them.',
    );
  }
  if (!IOVOX_LIMITS.keypressSuffix.test(postDial)) {
    throw invalidDial(
      'target.postDial',
      'IOVOX post-dial digits must start with "," (a 2 s pause after the answer): digits right after the number would be dialled as part of it.',
      `Write ",${postDial}" to press ${postDial} 2 s after the answer.`,
    );
  }
  return postDial;
}

/** A schedule → IOVOX `delay` in whole minutes; seconds only when they are exact minutes. */
export function iovoxDelayMinutes(schedule: Schedule | undefined): number | undefined {
  if (schedule === undefined) return undefined;
  if (schedule.kind === 'at') {
    throw invalidDial(
      'schedule',
      'IOVOX cannot start a call at a set time: it can only delay a call by whole minutes.',
      'Use "Start in" with a number of minutes instead.',
    );
  }
  let minutes = schedule.amount;
  if (schedule.unit === 'seconds') {
    if (schedule.amount % 60 !== 0) {
      const below = Math.floor(schedule.amount / 60);
      const choices = below === 0 ? '1 minute' : `${below} or ${below + 1} minutes`;
      throw invalidDial(
        'schedule',
        `IOVOX delays calls by whole minutes: ${schedule.amount} seconds is not a whole number of minutes.`,
        `Choose ${choices}.`,
      );
    }
    minutes = schedule.amount / 60;
  }
  if (minutes > IOVOX_LIMITS.maxDelayMinutes) {
    throw invalidDial(
      'schedule',
      `IOVOX calls can be delayed by at most ${IOVOX_LIMITS.maxDelayMinutes} minutes (24 hours); ${minutes} minutes is too long.`,
      'Choose a shorter delay.',
    );
  }
  return minutes;
}

/** Custom Call Variables: element names IOVOX matches to Call Flow names, values any XML text. */
export function iovoxVariables(variables: Readonly<Record<string, string>> | undefined): Array<readonly [string, string]> {
  const entries = Object.entries(variables ?? {});
  if (entries.length > IOVOX_LIMITS.maxVariables) {
    throw invalidDial('options.variables', `IOVOX calls carry at most ${IOVOX_LIMITS.maxVariables} variables; this call has ${entries.length}.`);
  }
  for (const [name, value] of entries) {
    const path = `options.variables.${name}`;
    if (IOVOX_LIMITS.reservedVariableNames.includes(name)) {
      throw invalidDial(
        path,
        `"${name}" is set by the softphone from the call's ${name === 'delay' ? 'schedule' : 'number and post-dial digits'}.`,
        `Remove the ${name} variable and use the ${name === 'delay' ? '"Start in" field' : 'number fields'} instead.`,
      );
    }
    if (IOVOX_LIMITS.forbiddenVariableNames.includes(name)) {
      throw invalidDial(path, `"${name}" cannot be an IOVOX variable name: XML tools refuse it as a JavaScript property name.`);
    }
    if (!IOVOX_LIMITS.variableName.test(name) || /^xml/i.test(name)) {
      throw invalidDial(
        path,
        `"${name}" cannot be an IOVOX variable name: it must start with a letter or "_", contain only letters, digits, "_", "-" or ".", not start with "xml", and be at most 64 characters.`,
        'Use the variable name exactly as the Link\'s Call Flow spells it.',
      );
    }
    if (value.length > IOVOX_LIMITS.maxVariableValueLength) {
      throw invalidDial(path, `The value of ${name} is longer than ${IOVOX_LIMITS.maxVariableValueLength} characters.`);
    }
    if (!IOVOX_LIMITS.xmlText.test(value)) {
      throw invalidDial(path, `The value of ${name} contains a control character that XML cannot carry.`, 'Remove the control character.');
    }
  }
  return entries;
}

export function planIovoxCall(intent: DialIntent, linkId: string): IovoxCallPlan {
  if (intent.target.kind !== 'phone') {
    throw invalidDial('target', 'IOVOX calls phone numbers only; its Calling Rules decide who else is on the call.');
  }
  if (intent.from !== undefined && Object.values(intent.from).some((value) => value !== undefined)) {
    throw invalidDial('from', "IOVOX places calls as the Link's Calling Rules say; the caller cannot be chosen per call.");
  }
  if (intent.options !== undefined && intent.options.vendor !== 'iovox') {
    throw invalidDial('options', `These are ${intent.options.vendor} options; this profile places calls with IOVOX.`);
  }
  return {
    linkId,
    callDestination: iovoxDestinationDigits(intent.target.number) + iovoxKeypressSuffix(intent.target.postDial),
    delayMinutes: iovoxDelayMinutes(intent.schedule),
    variables: iovoxVariables(intent.options?.variables),
  };
}
