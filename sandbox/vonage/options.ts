/** Emulator settings; every duration is configurable so tests run in milliseconds. */
export interface VonageEmulatorOptions {
  /** Lifetime of issued bearer tokens ("only valid for use for one hour after being issued"). */
  tokenTtlSeconds: number;
  /** How long an answered call stays Active before it ends normally. */
  answeredCallMs: number;
  /** How long an unanswered call rings before it fails with NoAnswer. */
  noAnswerMs: number;
  /** How long a call to a busy number stays Active before it fails with NumberBusy. */
  busyMs: number;
  /** Call detail stays readable this long after the call ends ("for up to 24 hours"). */
  detailRetentionMs: number;
  /** Base of `links[].href` and `Location`; the emulator's own URL when absent. */
  publicBaseUrl?: string;
}

export const DEFAULT_VONAGE_EMULATOR_OPTIONS: VonageEmulatorOptions = {
  tokenTtlSeconds: 3600,
  answeredCallMs: 30_000,
  noAnswerMs: 20_000,
  busyMs: 10_000,
  detailRetentionMs: 24 * 60 * 60 * 1000,
};

export function resolveOptions(options: Partial<VonageEmulatorOptions>): VonageEmulatorOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_VONAGE_EMULATOR_OPTIONS, ...defined };
}
