import type { SoftphoneApi } from '../../../shared/ipc/contract';
import { createWsClient } from './wsClient';

declare global {
  interface Window {
    /** Exposed by Electron's preload; absent in the browser shell. */
    softphone?: SoftphoneApi;
  }
}

export const softphone: SoftphoneApi = window.softphone ?? createWsClient(window.location);

/** Unwraps an outcome for react-query: structured errors become thrown `ApiError`s. */
export class ApiError extends Error {
  constructor(readonly data: { code: string; message: string; vendorMessage?: string; hint?: string }) {
    super(data.message);
    this.name = 'ApiError';
  }
}

export async function unwrap<T>(outcome: Promise<{ ok: true; value: T } | { ok: false; error: ApiError['data'] }>): Promise<T> {
  const result = await outcome;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
