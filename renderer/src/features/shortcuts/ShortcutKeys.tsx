import { Fragment } from 'react';

/** A binding as keys to press: <kbd>Alt</kbd>+<kbd>N</kbd>, or "None". */
export function ShortcutKeys({ keys }: { keys: string }) {
  if (keys === '') return <span className="shortcut-keys shortcut-keys--none">None</span>;
  const parts = keys.split('+').map((part) => (part === 'Plus' ? '+' : part));
  return (
    <span className="shortcut-keys">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && '+'}
          <kbd>{part}</kbd>
        </Fragment>
      ))}
    </span>
  );
}
