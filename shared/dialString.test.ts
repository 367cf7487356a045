import { describe, expect, it } from 'vitest';
import { parsePostDial, type PostDialParse } from './dialString';

describe('parsePostDial', () => {
  const cases: Array<[string, PostDialParse]> = [
    ['', { ok: true, steps: [], mutePrompts: false }],
    ['1', { ok: true, steps: [{ digits: '1' }], mutePrompts: false }],
    ['12#', { ok: true, steps: [{ digits: '12#' }], mutePrompts: false }],
    ['*0#', { ok: true, steps: [{ digits: '*0#' }], mutePrompts: false }],
    ['1,2#', { ok: true, steps: [{ digits: '1' }, { pauseMs: 2000 }, { digits: '2#' }], mutePrompts: false }],
    [',,1,,234#', { ok: true, steps: [{ pauseMs: 4000 }, { digits: '1' }, { pauseMs: 4000 }, { digits: '234#' }], mutePrompts: false }],
    ['1,', { ok: true, steps: [{ digits: '1' }, { pauseMs: 2000 }], mutePrompts: false }],
    ['.1,2', { ok: true, steps: [{ digits: '1' }, { pauseMs: 2000 }, { digits: '2' }], mutePrompts: true }],
    ['1.2', { ok: true, steps: [{ digits: '12' }], mutePrompts: true }],
    ['12a', { ok: false, reason: '"a" at position 3 is not allowed in post-dial digits: use 0-9, *, #, "," (2 s pause) or "." (mute prompts).' }],
    ['1 2', { ok: false, reason: '" " at position 2 is not allowed in post-dial digits: use 0-9, *, #, "," (2 s pause) or "." (mute prompts).' }],
    ['p1', { ok: false, reason: '"p" at position 1 is not allowed in post-dial digits: use 0-9, *, #, "," (2 s pause) or "." (mute prompts).' }],
    ['+1', { ok: false, reason: '"+" at position 1 is not allowed in post-dial digits: use 0-9, *, #, "," (2 s pause) or "." (mute prompts).' }],
  ];

  it.each(cases)('%j', (input, expected) => {
    expect(parsePostDial(input)).toEqual(expected);
  });

  it('uses the given length for one pause', () => {
    expect(parsePostDial('1,,2', { pauseMs: 50 })).toEqual({
      ok: true,
      steps: [{ digits: '1' }, { pauseMs: 100 }, { digits: '2' }],
      mutePrompts: false,
    });
  });
});
