import { useLive } from '../../state/liveStore';

/** Call-state changes, read out by screen readers without moving focus. */
export function LiveAnnouncer() {
  const announcement = useLive((s) => s.announcement);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement}
    </div>
  );
}
