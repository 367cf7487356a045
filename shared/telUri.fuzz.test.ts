import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostDial } from './dialString';
import { parseTelUri } from './telUri';

/**
 * tel: and callto: links come from other applications and are untrusted. Whatever the text,
 * the parser answers (never throws), and what it accepts is only ever a dialable number:
 * ASCII digits, `*` and `#` (after a `+` when global), with post-dial digits in the
 * softphone's own grammar. Everything else is refused with a reason.
 */

const piece = fc.oneof(
  fc.constantFrom('+', '1', '44', '20', '7946', '0123', '*', '#', '-', '.', '(', ')', ' ', '%20', '%2B', '%', '%zz', '%00', '%0A', ';', '=', '?', '/', '//'),
  fc.constantFrom(';ext=', ';ext=12', ';postd=', ';postd=pp1w2#', ';phone-context=', ';phone-context=+44', ';phone-context=example.com', ';isub=1', ';EXT=9', ';ext=1;ext=2'),
  fc.constantFrom('٣', '１', '＋', '\u202e', '\u200b', '\u0000', 'A', 'f', 'p', 'w', 'é', '😀', 'skype.name'),
  fc.string({ maxLength: 6 }),
);
const telLike = fc.oneof(
  fc.tuple(fc.constantFrom('tel:', 'TEL:', 'tel://', 'callto:', 'callto://', 'Callto:', ' tel:', 'sip:', 'javascript:', 'http://', ''), fc.array(piece, { maxLength: 12 })).map(
    ([scheme, parts]) => `${scheme}${parts.join('')}`,
  ),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.nat({ max: 5000 }).map((length) => `tel:+${'1'.repeat(length)}`),
);

describe('tel: links, fuzzed', () => {
  it('answers every text, and accepts only dialable numbers', () => {
    fc.assert(
      fc.property(telLike, (text) => {
        const parsed = parseTelUri(text);
        if (!parsed.ok) {
          expect(parsed.reason).not.toBe('');
          return;
        }
        expect(/^\s*(?:tel|callto):/i.test(text)).toBe(true);
        expect(['tel', 'callto']).toContain(parsed.scheme);
        if (parsed.global) expect(parsed.number).toMatch(/^\+[0-9]{1,15}$/);
        else expect(parsed.number).toMatch(/^[0-9*#]+$/);
        if (parsed.extension !== undefined) expect(parsed.extension).toMatch(/^[0-9]+$/);
        if (parsed.postDial !== undefined) {
          expect(parsed.postDial.length).toBeLessThanOrEqual(64);
          expect(parsePostDial(parsed.postDial).ok).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a number it accepted back the same way', () => {
    fc.assert(
      fc.property(telLike, (text) => {
        const parsed = parseTelUri(text);
        fc.pre(parsed.ok && parsed.global);
        if (!parsed.ok) return;
        expect(parseTelUri(`tel:${parsed.number}`)).toMatchObject({ ok: true, number: parsed.number, global: true });
      }),
      { numRuns: 300 },
    );
  });
});
