import { useId } from 'react';
import type { ProfileSummary } from '../../../../shared/session';
import { useLinkSettings } from './useLinkSettings';

interface LinkSettingsFieldProps {
  profiles: readonly ProfileSummary[];
  /** The profile links will be dialled on when this is turned on now. */
  profileId: string;
}

/**
 * Whether tel:/callto: links are dialled at once or fill the dialer and ask first. Turning it
 * on ties it to the profile in use, which the label names.
 */
export function LinkSettingsField({ profiles, profileId }: LinkSettingsFieldProps) {
  const { settings, update } = useLinkSettings();
  const helpId = useId();
  const label = (id: string): string => profiles.find((profile) => profile.id === id)?.label ?? id;
  const on = settings?.autoDial === true;
  const where = settings?.autoDial ? label(settings.profileId) : label(profileId);
  return (
    <div className="field field--flag link-settings">
      <label>
        <input
          type="checkbox"
          checked={on}
          disabled={settings === undefined}
          aria-describedby={helpId}
          onChange={(event) => update(event.target.checked ? { autoDial: true, profileId } : { autoDial: false })}
        />{' '}
        Dial tel: links at once
      </label>
      <p id={helpId} className="help">
        {on ? `Links are dialled on ${where} without asking.` : `Links fill the dialer and ask first; turned on, they are dialled on ${where}.`}
      </p>
    </div>
  );
}
