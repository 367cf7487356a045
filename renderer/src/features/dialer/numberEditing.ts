import { formatAsTyped, keypadDigits } from '../../../../shared/phoneNumber';

/** The number box's text and where the caret is in it. */
export interface NumberFieldState {
  value: string;
  caret: number;
}

/**
 * The characters that make up the number (digits, `*`, `#`, a leading `+`; keypad letters
 * count as their digits). Everything else is formatting, which the field owns and redraws.
 */
function dialChars(text: string): string[] {
  const chars: string[] = [];
  for (const char of keypadDigits(text)) {
    if (/[0-9*#]/.test(char) || (char === '+' && chars.length === 0)) chars.push(char);
  }
  return chars;
}

export function dialStringOf(text: string): string {
  return dialChars(text).join('');
}

function dialCharsBefore(value: string, caret: number): number {
  return dialChars(value.slice(0, caret)).length;
}

/** The position just after the `count`-th number character of `formatted` (0 → the start). */
function caretAfter(formatted: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (const [index, char] of [...formatted].entries()) {
    if (/[0-9*#+]/.test(char)) seen += 1;
    if (seen === count) return index + 1;
  }
  return formatted.length;
}

function layout(dialString: string, countBeforeCaret: number, country: string): NumberFieldState {
  const value = formatAsTyped(dialString, country);
  return { value, caret: caretAfter(value, countBeforeCaret) };
}

/**
 * The field after the user edited it: formatted as they type, with the caret kept between the
 * same number characters, so editing in the middle or pasting never throws it to the end.
 * Deleting only a space or bracket that the formatting put there would change nothing (the
 * formatting would put it back), so it deletes the digit beyond it instead.
 */
export function applyEdit(previous: string, next: NumberFieldState, inputType: string, country: string): NumberFieldState {
  const before = dialChars(previous);
  const after = dialChars(next.value);
  const count = dialCharsBefore(next.value, next.caret);
  if (inputType.startsWith('delete') && after.join('') === before.join('') && next.value.length < previous.length) {
    const removeAt = inputType.endsWith('Forward') ? count : count - 1;
    if (removeAt < 0 || removeAt >= after.length) return layout(after.join(''), count, country);
    after.splice(removeAt, 1);
    return layout(after.join(''), removeAt, country);
  }
  return layout(after.join(''), count, country);
}

/** Text inserted over the selection (a keypad key, a cleaned paste). */
export function insertText(current: string, selection: { start: number; end: number }, text: string, country: string): NumberFieldState {
  const raw = current.slice(0, selection.start) + text + current.slice(selection.end);
  const count = dialCharsBefore(current, selection.start) + dialChars(text).length;
  return layout(dialStringOf(raw), Math.min(count, dialChars(raw).length), country);
}

/** The same number drawn for another country's formatting. */
export function reformat(current: string, country: string): string {
  return formatAsTyped(dialStringOf(current), country);
}
