import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useQuery } from '@tanstack/react-query';
import { softphone, unwrap } from '../api/softphoneClient';
import { useLive } from '../state/liveStore';
import { Dialer, type DialerHandle } from '../features/dialer/Dialer';
import { ActiveCalls } from '../features/calls/ActiveCalls';
import { Alerts } from '../features/notices/Alerts';
import { LiveAnnouncer } from '../features/notices/LiveAnnouncer';
import { SessionStatus } from '../features/notices/SessionStatus';
import { HistoryView } from '../features/history/HistoryView';
import { SettingsView } from '../features/settings/SettingsView';
import { useAppliedTheme, useSettings, useSettingsEvents } from '../features/settings/useSettings';
import { useCallNotifications } from '../features/notifications/useCallNotifications';
import { ShortcutDialog } from '../features/shortcuts/ShortcutDialog';
import { shortcutFieldId } from '../features/shortcuts/ShortcutSettings';
import { defaultBindings } from '../../../shared/shortcuts/bindingRules';
import { requestCallFocus, requestNumberFocus, useFocusRequests } from '../state/focusRequests';
import { useAppShortcuts } from './useAppShortcuts';

export type View = 'phone' | 'history' | 'settings';
const VIEWS: ReadonlyArray<{ id: View; label: string }> = [
  { id: 'phone', label: 'Phone' },
  { id: 'history', label: 'History' },
  { id: 'settings', label: 'Settings' },
];

/** About two seconds of frames. */
const FOCUS_TRIES = 120;

export function App() {
  const bootstrap = useQuery({ queryKey: ['bootstrap'], queryFn: () => unwrap(softphone['app.bootstrap']({})), staleTime: Infinity });
  const load = useLive((s) => s.load);
  const [profileId, setProfileId] = useState<string | undefined>();
  const [view, setView] = useState<View>('phone');
  // Where the focus goes once a view is shown: its heading (or the phone view itself), or the number box.
  const viewToFocus = useRef<{ view: View; target: 'view' | 'number' } | undefined>(undefined);
  const [focusSeq, setFocusSeq] = useState(0);
  const contentRef = useRef<HTMLElement>(null);
  const phoneRef = useRef<HTMLDivElement>(null);
  const dialerRef = useRef<DialerHandle>(null);
  const [shortcutListOpen, setShortcutListOpen] = useState(false);
  useSettingsEvents();
  useAppliedTheme();
  const settings = useSettings();
  const bindings = settings.data?.shortcuts ?? defaultBindings();
  useCallNotifications(settings.data?.notifications ?? true);
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
  // A view whose data is still loading has no heading yet: keep looking for a couple of seconds.
  useEffect(() => {
    const pending = viewToFocus.current;
    if (pending?.view !== view) return;
    let frame = 0;
    let tries = 0;
    const attempt = (): void => {
      if (pending.target === 'number') {
        viewToFocus.current = undefined;
        dialerRef.current?.focusNumber();
        return;
      }
      const target = view === 'phone' ? phoneRef.current : contentRef.current?.querySelector<HTMLElement>('h2[tabindex="-1"]');
      if (target || ++tries > FOCUS_TRIES) {
        viewToFocus.current = undefined;
        target?.focus();
        return;
      }
      frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [view, focusSeq]);

  const showView = (next: View, target: 'view' | 'number' = 'view'): void => {
    viewToFocus.current = { view: next, target };
    setView(next);
    setFocusSeq((seq) => seq + 1);
  };
  const showPhone = (): void => flushSync(() => setView('phone'));

  // After a hang-up, a dismissed call or the global "show the dialer": the number box, ready for the next call.
  const numberFocusSeq = useFocusRequests((s) => s.numberSeq);
  useEffect(() => {
    if (numberFocusSeq > 0) showView('phone', 'number');
  }, [numberFocusSeq]);
  useEffect(
    () =>
      softphone.onEvent((event) => {
        if (event.type === 'dialer.show') requestNumberFocus();
      }),
    [],
  );

  useAppShortcuts(bindings, {
    profiles: bootstrap.data?.profiles ?? [],
    profileId: profileId ?? '',
    dialer: dialerRef,
    showPhone,
    showHistory: () => showView('history'),
    openShortcutList: () => setShortcutListOpen(true),
  });

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
        <aside className="sandbox-banner" aria-label="Sandbox">
          Sandbox — no real calls. The five vendors are emulated on this computer.
        </aside>
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
        <button type="button" className="link app__shortcuts" onClick={() => setShortcutListOpen(true)}>
          Keyboard shortcuts
        </button>
        <SessionStatus profileId={profileId} />
      </header>
      <main className="app__content" ref={contentRef}>
        {/* The phone view stays mounted while hidden: a half-typed number and live calls survive a look at the history. */}
        <div className="app__main" ref={phoneRef} tabIndex={-1} hidden={view !== 'phone'}>
          <Dialer handle={dialerRef} profiles={data.profiles} profileId={profileId} onProfileChange={setProfileId} defaultCountry={data.defaultCountry} />
          <ActiveCalls profiles={data.profiles} />
        </div>
        {view === 'history' && (
          <HistoryView
            profiles={data.profiles}
            onRedialled={(callId) => {
              showPhone();
              requestCallFocus(callId);
            }}
          />
        )}
        {view === 'settings' && <SettingsView />}
      </main>
      {shortcutListOpen && (
        <ShortcutDialog
          bindings={bindings}
          globalStatus={settings.data?.globalShortcuts}
          onClose={() => setShortcutListOpen(false)}
          onChange={() => {
            flushSync(() => {
              setShortcutListOpen(false);
              setView('settings');
            });
            document.getElementById(shortcutFieldId('focusNumber'))?.focus();
          }}
        />
      )}
      <Alerts />
      <LiveAnnouncer />
    </div>
  );
}
