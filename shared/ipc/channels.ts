/**
 * The contract's channel names, without their schemas: what the preload needs to expose
 * exactly these functions, at a fraction of the contract's bundle size. `contract.ts`
 * checks at compile time that this list and the table agree.
 */
export const CHANNEL_NAMES = [
  'app.bootstrap',
  'session.signIn',
  'session.signOut',
  'call.dial',
  'call.hangup',
  'call.hold',
  'call.retrieve',
  'call.sendDigits',
  'directory.get',
  'directory.getFavourites',
  'directory.setFavourite',
  'link.open',
  'link.getSettings',
  'link.setSettings',
  'history.list',
  'settings.get',
  'settings.profile.save',
  'settings.profile.remove',
  'settings.profile.test',
  'settings.secret.set',
  'settings.preferences.set',
  'settings.export',
  'settings.import',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The one channel main pushes events on. */
export const EVENT_CHANNEL = 'softphone:event';
