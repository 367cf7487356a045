import { VENDOR_LABELS, type Vendor } from './callModel';
import type { VendorCapabilities } from './vendors/capabilities';
import { IOVOX_LIMITS } from './vendors/iovoxLimits';

/**
 * Post-dial digits (extension / IVR navigation), one grammar for every vendor (DESIGN §3):
 * `0-9 * #` are tones, `,` is a 2 s pause, `.` mutes prompts (only Oracle can do that; the
 * parser recognises it and flags it so each adapter can accept or reject it with a reason).
 */

export const POST_DIAL_PAUSE_MS = 2000;

export type PostDialStep = { digits: string } | { pauseMs: number };

export type PostDialParse =
  | { ok: true; steps: PostDialStep[]; mutePrompts: boolean }
  | { ok: false; reason: string };

export interface PostDialOptions {
  /** Length of one `,`; the grammar says 2 s. */
  pauseMs?: number;
}

/**
 * Splits a post-dial string into tone and pause steps, in order. Runs of digits become one
 * step and runs of commas one longer pause, so a vendor gets as few requests as possible.
 */
export function parsePostDial(input: string, options: PostDialOptions = {}): PostDialParse {
  const pauseMs = options.pauseMs ?? POST_DIAL_PAUSE_MS;
  const steps: PostDialStep[] = [];
  let mutePrompts = false;
  for (const [index, char] of [...input].entries()) {
    const last = steps.at(-1);
    if (/^[0-9*#]$/.test(char)) {
      if (last && 'digits' in last) last.digits += char;
      else steps.push({ digits: char });
    } else if (char === ',') {
      if (last && 'pauseMs' in last) last.pauseMs += pauseMs;
      else steps.push({ pauseMs });
    } else if (char === '.') {
      mutePrompts = true;
    } else {
      return {
        ok: false,
        reason: `"${char}" at position ${index + 1} is not allowed in post-dial digits: use 0-9, *, #, "," (2 s pause) or "." (mute prompts).`,
      };
    }
  }
  return { ok: true, steps, mutePrompts };
}

/** The longest post-dial string a call target carries (CallTarget.postDial). */
export const POST_DIAL_MAX_LENGTH = 64;

/**
 * Post-dial digits in words, in order: `.,1,,2#` → "silence the prompts, wait 2 s, press 1,
 * wait 4 s, press 2 #". Pause lengths follow `pauseMs` (the grammar's 2 s by default).
 */
export function describePostDial(steps: readonly PostDialStep[], mutePrompts: boolean): string {
  const words = steps.map((step) => ('digits' in step ? `press ${[...step.digits].join(' ')}` : `wait ${formatSeconds(step.pauseMs)}`));
  return [...(mutePrompts ? ['silence the prompts'] : []), ...words].join(', ');
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * What a vendor adds to the common grammar, from the limits tables its adapter and emulator
 * use. Oracle's userExtension takes the whole grammar, so only IOVOX is narrower.
 */
interface PostDialSyntax {
  allowed: RegExp;
  /** Why a string outside `allowed` cannot be sent, and how to write it instead. */
  refusal(input: string): { reason: string; hint?: string };
}

const VENDOR_POST_DIAL_SYNTAX: Partial<Record<Vendor, PostDialSyntax>> = {
  iovox: {
    allowed: IOVOX_LIMITS.keypressSuffix,
    refusal: (input) => {
      const foreign = [...new Set(input.replace(/[0-9,]/g, ''))];
      if (foreign.length > 0) {
        return {
          reason: `IOVOX post-dial digits can only be digits and "," pauses; ${foreign.map((c) => `"${c}"`).join(', ')} cannot be sent.`,
          hint: 'Remove those characters, or use a profile whose vendor supports them.',
        };
      }
      return {
        reason: 'IOVOX post-dial digits must start with "," (a 2 s pause after the answer): digits right after the number would be dialled as part of it.',
        hint: `Write ",${input}" to press ${input} 2 s after the answer.`,
      };
    },
  },
};

export type PostDialCheck =
  | { ok: true; steps: PostDialStep[]; mutePrompts: boolean; preview: string }
  | { ok: false; reason: string; hint?: string };

/**
 * Whether the selected vendor can send these post-dial digits, with a readable preview when it
 * can and the reason when it cannot. The same rules the adapter applies before sending, so the
 * composer says it first.
 */
export function checkPostDial(input: string, vendor: Vendor, capabilities: Pick<VendorCapabilities, 'postDial'>): PostDialCheck {
  if (input === '') return { ok: true, steps: [], mutePrompts: false, preview: '' };
  const { postDial } = capabilities;
  if (postDial.mode === 'none') return { ok: false, reason: postDial.explanation, hint: 'Key the digits on the phone once the call is connected.' };
  if (input.length > POST_DIAL_MAX_LENGTH) {
    return { ok: false, reason: `Post-dial digits can be at most ${POST_DIAL_MAX_LENGTH} characters; these are ${input.length}.` };
  }
  const parsed = parsePostDial(input);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  if (parsed.mutePrompts && !postDial.mutePrompts) {
    return { ok: false, reason: `"." (silence the prompts) is not supported by ${VENDOR_LABELS[vendor]}.`, hint: 'Remove the "." from the post-dial digits.' };
  }
  const syntax = VENDOR_POST_DIAL_SYNTAX[vendor];
  if (syntax && !syntax.allowed.test(input)) return { ok: false, ...syntax.refusal(input) };
  return { ok: true, steps: parsed.steps, mutePrompts: parsed.mutePrompts, preview: describePostDial(parsed.steps, parsed.mutePrompts) };
}

/** How the selected vendor delivers post-dial digits, in a few words for the composer. */
export const POST_DIAL_DELIVERY: Readonly<Record<VendorCapabilities['postDial']['mode'], string>> = {
  native: 'Sent with the call request',
  'dtmf-after-connect': 'Sent as tones once the call is answered',
  none: 'Not supported',
};
