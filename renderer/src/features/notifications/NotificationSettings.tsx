import { useId, useState } from 'react';
import { softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';
import { alertFrom } from '../settings/useSettings';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

const PERMISSION_WORDS: Record<Permission, string> = {
  granted: 'Desktop notifications are allowed.',
  default: 'This browser asks before a page may show desktop notifications.',
  denied: 'Desktop notifications are blocked for this page; allow them in the browser’s site settings.',
  unsupported: 'This browser cannot show desktop notifications.',
};

/**
 * Settings → Notifications: on or off (saved at once), and, in a browser, the permission,
 * asked only when the agent presses the button (browsers refuse a request without one).
 */
export function NotificationSettings({ enabled }: { enabled: boolean }) {
  const ids = { title: useId(), help: useId() };
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const [saved, setSaved] = useState('');
  const alert = useLive((s) => s.alert);

  const save = async (on: boolean): Promise<void> => {
    try {
      await unwrap(softphone['settings.preferences.set']({ notifications: on }));
      setSaved(on ? 'Notifications are on.' : 'Notifications are off.');
    } catch (error) {
      alert(alertFrom(error));
    }
  };

  return (
    <section className="settings__section" aria-labelledby={ids.title}>
      <h3 id={ids.title}>Notifications</h3>
      <div className="field field--flag">
        <label>
          <input type="checkbox" checked={enabled} aria-describedby={ids.help} onChange={(event) => void save(event.target.checked)} /> Notify me when a call connects or fails
          while the softphone is in the background
        </label>
        <small id={ids.help} className="help">
          Silent, and at most one every few seconds: a burst of calls is summed up in one notification. {PERMISSION_WORDS[permission]}
        </small>
      </div>
      {permission === 'default' && (
        <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Allow desktop notifications
        </button>
      )}
      <p className="help" role="status">
        {saved}
      </p>
    </section>
  );
}
