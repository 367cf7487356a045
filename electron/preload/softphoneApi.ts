import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { AppEvent, SoftphoneApi } from '../../shared/ipc/contract';
import { CHANNEL_NAMES, EVENT_CHANNEL } from '../../shared/ipc/channels';

type IpcPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * window.softphone: one function per contract channel and an event subscription, nothing
 * else. There is deliberately no generic invoke/send: the page can reach exactly the
 * contract, and main validates every request anyway.
 */
export function createSoftphoneApi(ipc: IpcPort): SoftphoneApi {
  const requests = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, (request: unknown): Promise<unknown> => ipc.invoke(channel, request)]),
  );
  const onEvent = (listener: (event: AppEvent) => void): (() => void) => {
    // The IpcRendererEvent (with its sender and ports) never reaches the page.
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent): void => listener(appEvent);
    ipc.on(EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, forward);
    };
  };
  return { ...requests, onEvent } as SoftphoneApi;
}
