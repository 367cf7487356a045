import type { KeyboardEvent } from 'react';
import { comboFromKey, formatCombo } from '../../../../shared/shortcuts/keyCombo';

interface ShortcutRecorderProps {
  id: string;
  keys: string;
  describedBy: string;
  invalid: boolean;
  onKeys(keys: string): void;
  /** Escape: back to the saved keys. */
  onRevert(): void;
}

const plain = (event: KeyboardEvent): boolean => !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;

/**
 * A box that records the keys pressed in it instead of typing them. Tab and Shift+Tab still
 * move on; Backspace or Delete removes the shortcut; Escape puts back the saved one.
 */
export function ShortcutRecorder({ id, keys, describedBy, invalid, onKeys, onRevert }: ShortcutRecorderProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) return;
    event.preventDefault();
    if (event.repeat) return;
    if ((event.key === 'Backspace' || event.key === 'Delete') && plain(event)) return onKeys('');
    if (event.key === 'Escape' && plain(event)) return onRevert();
    const combo = comboFromKey({
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      shiftKey: event.shiftKey,
      metaKey: event.metaKey,
      altGraph: event.getModifierState('AltGraph'),
    });
    if (combo) onKeys(formatCombo(combo));
  };
  return (
    <input
      id={id}
      type="text"
      className="shortcut-recorder"
      autoComplete="off"
      spellCheck={false}
      value={keys === '' ? 'None' : keys}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      onKeyDown={onKeyDown}
      // Keys are recorded, never typed or pasted.
      onChange={() => undefined}
      onPaste={(event) => event.preventDefault()}
    />
  );
}
