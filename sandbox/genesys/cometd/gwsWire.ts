import type { BayeuxMessage, Extension } from 'faye';

/** GWS 8.5.2 has no WebSocket transport. */
export const GWS_CONNECTION_TYPES = ['long-polling', 'callback-polling'];

/** GWS (CometD Java) says `402::Unknown client`; faye says `401:<clientId>:Unknown client`. */
export const GWS_UNKNOWN_CLIENT = '402::Unknown client';
const FAYE_UNKNOWN_CLIENT = /^401:[^:]*:Unknown client$/;

const isMeta = (channel: string): boolean => channel.startsWith('/meta/');

/** Rewrites one outgoing faye message into what a GWS server puts on the wire. */
export function toGwsWire(message: BayeuxMessage): BayeuxMessage {
  if (typeof message.error === 'string' && FAYE_UNKNOWN_CLIENT.test(message.error)) {
    return { ...message, error: GWS_UNKNOWN_CLIENT, advice: { reconnect: 'handshake' } };
  }
  if (message.channel === '/meta/handshake' && message.successful) {
    return { ...message, supportedConnectionTypes: [...GWS_CONNECTION_TYPES] };
  }
  // A delivered event is `{channel, data}` only, as in the documented notifications.
  if (!isMeta(message.channel) && 'data' in message) return { channel: message.channel, data: message.data };
  return message;
}

/** Only the server publishes on GWS channels: a client's publish is refused. */
export function refuseClientPublish(message: BayeuxMessage): BayeuxMessage {
  if (isMeta(message.channel)) return message;
  return { ...message, error: `403:${message.channel}:Forbidden channel` };
}

export const gwsWireExtension: Extension = {
  incoming(message, request, callback) {
    callback(request === null ? message : refuseClientPublish(message));
  },
  outgoing(message, request, callback) {
    // The in-process publisher needs faye's own handshake reply (it negotiates `in-process`).
    callback(request === null ? message : toGwsWire(message));
  },
};
