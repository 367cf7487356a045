import { isAllowedNavigation } from './navigationPolicy';

/** What main knows about the frame an IPC request came from. */
export interface SenderFrame {
  url: string;
  /** The frame is its page's main frame (no parent). */
  isTopFrame: boolean;
  webContentsId: number;
}

/**
 * Only the app window's own top frame, showing the app page, may call the contract. A
 * destroyed or navigated-away frame arrives as null and is refused.
 */
export function isTrustedSender(frame: SenderFrame | null, appUrl: string, appWebContentsId: number | undefined): boolean {
  if (frame === null || appWebContentsId === undefined) return false;
  return frame.isTopFrame && frame.webContentsId === appWebContentsId && isAllowedNavigation(frame.url, appUrl);
}
