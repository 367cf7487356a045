import { useId, useState } from 'react';
import { THEMES, type Preferences as PreferencesChange, type Theme } from '../../../../shared/settings';
import { softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';
import { countryOptions } from '../dialer/countries';
import { alertFrom } from './useSettings';

const THEME_WORDS: Record<Theme, string> = {
  system: 'System (follows this computer)',
  light: 'Light',
  dark: 'Dark',
};

/** Default country for numbers typed without +, and the theme. Each change is saved at once. */
export function Preferences({ defaultCountry, theme }: { defaultCountry: string; theme: Theme }) {
  const ids = { title: useId(), country: useId(), countryHelp: useId() };
  const [saved, setSaved] = useState('');
  const alert = useLive((s) => s.alert);

  const save = async (change: PreferencesChange, what: string): Promise<void> => {
    try {
      await unwrap(softphone['settings.preferences.set'](change));
      setSaved(`${what} saved.`);
    } catch (error) {
      alert(alertFrom(error));
    }
  };

  return (
    <section className="settings__section" aria-labelledby={ids.title}>
      <h3 id={ids.title}>Preferences</h3>
      <div className="field">
        <label htmlFor={ids.country}>Default country</label>
        <select id={ids.country} value={defaultCountry} aria-describedby={ids.countryHelp} onChange={(event) => void save({ defaultCountry: event.target.value }, 'Default country')}>
          {countryOptions().map((country) => (
            <option key={country.code} value={country.code}>
              {country.label}
            </option>
          ))}
        </select>
        <small id={ids.countryHelp} className="help">
          The dialer reads numbers typed without + as numbers of this country.
        </small>
      </div>
      <fieldset className="field" role="radiogroup" aria-label="Theme">
        <legend>Theme</legend>
        {THEMES.map((choice) => (
          <label key={choice}>
            <input type="radio" name="theme" checked={theme === choice} onChange={() => void save({ theme: choice }, 'Theme')} /> {THEME_WORDS[choice]}
          </label>
        ))}
      </fieldset>
      <p className="help" role="status">
        {saved}
      </p>
    </section>
  );
}
