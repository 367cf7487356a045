import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type AppEvent, type Outcome } from '../../shared/ipc/contract';
import type { SoftphoneCore } from '../core/softphoneCore';
import type { Logger } from '../vendors/adapter';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';
import { isAllowedNavigation } from './security/navigationPolicy';
import { isTrustedSender, type SenderFrame } from './security/ipcSenderPolicy';

export interface ContractBindingOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Pick<SoftphoneCore, 'dispatch'>;
  appUrl: string;
  /** The app window's contents, when it exists; only it may call the contract. */
  appWebContents: () => WebContents | undefined;
  log: Logger;
}

const FORBIDDEN: Outcome<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the softphone window and was refused.' },
};

const INTERNAL: Outcome<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong inside the softphone. The details are in the log.' },
};

export function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): SenderFrame | null {
  const frame = event.senderFrame;
  if (frame === null) return null;
  return { url: frame.url, isTopFrame: frame.parent === null, webContentsId: event.sender.id };
}

/**
 * One ipcMain handler per contract channel. The sender is checked first; then the core
 * validates the payload and answers with an Outcome, so nothing here throws back to the page.
 * Returns a function that removes the handlers.
 */
export function bindContract(options: ContractBindingOptions): () => void {
  const { ipcMain, core, appUrl, appWebContents, log } = options;
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = senderFrameOf(event);
      if (!isTrustedSender(frame, appUrl, appWebContents()?.id)) {
        log.warn('refused an IPC request from an untrusted sender', { channel, url: frame?.url ?? null });
        return FORBIDDEN;
      }
      // The core answers with Outcomes; should it ever reject, the page still gets one.
      return core.dispatch(channel, payload).catch((error: unknown): Outcome<never> => {
        log.error('the core failed a request', { channel, error: String(error) });
        return INTERNAL;
      });
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Core events go to the app window on one channel, and only while it shows the app page. */
export function forwardEvents(
  core: Pick<SoftphoneCore, 'onEvent'>,
  appUrl: string,
  appWebContents: () => WebContents | undefined,
): () => void {
  return core.onEvent((event: AppEvent) => {
    const contents = appWebContents();
    if (contents === undefined || contents.isDestroyed() || !isAllowedNavigation(contents.getURL(), appUrl)) return;
    contents.send(EVENT_CHANNEL, event);
  });
}
