import type { AppEvent, Outcome } from '../../shared/ipc/contract';

/**
 * The transport-agnostic service behind the contract. Electron's ipcMain and the browser
 * shell's WebSocket both call `dispatch` with whatever arrived; the core validates it.
 */
export interface SoftphoneCore {
  /** Never throws: unknown channels and invalid payloads come back as structured errors. */
  dispatch(channel: unknown, payload: unknown): Promise<Outcome<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** The OS woke from sleep or the screen was unlocked: reconnect and resync every session. */
  resume(): void;
  dispose(): Promise<void>;
}

/** Encrypts secrets at rest: Electron's safeStorage in the app, an AES-GCM key file in the shell. */
export interface SecretCipher {
  readonly description: string;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}
