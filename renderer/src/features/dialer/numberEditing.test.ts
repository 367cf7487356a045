import { describe, expect, it } from 'vitest';
import { applyEdit, dialStringOf, insertText, reformat, type NumberFieldState } from './numberEditing';

/** `|` marks the caret. */
function field(marked: string): NumberFieldState {
  const caret = marked.indexOf('|');
  return { value: marked.replace('|', ''), caret };
}
function marked(state: NumberFieldState): string {
  return `${state.value.slice(0, state.caret)}|${state.value.slice(state.caret)}`;
}

describe('applyEdit: formatting as the user types, without fighting the caret', () => {
  // [before, after the browser applied the keystroke (caret marked), inputType, country, expected]
  const cases: Array<[string, string, string, string, string]> = [
    ['', '0|', 'insertText', 'GB', '0|'],
    ['020', '0207|', 'insertText', 'GB', '020 7|'],
    ['020 7206 888', '020 7206 8888|', 'insertText', 'GB', '020 7206 8888|'],
    ['(213) 373-425', '(213) 373-4253|', 'insertText', 'US', '(213) 373-4253|'],
    // Typing in the middle keeps the caret after the typed digit, not at the end.
    ['020 7206', '020 71|206', 'insertText', 'GB', '020 71|20 6'],
    // Too long to format: the digits stay, and so does the caret.
    ['020 7206 8888', '020 71|206 8888', 'insertText', 'GB', '02071|2068888'],
    ['(213) 373-4253', '(2193|) 373-4253', 'insertText', 'US', '2193|3734253'],
    // Backspace over a space the formatting put there deletes the digit before it.
    ['020 7206 8888', '020|7206 8888', 'deleteContentBackward', 'GB', '02|7 2068 888'],
    ['(213) 373-4253', '(213) 373|4253', 'deleteContentBackward', 'US', '(213) 37|4-253'],
    // Delete (forward) over a space deletes the digit after it.
    ['020 7206 8888', '020|7206 8888', 'deleteContentForward', 'GB', '020| 2068 888'],
    // Ordinary deletion of a digit.
    ['020 7206 8888', '020 7206 888|', 'deleteContentBackward', 'GB', '020 7206 888|'],
    ['020 7206 8888', '|', 'deleteContentBackward', 'GB', '|'],
    // Letters typed on a keypad are the digits they sit on; other characters are dropped.
    ['1800', '1800F|', 'insertText', 'US', '1 (800) 3|'],
    ['5001', '5001!|', 'insertText', 'GB', '5001|'],
    // Internal numbers and service codes are left as typed.
    ['500', '5001|', 'insertText', 'GB', '5001|'],
    ['*6', '*67|', 'insertText', 'US', '*67|'],
    // A + only counts at the start.
    ['', '+|', 'insertText', 'GB', '+|'],
    ['+4', '+44|', 'insertText', 'GB', '+44|'],
    ['44', '4+|4', 'insertText', 'GB', '4|4'],
  ];

  it.each(cases)('%j → %j (%s, %s)', (before, after, inputType, country, expected) => {
    expect(marked(applyEdit(before, field(after), inputType, country))).toBe(expected);
  });
});

describe('insertText: keypad keys and pastes over the selection', () => {
  it.each([
    ['', { start: 0, end: 0 }, '02072068888', 'GB', '020 7206 8888|'],
    ['020 7206 8888', { start: 0, end: 13 }, '+12133734253', 'GB', '+1 213 373 4253|'],
    ['020 7206', { start: 3, end: 3 }, '1', 'GB', '020 1|720 6'],
    ['020 7206 8888', { start: 13, end: 13 }, '#', 'GB', '02072068888#|'],
  ])('%j, %j, + %j', (current, selection, text, country, expected) => {
    expect(marked(insertText(current, selection, text, country))).toBe(expected);
  });
});

describe('dialStringOf and reformat', () => {
  it('reads the number out of the formatted text', () => {
    expect(dialStringOf('(213) 373-4253')).toBe('2133734253');
    expect(dialStringOf('+44 20 7206 8888')).toBe('+442072068888');
  });

  it('redraws the same digits for another country', () => {
    expect(reformat('2133734253', 'US')).toBe('(213) 373-4253');
    expect(reformat('(213) 373-4253', 'GB')).toBe('2133734253');
  });
});
