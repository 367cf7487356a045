import { useId, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type FormEvent, type RefObject } from 'react';
import { cleanPastedNumber, normalizeNumber, wireNumber, type NumberFormat } from '../../../../shared/phoneNumber';
import { looksLikeTelUri, parseTelUri } from '../../../../shared/telUri';
import { countryName, countryOptions } from './countries';
import { Keypad } from './Keypad';
import { applyEdit, insertText, reformat, type NumberFieldState } from './numberEditing';

interface PhoneNumberFieldProps {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onValue(value: string): void;
  /** The country national numbers are read in, for this session. */
  country: string;
  onCountry(country: string): void;
  /** Where the vendor dials from (the configured default country). */
  homeCountry: string;
  numberFormat: NumberFormat;
  vendorLabel: string;
  /** A pasted number came with an extension or tones. */
  onPastedPostDial(postDial: string): void;
  /** A pasted link could not be read. */
  onPasteProblem(message: string): void;
  /** The id of the message saying what is wrong with the number, when something is. */
  errorId: string | undefined;
}

/**
 * The number box: formatted as the agent types (libphonenumber's AsYouType), pastes cleaned,
 * read in a country the agent can change, with the E.164 result, its country, whether it is
 * valid, and what the vendor will be sent.
 */
export function PhoneNumberField(props: PhoneNumberFieldProps) {
  const { id, inputRef, value, onValue, country, onCountry, homeCountry, numberFormat, vendorLabel, onPastedPostDial, onPasteProblem, errorId } = props;
  const countryId = useId();
  const helpId = useId();
  const keypadId = useId();
  const [keypadOpen, setKeypadOpen] = useState(false);
  // Where the caret goes once React has drawn the new value.
  const caret = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (caret.current === undefined || !input) return;
    input.setSelectionRange(caret.current, caret.current);
    caret.current = undefined;
  }, [value, inputRef]);

  const show = (next: NumberFieldState): void => {
    caret.current = next.caret;
    onValue(next.value);
  };
  const selection = (): { start: number; end: number } => {
    const input = inputRef.current;
    return { start: input?.selectionStart ?? value.length, end: input?.selectionEnd ?? value.length };
  };

  const onInput = (event: FormEvent<HTMLInputElement>): void => {
    const input = event.currentTarget;
    const inputType = (event.nativeEvent as InputEvent).inputType ?? 'insertText';
    show(applyEdit(value, { value: input.value, caret: input.selectionStart ?? input.value.length }, inputType, country));
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>): void => {
    event.preventDefault();
    const text = event.clipboardData.getData('text');
    let pasted: { number: string; postDial?: string };
    if (looksLikeTelUri(text)) {
      const link = parseTelUri(text);
      if (!link.ok) {
        onPasteProblem(`The pasted link was not used: ${link.reason}`);
        return;
      }
      pasted = { number: link.number, ...(link.postDial ? { postDial: link.postDial } : {}) };
    } else {
      pasted = cleanPastedNumber(text, country);
    }
    show(insertText(value, selection(), pasted.number, country));
    if (pasted.postDial) onPastedPostDial(pasted.postDial);
  };

  const pressKey = (key: string): void => show(insertText(value, selection(), key, country));
  const deleteBack = (): void => {
    const { start, end } = selection();
    const from = start === end ? Math.max(0, start - 1) : start;
    show(applyEdit(value, { value: value.slice(0, from) + value.slice(end), caret: from }, 'deleteContentBackward', country));
  };

  const help = useMemo(() => describeNumber(value, country, homeCountry, numberFormat, vendorLabel), [value, country, homeCountry, numberFormat, vendorLabel]);

  return (
    <div className="number-field">
      <div className="number-field__row">
        <div className="field field--country">
          <label htmlFor={countryId}>Country</label>
          <select
            id={countryId}
            value={country}
            onChange={(event) => {
              onCountry(event.target.value);
              onValue(reformat(value, event.target.value));
            }}
          >
            {countryOptions().map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--number">
          <label htmlFor={id}>Phone number</label>
          <input
            id={id}
            ref={inputRef}
            type="tel"
            autoComplete="off"
            // The dialer is the app's first screen: the agent types the number at once.
            autoFocus
            value={value}
            aria-invalid={errorId !== undefined}
            aria-describedby={errorId ? `${helpId} ${errorId}` : helpId}
            onChange={onInput}
            onPaste={onPaste}
          />
        </div>
      </div>
      <p id={helpId} className="help number-field__help">
        {help}
      </p>
      <button type="button" className="link keypad-toggle" aria-expanded={keypadOpen} aria-controls={keypadId} onClick={() => setKeypadOpen((open) => !open)}>
        {keypadOpen ? 'Hide keypad' : 'Show keypad'}
      </button>
      {keypadOpen && <Keypad id={keypadId} onKey={pressKey} onDelete={deleteBack} />}
    </div>
  );
}

/** The line under the number: what it resolves to, where, how sure we are, and what the vendor gets. */
function describeNumber(value: string, country: string, homeCountry: string, numberFormat: NumberFormat, vendorLabel: string): string {
  if (value.trim() === '') return `Numbers without + are read as ${countryName(country)} numbers.`;
  const normalized = normalizeNumber(value, country);
  const wire = wireNumber({ input: value, number: normalized.number }, numberFormat, homeCountry);
  const sent = wire !== normalized.number ? ` Sent to ${vendorLabel} as ${wire}.` : '';
  if (!normalized.e164) {
    const needsInternational = numberFormat === 'e164' || numberFormat === 'e164-digits';
    return `Dialled as ${normalized.number || '—'}: not a public number in ${countryName(country)}${
      needsInternational ? `, and ${vendorLabel} dials public numbers only (add the country code).` : '; internal numbers and short codes are fine.'
    }`;
  }
  const where = normalized.country ? ` · ${countryName(normalized.country)}` : '';
  const certainty = normalized.valid ? 'valid number' : 'possible number, but not in a known range: check it';
  return `${normalized.display}${where} · ${certainty}.${sent}`;
}
