import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { typesText, parseCombo } from '../../../../shared/shortcuts/keyCombo';
import type { GlobalShortcutStatus } from '../../../../shared/shortcuts/globalShortcutStatus';
import { APP_ACTIONS, GLOBAL_ACTIONS, SHORTCUTS, type ShortcutAction, type ShortcutBindings } from '../../../../shared/shortcuts/shortcutActions';
import { ShortcutKeys } from './ShortcutKeys';

interface ShortcutDialogProps {
  bindings: ShortcutBindings;
  globalStatus: GlobalShortcutStatus | undefined;
  onClose(): void;
  /** Closes the list and opens Settings at the shortcuts. */
  onChange(): void;
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

const outsideTextOnly = (keys: string): boolean => {
  const parsed = keys === '' ? undefined : parseCombo(keys);
  return parsed?.ok === true && typesText(parsed.combo);
};

function Rows({ actions, bindings, refused }: { actions: readonly ShortcutAction[]; bindings: ShortcutBindings; refused: readonly ShortcutAction[] }) {
  return (
    <>
      {actions.map((action) => (
        <tr key={action}>
          <th scope="row">{SHORTCUTS[action].label}</th>
          <td>
            <ShortcutKeys keys={bindings[action]} />
            {outsideTextOnly(bindings[action]) && <span className="help"> (outside text boxes)</span>}
            {refused.includes(action) && <span className="help"> (refused by the system)</span>}
          </td>
        </tr>
      ))}
    </>
  );
}

/**
 * The list of shortcuts (`?`): a modal dialog. Focus goes to "Close", stays inside
 * (Tab wraps), and returns where it was when Escape or "Close" closes it.
 */
export function ShortcutDialog({ bindings, globalStatus, onClose, onChange }: ShortcutDialogProps) {
  const titleId = useId();
  const noteId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    closeRef.current?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const refused = globalStatus?.refused ?? [];
  const globalNote = globalStatus && globalStatus.state !== 'active' ? globalStatus.note : undefined;
  return (
    <dialog
      ref={dialogRef}
      className="shortcut-dialog"
      aria-labelledby={titleId}
      aria-describedby={globalNote ? noteId : undefined}
      onKeyDown={trapTab}
      // Escape: the browser cancels the dialog; the app decides what closing means.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="shortcut-dialog__header">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <div className="shortcut-dialog__actions">
          <button type="button" className="primary" onClick={onChange}>
            Change shortcuts
          </button>
          <button ref={closeRef} type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <table className="shortcut-table">
        <caption>In the softphone</caption>
        <colgroup>
          <col />
          <col className="shortcut-table__keys" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          <Rows actions={APP_ACTIONS} bindings={bindings} refused={[]} />
        </tbody>
      </table>
      <table className="shortcut-table">
        <caption>Everywhere (desktop app)</caption>
        <colgroup>
          <col />
          <col className="shortcut-table__keys" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          <Rows actions={GLOBAL_ACTIONS} bindings={bindings} refused={refused} />
        </tbody>
      </table>
      {globalNote && (
        <p id={noteId} className="shortcut-note">
          {globalNote}
        </p>
      )}
      <p className="help">Enter in the number box also calls; Escape closes this list and other dialogs.</p>
    </dialog>
  );
}
