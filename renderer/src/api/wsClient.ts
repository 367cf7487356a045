import type { AppEvent, Channel, Outcome, SoftphoneApi } from '../../../shared/ipc/contract';
import { CHANNELS } from '../../../shared/ipc/contract';

type ServerMessage = { id: number; outcome: Outcome<unknown> } | { events: AppEvent[] };

const RECONNECT_MAX_MS = 5_000;

/**
 * The browser shell's side of the contract: the same functions as Electron's preload,
 * carried over one WebSocket to main on 127.0.0.1. The token comes from the URL fragment
 * the shell printed, so it never reaches a server log or a Referer.
 */
export function createWsClient(location: Location): SoftphoneApi {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`;
  const listeners = new Set<(event: AppEvent) => void>();
  const pending = new Map<number, (outcome: Outcome<unknown>) => void>();
  let outbox: string[] = [];
  let nextId = 1;
  let socket: WebSocket | undefined;
  let attempt = 0;

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const message of outbox) ws.send(message);
      outbox = [];
    };
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as ServerMessage;
      if ('events' in data) {
        for (const event of data.events) for (const listener of listeners) listener(event);
      } else {
        pending.get(data.id)?.(data.outcome);
        pending.delete(data.id);
      }
    };
    ws.onclose = () => {
      socket = undefined;
      // Requests in flight are answered as unknown, never replayed: a dial may already be out.
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'OUTCOME_UNKNOWN', message: 'The connection to the softphone core was lost before it answered.', hint: 'Check the Active calls panel before trying again.' } });
      }
      pending.clear();
      attempt += 1;
      setTimeout(connect, Math.min(RECONNECT_MAX_MS, 200 * 2 ** attempt));
    };
  };
  connect();

  const call = (channel: Channel, payload: unknown): Promise<Outcome<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const message = JSON.stringify({ id, channel, payload });
      if (socket?.readyState === WebSocket.OPEN) socket.send(message);
      else outbox.push(message);
    });

  const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (payload: unknown) => call(channel, payload)]));
  return {
    ...(api as Omit<SoftphoneApi, 'onEvent'>),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
