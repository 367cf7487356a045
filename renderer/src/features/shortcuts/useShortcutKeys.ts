import { useEffect, useRef } from 'react';
import { actionFor } from '../../../../shared/shortcuts/bindingRules';
import { comboFromKey, typesText } from '../../../../shared/shortcuts/keyCombo';
import { APP_ACTIONS, type AppAction, type ShortcutBindings } from '../../../../shared/shortcuts/shortcutActions';

/** Inputs where a printable key does not type: a single-key shortcut still works there. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image', 'hidden']);

/** True where a key types (text boxes, editable content) or picks by letter (a select's type-ahead). */
export function typesInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * The in-app shortcuts: one keydown listener on the window, after the page's own handlers (a
 * key a list or the shortcut recorder used is left alone). A held key does not repeat the
 * action; a key that types is a shortcut only outside text boxes; a modal dialog keeps its keys.
 */
export function useShortcutKeys(bindings: ShortcutBindings, run: (action: AppAction) => void): void {
  const latest = useRef({ bindings, run });
  useEffect(() => {
    latest.current = { bindings, run };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat || event.isComposing) return;
      const combo = comboFromKey({
        key: event.key,
        code: event.code,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        metaKey: event.metaKey,
        altGraph: event.getModifierState('AltGraph'),
      });
      if (!combo) return;
      const action = actionFor(latest.current.bindings, combo, APP_ACTIONS);
      if (!action || (typesText(combo) && typesInto(event.target))) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current.run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
