const KEYS: ReadonlyArray<{ key: string; letters?: string; name?: string }> = [
  { key: '1' },
  { key: '2', letters: 'ABC' },
  { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' },
  { key: '5', letters: 'JKL' },
  { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' },
  { key: '8', letters: 'TUV' },
  { key: '9', letters: 'WXYZ' },
  { key: '*', name: 'Star' },
  { key: '0' },
  { key: '#', name: 'Hash' },
  { key: '+', name: 'Plus' },
];

interface KeypadProps {
  id: string;
  onKey(key: string): void;
  onDelete(): void;
}

/**
 * Keys for mouse and touch users. A pointer press does not take focus from the number box, so
 * the caret stays where the user put it; keyboard users can type into the box directly.
 */
export function Keypad({ id, onKey, onDelete }: KeypadProps) {
  return (
    <div id={id} className="keypad" role="group" aria-label="Keypad">
      {KEYS.map(({ key, letters, name }) => (
        <button
          key={key}
          type="button"
          className="keypad__key"
          aria-label={name ?? key}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onKey(key)}
        >
          <span aria-hidden="true">{key}</span>
          {letters && (
            <small aria-hidden="true" className="keypad__letters">
              {letters}
            </small>
          )}
        </button>
      ))}
      <button type="button" className="keypad__key keypad__key--wide" aria-label="Delete the digit before the cursor" onMouseDown={(event) => event.preventDefault()} onClick={onDelete}>
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
  );
}
