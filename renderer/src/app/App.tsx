import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { softphone, unwrap } from '../api/softphoneClient';
import { useLive } from '../state/liveStore';
import { Dialer } from '../features/dialer/Dialer';
import { ActiveCalls } from '../features/calls/ActiveCalls';
import { Alerts } from '../features/notices/Alerts';
import { LiveAnnouncer } from '../features/notices/LiveAnnouncer';
import { SessionStatus } from '../features/notices/SessionStatus';

export function App() {
  const bootstrap = useQuery({ queryKey: ['bootstrap'], queryFn: () => unwrap(softphone['app.bootstrap']({})), staleTime: Infinity });
  const load = useLive((s) => s.load);
  const [profileId, setProfileId] = useState<string | undefined>();

  useEffect(() => {
    if (!bootstrap.data) return;
    load(bootstrap.data);
    setProfileId((current) => current ?? bootstrap.data.profiles[0]?.id);
  }, [bootstrap.data, load]);

  if (bootstrap.isError) {
    return (
      <main className="app app--error">
        <p role="alert">The softphone core did not answer: {bootstrap.error.message}</p>
      </main>
    );
  }
  if (!bootstrap.data || !profileId) {
    return (
      <main className="app" aria-busy="true">
        <p>Starting…</p>
      </main>
    );
  }
  const data = bootstrap.data;
  return (
    <div className="app">
      {data.sandbox && (
        <div className="sandbox-banner" role="note">
          Sandbox — no real calls. The five vendors are emulated on this computer.
        </div>
      )}
      <header className="app__header">
        <h1>Agent Softphone</h1>
        <SessionStatus profileId={profileId} />
      </header>
      <main className="app__main">
        <Dialer profiles={data.profiles} profileId={profileId} onProfileChange={setProfileId} defaultCountry={data.defaultCountry} />
        <ActiveCalls profiles={data.profiles} />
      </main>
      <Alerts />
      <LiveAnnouncer />
    </div>
  );
}
