import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { VENDOR_LABELS } from '../../../../shared/callModel';
import type { SessionState, SessionStatus } from '../../../../shared/session';
import type { SecretStatus, SettingsProfile } from '../../../../shared/settings';
import { softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';
import { alertFrom } from './useSettings';

const STATUS_WORDS: Record<SessionStatus, string> = {
  'signed-out': 'Signed out',
  'signing-in': 'Signing in…',
  'signed-in': 'Signed in',
  reconnecting: 'Reconnecting…',
  'signed-out-by-vendor': 'Signed out by the vendor',
  error: 'Not signed in',
};

interface ProfileCardProps {
  profile: SettingsProfile;
  sandbox: boolean;
  /** Move focus here (the profile was just saved). */
  focus: boolean;
  onEdit(): void;
  onRemoved(): void;
}

/** One profile: where it comes from, its session, its secrets (state only), and what can be done to it. */
export function ProfileCard({ profile, sandbox, focus, onEdit, onRemoved }: ProfileCardProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const session = useLive((s) => s.sessions[profile.id]);
  const alert = useLive((s) => s.alert);
  const [checking, setChecking] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const editable = profile.origin === 'user';

  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);

  const check = async (): Promise<void> => {
    if (checking) return;
    setChecking(true);
    try {
      await unwrap(softphone['settings.profile.test']({ profileId: profile.id }));
    } catch (error) {
      alert(alertFrom(error));
    } finally {
      setChecking(false);
    }
  };

  const remove = async (): Promise<void> => {
    try {
      await unwrap(softphone['settings.profile.remove']({ profileId: profile.id }));
      onRemoved();
    } catch (error) {
      alert(alertFrom(error));
      setConfirmRemove(false);
    }
  };

  const origin = editable ? 'Added here' : sandbox ? 'Built into the sandbox — read-only' : 'From the configuration file — read-only';
  return (
    <article className="profile-card" aria-labelledby={titleId}>
      <h4 id={titleId} ref={heading} tabIndex={-1}>
        {profile.label}
      </h4>
      <p className="help">
        {VENDOR_LABELS[profile.vendor]} · id {profile.id} · {origin}
        {profile.liveCalls > 0 ? ` · ${profile.liveCalls === 1 ? 'a call' : `${profile.liveCalls} calls`} in progress` : ''}
      </p>
      <p className={`profile-card__session session--${session?.status ?? 'signed-out'}`} role="status">
        {checking ? 'Checking…' : sessionText(session)}
      </p>
      {profile.secrets.map((secret) => (
        <SecretRow key={secret.key} profile={profile} secret={secret} />
      ))}
      <div className="form-actions">
        <button type="button" aria-disabled={checking} onClick={() => void check()}>
          Sign in and check
        </button>
        {editable && (
          <button type="button" onClick={onEdit}>
            Edit
          </button>
        )}
        {editable && !confirmRemove && (
          <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
            Remove
          </button>
        )}
      </div>
      {confirmRemove && (
        <div className="confirm" role="group" aria-label={`Remove ${profile.label}?`}>
          <p>Remove {profile.label}? Its stored secrets are deleted too.</p>
          <button type="button" className="danger" autoFocus onClick={() => void remove()}>
            Remove profile
          </button>
          <button type="button" onClick={() => setConfirmRemove(false)}>
            Keep it
          </button>
        </div>
      )}
    </article>
  );
}

function sessionText(session: SessionState | undefined): string {
  if (!session) return 'Signed out';
  const words = STATUS_WORDS[session.status];
  if (session.error) {
    const vendor = session.error.vendorMessage && session.error.vendorMessage !== session.error.message ? ` Vendor said: “${session.error.vendorMessage}”.` : '';
    return `${words} — ${session.error.message}.${vendor}${session.error.hint ? ` ${session.error.hint}` : ''}`;
  }
  return session.detail && session.status !== 'signing-in' ? `${words} — ${session.detail}` : words;
}

/** "Password: set — Replace / Clear": the state of a secret, never its value; a new value goes to main once. */
function SecretRow({ profile, secret }: { profile: SettingsProfile; secret: SecretStatus }) {
  const inputId = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const alert = useLive((s) => s.alert);
  const changeable = secret.source === 'stored' || secret.source === 'none';
  const lower = secret.label.toLowerCase();

  const send = async (change: { action: 'set'; value: string } | { action: 'clear' }): Promise<void> => {
    setBusy(true);
    try {
      await unwrap(softphone['settings.secret.set']({ profileId: profile.id, field: secret.key, change }));
      setEditing(false);
    } catch (error) {
      alert(alertFrom(error));
    } finally {
      setValue('');
      setBusy(false);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (value && !busy) void send({ action: 'set', value });
  };

  const state = {
    stored: 'set (stored encrypted on this computer)',
    none: 'not set',
    env: `from the environment variable ${secret.env ?? ''}`,
    'built-in': 'built into the sandbox',
  }[secret.source];
  return (
    <div className="secret-row">
      <p>
        {secret.label}: {state}
        {changeable && !editing && (
          <>
            {' — '}
            <button type="button" className="link" aria-label={`${secret.source === 'none' ? 'Set' : 'Replace'} ${lower}`} onClick={() => setEditing(true)}>
              {secret.source === 'none' ? 'Set' : 'Replace'}
            </button>
            {secret.source === 'stored' && (
              <button type="button" className="link" aria-label={`Clear ${lower}`} disabled={busy} onClick={() => void send({ action: 'clear' })}>
                Clear
              </button>
            )}
          </>
        )}
      </p>
      {editing && (
        <form className="secret-row__form" onSubmit={submit}>
          <label htmlFor={inputId}>New {lower}</label>
          <input id={inputId} type="password" autoComplete="new-password" autoFocus value={value} onChange={(event) => setValue(event.target.value)} />
          <button type="submit" aria-disabled={busy || !value}>
            Save {lower}
          </button>
          <button
            type="button"
            onClick={() => {
              setValue('');
              setEditing(false);
            }}
          >
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
