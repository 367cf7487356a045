import { useEffect, useRef } from 'react';
import { softphone } from '../../api/softphoneClient';
import { requestCallFocus } from '../../state/focusRequests';
import { CallOutcomeTracker, NoticeCoalescer, type DesktopNotice } from './callNotices';

/** At most one desktop notification per this many milliseconds. */
const NOTICE_WINDOW_MS = 5_000;

/** The window is not where the agent looks: another window has the focus, or it is minimised. */
const inBackground = (): boolean => !document.hasFocus() || document.visibilityState === 'hidden';

function show(notice: DesktopNotice): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // One tag: a newer notice replaces the last on screen instead of stacking; silent: no sound.
  const shown = new Notification(notice.title, { body: notice.body, tag: 'softphone-calls', silent: true });
  shown.onclick = () => {
    window.focus();
    if (notice.callId) requestCallFocus(notice.callId);
    shown.close();
  };
}

/**
 * Desktop notifications when a call connects or fails while the window is in the background.
 * Reads the raw event stream, not the rendered state: a hidden window draws no frames, and
 * its events would wait for the next frame that never comes.
 */
export function useCallNotifications(enabled: boolean): void {
  const enabledNow = useRef(enabled);
  useEffect(() => {
    enabledNow.current = enabled;
  }, [enabled]);

  useEffect(() => {
    const tracker = new CallOutcomeTracker(Date.now());
    const coalescer = new NoticeCoalescer(NOTICE_WINDOW_MS);
    let timer: ReturnType<typeof setTimeout> | undefined;

    const wanted = (): boolean => enabledNow.current && inBackground();
    const schedule = (): void => {
      clearTimeout(timer);
      const due = coalescer.due();
      if (due !== undefined) timer = setTimeout(flush, Math.max(0, due - Date.now()));
    };
    const flush = (): void => {
      const notice = coalescer.flush(Date.now());
      if (notice && wanted()) show(notice);
      schedule();
    };
    const unsubscribe = softphone.onEvent((event) => {
      if (event.type !== 'call.updated') return;
      const outcome = tracker.observe(event.call);
      if (!outcome || !wanted()) return;
      const notice = coalescer.push(outcome, Date.now());
      if (notice) show(notice);
      schedule();
    });
    const back = (): void => {
      coalescer.drop();
      schedule();
    };
    window.addEventListener('focus', back);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('focus', back);
    };
  }, []);
}
