import type { SessionStatus as Status } from '../../../../shared/session';
import { softphone } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';

const WORDS: Record<Status, string> = {
  'signed-out': 'Signed out',
  'signing-in': 'Signing in…',
  'signed-in': 'Signed in',
  reconnecting: 'Reconnecting…',
  'signed-out-by-vendor': 'Signed out by the vendor',
  error: 'Not signed in',
};

export function SessionStatus({ profileId }: { profileId: string }) {
  const session = useLive((s) => s.sessions[profileId]);
  const status = session?.status ?? 'signed-out';
  const canSignIn = status === 'signed-out' || status === 'error' || status === 'signed-out-by-vendor';
  return (
    <div className={`session session--${status}`} role="status" aria-label="Session">
      <span className="session__dot" aria-hidden="true" />
      <span>
        {WORDS[status]}
        {session?.detail && status !== 'signing-in' ? ` — ${session.detail}` : ''}
      </span>
      {canSignIn && (
        <button type="button" className="link" onClick={() => void softphone['session.signIn']({ profileId })}>
          Sign in
        </button>
      )}
    </div>
  );
}
