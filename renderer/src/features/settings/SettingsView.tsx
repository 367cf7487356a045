import { useId, useState } from 'react';
import { NotificationSettings } from '../notifications/NotificationSettings';
import { ShortcutSettings } from '../shortcuts/ShortcutSettings';
import { ConfigFile } from './ConfigFile';
import { Preferences } from './Preferences';
import { ProfileCard } from './ProfileCard';
import { ProfileForm } from './ProfileForm';
import { useSettings } from './useSettings';

type Editor = { mode: 'add' } | { mode: 'edit'; profileId: string } | undefined;

/** Profiles (add, edit, check, remove; secrets write-only), preferences, and the configuration file. */
export function SettingsView() {
  const ids = { title: useId(), profiles: useId() };
  const settings = useSettings();
  const [editor, setEditor] = useState<Editor>();
  const [focusId, setFocusId] = useState<string | undefined>();
  const [notice, setNotice] = useState('');

  if (settings.isError) return <p role="alert">The settings could not be read: {settings.error.message}</p>;
  if (!settings.data) return <p aria-busy="true">Reading the settings…</p>;
  const view = settings.data;
  const editing = editor?.mode === 'edit' ? view.profiles.find((profile) => profile.id === editor.profileId) : undefined;

  return (
    <section className="settings" aria-labelledby={ids.title}>
      <h2 id={ids.title} tabIndex={-1}>
        Settings
      </h2>
      {view.problems.length > 0 && (
        <div className="settings__problems">
          <p>Some stored settings could not be used and were left out:</p>
          <ul>
            {view.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <section className="settings__section" aria-labelledby={ids.profiles}>
        <h3 id={ids.profiles}>Profiles</h3>
        <p className="help">{view.provisioning}</p>
        <p className="help" role="status">
          {notice}
        </p>
        {view.profiles.map((profile) => (
          <ProfileCard
            key={profile.id}
            profile={profile}
            sandbox={view.sandbox}
            focus={focusId === profile.id}
            onEdit={() => setEditor({ mode: 'edit', profileId: profile.id })}
            onRemoved={() => {
              setNotice(`${profile.label} was removed.`);
              if (editor?.mode === 'edit' && editor.profileId === profile.id) setEditor(undefined);
            }}
          />
        ))}
        {editor === undefined && (
          <button type="button" className="primary" onClick={() => setEditor({ mode: 'add' })}>
            Add profile
          </button>
        )}
        {(editor?.mode === 'add' || editing) && (
          <ProfileForm
            key={editing?.id ?? 'add'}
            forms={view.forms}
            {...(editing ? { editing } : {})}
            onSaved={(profileId) => {
              setEditor(undefined);
              setNotice(`Profile ${profileId} saved. Use “Sign in and check” to try it.`);
              setFocusId(profileId);
            }}
            onCancel={() => setEditor(undefined)}
          />
        )}
      </section>
      <Preferences defaultCountry={view.defaultCountry} theme={view.theme} />
      <ShortcutSettings saved={view.shortcuts} globalStatus={view.globalShortcuts} />
      <NotificationSettings enabled={view.notifications} />
      <ConfigFile />
    </section>
  );
}
