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
