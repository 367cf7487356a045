import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { softphone, unwrap } from '../api/softphoneClient';
import { useLive } from '../state/liveStore';
import { Dialer } from '../features/dialer/Dialer';
import { ActiveCalls } from '../features/calls/ActiveCalls';
import { Alerts } from '../features/notices/Alerts';
import { LiveAnnouncer } from '../features/notices/LiveAnnouncer';
import { SessionStatus } from '../features/notices/SessionStatus';
import { HistoryView } from '../features/history/HistoryView';
import { SettingsView } from '../features/settings/SettingsView';
import { useAppliedTheme, useSettingsEvents } from '../features/settings/useSettings';

export type View = 'phone' | 'history' | 'settings';
const VIEWS: ReadonlyArray<{ id: View; label: string }> = [
  { id: 'phone', label: 'Phone' },
  { id: 'history', label: 'History' },
  { id: 'settings', label: 'Settings' },
];

export function App() {
  const bootstrap = useQuery({ queryKey: ['bootstrap'], queryFn: () => unwrap(softphone['app.bootstrap']({})), staleTime: Infinity });
  const load = useLive((s) => s.load);
  const [profileId, setProfileId] = useState<string | undefined>();
  const [view, setView] = useState<View>('phone');
  const viewToFocus = useRef<View | undefined>(undefined);
  const contentRef = useRef<HTMLElement>(null);
  const phoneRef = useRef<HTMLDivElement>(null);
  useSettingsEvents();
  useAppliedTheme();
  // A number sent to the dialer (a tel: link, say) brings the phone view back, in the same
  // render, so the dialer can focus its number box.
  const prefillSeq = useLive((s) => s.prefill?.seq);
  const [shownPrefill, setShownPrefill] = useState(prefillSeq);
  if (prefillSeq !== shownPrefill) {
    setShownPrefill(prefillSeq);
    setView('phone');
  }

  useEffect(() => {
    if (!bootstrap.data) return;
    load(bootstrap.data);
    // A profile removed in Settings leaves the dialer on the first one that is left.
    const profiles = bootstrap.data.profiles;
    setProfileId((current) => (current && profiles.some((p) => p.id === current) ? current : profiles[0]?.id));
  }, [bootstrap.data, load]);

  // Switching views moves focus to the new view (its heading, or the phone view itself), so
  // keyboard and screen-reader users land where the content changed.
  useEffect(() => {
    if (viewToFocus.current !== view) return;
    viewToFocus.current = undefined;
    const frame = requestAnimationFrame(() => {
      const target = view === 'phone' ? phoneRef.current : contentRef.current?.querySelector<HTMLElement>('h2[tabindex="-1"]');
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [view]);

  const showView = (next: View): void => {
    viewToFocus.current = next;
    setView(next);
  };

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
        <nav className="app__nav" aria-label="Views">
          {VIEWS.map((item) => (
            <button key={item.id} type="button" aria-current={view === item.id ? 'page' : undefined} onClick={() => showView(item.id)}>
              {item.label}
            </button>
          ))}
        </nav>
        <SessionStatus profileId={profileId} />
      </header>
      <main className="app__content" ref={contentRef}>
        {/* The phone view stays mounted while hidden: a half-typed number and live calls survive a look at the history. */}
        <div className="app__main" ref={phoneRef} tabIndex={-1} hidden={view !== 'phone'}>
          <Dialer profiles={data.profiles} profileId={profileId} onProfileChange={setProfileId} defaultCountry={data.defaultCountry} />
          <ActiveCalls profiles={data.profiles} />
        </div>
        {view === 'history' && <HistoryView profiles={data.profiles} onRedialled={() => showView('phone')} />}
        {view === 'settings' && <SettingsView />}
      </main>
      <Alerts />
      <LiveAnnouncer />
    </div>
  );
}
