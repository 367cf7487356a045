import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VENDORS } from './callModel';
import { checkPostDial, describePostDial, parsePostDial, POST_DIAL_MAX_LENGTH, POST_DIAL_PAUSE_MS } from './dialString';
import { VENDOR_CAPABILITIES } from './vendors';

/** The post-dial grammar reads any text: it splits what it allows exactly, and names the first thing it does not. */

const GRAMMAR = ['0', '1', '5', '9', '*', '#', ',', '.'];
const postDialText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...GRAMMAR), maxLength: 80 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...GRAMMAR), fc.constantFrom('p', 'w', ' ', '+', ';', 'A', '٣', '\u0000', '\u202e', '😀')), maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('post-dial grammar, fuzzed', () => {
  it('accepts exactly the grammar and splits it into alternating tones and pauses that say the same', () => {
    fc.assert(
      fc.property(postDialText, fc.integer({ min: 1, max: 10_000 }), (input, pauseMs) => {
        const parsed = parsePostDial(input, { pauseMs });
        const chars = [...input];
        const firstForeign = chars.findIndex((char) => !GRAMMAR.includes(char) && !/^[0-9]$/.test(char));
        if (firstForeign >= 0) {
          expect(parsed).toEqual({ ok: false, reason: expect.stringContaining(`"${chars[firstForeign]}" at position ${firstForeign + 1}`) });
          return;
        }
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.mutePrompts).toBe(input.includes('.'));
        expect(parsed.steps.flatMap((step) => ('digits' in step ? [step.digits] : [])).join('')).toBe(input.replace(/[,.]/g, ''));
        expect(parsed.steps.reduce((sum, step) => sum + ('pauseMs' in step ? step.pauseMs : 0), 0)).toBe((input.match(/,/g) ?? []).length * pauseMs);
        parsed.steps.forEach((step, index) => {
          if ('digits' in step) expect(step.digits).not.toBe('');
          const next = parsed.steps[index + 1];
          if (next) expect('digits' in next).not.toBe('digits' in step);
        });
        expect(typeof describePostDial(parsed.steps, parsed.mutePrompts)).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('uses the grammar’s 2 s pause unless told otherwise', () => {
    expect(parsePostDial(',')).toEqual({ ok: true, steps: [{ pauseMs: POST_DIAL_PAUSE_MS }], mutePrompts: false });
  });

  it('lets through, for every vendor, only what that vendor can send, with a reason otherwise', () => {
    fc.assert(
      fc.property(postDialText, fc.constantFrom(...VENDORS), (input, vendor) => {
        const capabilities = VENDOR_CAPABILITIES[vendor];
        const check = checkPostDial(input, vendor, capabilities);
        if (!check.ok) {
          expect(check.reason).not.toBe('');
          return;
        }
        if (input === '') return;
        expect(capabilities.postDial.mode).not.toBe('none');
        expect(input.length).toBeLessThanOrEqual(POST_DIAL_MAX_LENGTH);
        expect(parsePostDial(input).ok).toBe(true);
        if (input.includes('.')) expect(capabilities.postDial.mutePrompts).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
