import { useMemo } from 'react';
import type { ProfileSummary } from '../../../../shared/session';
import { useLive, visibleCalls } from '../../state/liveStore';
import { CallCard } from './CallCard';

export function ActiveCalls({ profiles }: { profiles: ProfileSummary[] }) {
  const calls = useLive((s) => s.calls);
  const dismissed = useLive((s) => s.dismissed);
  const shown = useMemo(() => visibleCalls(calls, dismissed), [calls, dismissed]);
  const byId = useMemo(() => Object.fromEntries(profiles.map((p) => [p.id, p])), [profiles]);
  return (
    <section className="active-calls" aria-labelledby="active-calls-title">
      <h2 id="active-calls-title">Active calls</h2>
      {shown.length === 0 ? (
        <p className="empty">No calls yet. Type a number and press Enter.</p>
      ) : (
        shown.map((call) => <CallCard key={call.id} call={call} profile={byId[call.profileId]} />)
      )}
    </section>
  );
}
