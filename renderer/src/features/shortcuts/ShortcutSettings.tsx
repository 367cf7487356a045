import { useId, useMemo, useState } from 'react';
import { checkBindings, defaultBindings, firstProblem } from '../../../../shared/shortcuts/bindingRules';
import type { GlobalShortcutStatus } from '../../../../shared/shortcuts/globalShortcutStatus';
import { APP_ACTIONS, GLOBAL_ACTIONS, SHORTCUTS, type ShortcutAction, type ShortcutBindings } from '../../../../shared/shortcuts/shortcutActions';
import { softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';
import { alertFrom } from '../settings/useSettings';
import { ShortcutRecorder } from './ShortcutRecorder';

interface ShortcutSettingsProps {
  saved: ShortcutBindings;
  globalStatus: GlobalShortcutStatus;
}

/** The id of an action's recorder, so the shortcut list's "Change shortcuts" can land on the first one. */
export const shortcutFieldId = (action: ShortcutAction): string => `shortcut-${action}`;

/**
 * Settings → Keyboard shortcuts: each action's keys, recorded by pressing them, checked as
 * they are pressed (reserved keys, keys for two actions, global keys that would take typing
 * from other applications); saved together, or not at all while one has a problem.
 */
export function ShortcutSettings({ saved, globalStatus }: ShortcutSettingsProps) {
  const ids = { title: useId(), help: useId(), app: useId(), global: useId(), globalNote: useId(), status: useId() };
  const messageId = useId();
  const [draft, setDraft] = useState<ShortcutBindings>(saved);
  const [status, setStatus] = useState('');
  const alert = useLive((s) => s.alert);
  const checks = useMemo(() => checkBindings(draft), [draft]);

  const setKeys = (action: ShortcutAction, keys: string): void => {
    setDraft((current) => ({ ...current, [action]: keys }));
    setStatus('');
  };

  const save = async (): Promise<void> => {
    const problem = firstProblem(checks);
    if (problem) {
      setStatus(`Not saved: ${SHORTCUTS[problem.action].label}: ${problem.problem}`);
      document.getElementById(shortcutFieldId(problem.action))?.focus();
      return;
    }
    try {
      await unwrap(softphone['settings.preferences.set']({ shortcuts: draft }));
      setStatus('Shortcuts saved.');
    } catch (error) {
      alert(alertFrom(error));
    }
  };

  const row = (action: ShortcutAction) => {
    const check = checks[action];
    const message = check?.problem ?? check?.note;
    const rowMessageId = `${messageId}-${action}`;
    return (
      <div key={action} className="field shortcut-row">
        <label htmlFor={shortcutFieldId(action)}>{SHORTCUTS[action].label}</label>
        <ShortcutRecorder
          id={shortcutFieldId(action)}
          keys={draft[action]}
          describedBy={message ? `${ids.help} ${rowMessageId}` : ids.help}
          invalid={Boolean(check?.problem)}
          onKeys={(keys) => setKeys(action, keys)}
          onRevert={() => setKeys(action, saved[action])}
        />
        {message && (
          <small id={rowMessageId} className={check?.problem ? 'field-error shortcut-row__message' : 'help shortcut-row__message'}>
            {message}
          </small>
        )}
      </div>
    );
  };

  return (
    <section className="settings__section" aria-labelledby={ids.title}>
      <h3 id={ids.title}>Keyboard shortcuts</h3>
      <p id={ids.help} className="help">
        Go to a box and press the new keys. Backspace removes a shortcut, Escape puts back the saved one, Tab moves on. Keys with Ctrl, Alt or Meta work everywhere in the app; a single key such as ? works when the focus is not in a text box.
      </p>
      <fieldset className="shortcut-group" aria-labelledby={ids.app}>
        <legend id={ids.app}>In the softphone</legend>
        {APP_ACTIONS.map(row)}
      </fieldset>
      <fieldset className="shortcut-group" aria-labelledby={ids.global} aria-describedby={globalStatus.note ? ids.globalNote : undefined}>
        <legend id={ids.global}>Everywhere (desktop app)</legend>
        {globalStatus.note && (
          <p id={ids.globalNote} className={globalStatus.state === 'active' ? 'help' : 'shortcut-note'}>
            {globalStatus.note}
          </p>
        )}
        {GLOBAL_ACTIONS.map(row)}
      </fieldset>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save shortcuts
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(defaultBindings());
            setStatus('The default shortcuts are back; save to keep them.');
          }}
        >
          Restore defaults
        </button>
      </div>
      <p id={ids.status} className="help" role="status">
        {status}
      </p>
    </section>
  );
}
