import { describe, expect, it } from 'vitest';
import type { Vendor } from './callModel';
import { checkPostDial, describePostDial, parsePostDial, type PostDialCheck, type PostDialParse } from './dialString';
import { VENDOR_CAPABILITIES } from './vendors';

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

describe('describePostDial', () => {
  const cases: Array<[string, string]> = [
    ['', ''],
    ['1', 'press 1'],
    [',1,,2#', 'wait 2 s, press 1, wait 4 s, press 2 #'],
    ['*0#', 'press * 0 #'],
    ['.,123', 'silence the prompts, wait 2 s, press 1 2 3'],
    [',,,', 'wait 6 s'],
  ];
  it.each(cases)('%j → %j', (input, words) => {
    const parsed = parsePostDial(input);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(describePostDial(parsed.steps, parsed.mutePrompts)).toBe(words);
  });

  it('says the pause length it was given', () => {
    expect(describePostDial([{ pauseMs: 500 }, { digits: '1' }], false)).toBe('wait 0.5 s, press 1');
  });
});

describe('checkPostDial: the composer, per vendor', () => {
  const ok = (preview: string): Partial<PostDialCheck> => ({ ok: true, preview });
  const no = (reason: RegExp | string): { ok: false; reason: unknown } => ({ ok: false, reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) });
  // [vendor, input, expected]
  const cases: Array<[Vendor, string, object]> = [
    // Oracle: userExtension takes the whole grammar, "." included.
    ['oracle', '123', ok('press 1 2 3')],
    ['oracle', ',1,,2#', ok('wait 2 s, press 1, wait 4 s, press 2 #')],
    ['oracle', '.,1', ok('silence the prompts, wait 2 s, press 1')],
    ['oracle', '1a', no(/"a" at position 2 is not allowed/)],
    // IOVOX: a suffix on call_destination, digits and commas only, starting with a comma.
    ['iovox', ',1,,2', ok('wait 2 s, press 1, wait 4 s, press 2')],
    ['iovox', '1', no(/must start with ","/)],
    ['iovox', ',1#', no('IOVOX post-dial digits can only be digits and "," pauses; "#" cannot be sent.')],
    ['iovox', '.,1', no(/not supported by IOVOX/)],
    // Genesys and Huawei: tones after the call connects, pauses timed by the softphone.
    ['genesys', ',1,,2#', ok('wait 2 s, press 1, wait 4 s, press 2 #')],
    ['genesys', '*9', ok('press * 9')],
    ['genesys', '.1', no('"." (silence the prompts) is not supported by Genesys Web Services.')],
    ['huawei', '1,2', ok('press 1, wait 2 s, press 2')],
    ['huawei', '.1', no('"." (silence the prompts) is not supported by Huawei CC-Gateway.')],
    // Vonage: no way to send them at all.
    ['vonage', '1', no(VENDOR_CAPABILITIES.vonage.postDial.explanation)],
  ];
  it.each(cases)('%s: %j', (vendor, input, expected) => {
    expect(checkPostDial(input, vendor, VENDOR_CAPABILITIES[vendor])).toMatchObject(expected);
  });

  it('accepts nothing typed on every vendor, Vonage included', () => {
    for (const vendor of Object.keys(VENDOR_CAPABILITIES) as Vendor[]) {
      expect(checkPostDial('', vendor, VENDOR_CAPABILITIES[vendor])).toEqual({ ok: true, steps: [], mutePrompts: false, preview: '' });
    }
  });

  it('refuses more than a call target can carry', () => {
    expect(checkPostDial('1'.repeat(65), 'genesys', VENDOR_CAPABILITIES.genesys)).toEqual({ ok: false, reason: 'Post-dial digits can be at most 64 characters; these are 65.' });
  });

  it('tells IOVOX users how to write what they meant', () => {
    expect(checkPostDial('12', 'iovox', VENDOR_CAPABILITIES.iovox)).toMatchObject({ hint: 'Write ",12" to press 12 2 s after the answer.' });
  });
});
