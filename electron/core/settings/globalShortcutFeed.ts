import { isDeepStrictEqual } from 'node:util';
import type { GlobalShortcutStatus } from '../../../shared/shortcuts/globalShortcutStatus';

/** What the core reads of the desktop app's global shortcuts: the last status, and when it changes. */
export interface GlobalShortcutFeed {
  current(): GlobalShortcutStatus;
  onChange(listener: () => void): () => void;
}

/**
 * Main registers the global shortcuts (only Electron can) and reports here; the core shows
 * the status in Settings. The browser shell never reports: its status stays `initial`.
 */
export class GlobalShortcutStatusBox implements GlobalShortcutFeed {
  private status: GlobalShortcutStatus;
  private readonly listeners = new Set<() => void>();

  constructor(initial: GlobalShortcutStatus) {
    this.status = initial;
  }

  current(): GlobalShortcutStatus {
    return this.status;
  }

  /** A status equal to the last one changes nothing and tells nobody. */
  set(status: GlobalShortcutStatus): void {
    if (isDeepStrictEqual(status, this.status)) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
