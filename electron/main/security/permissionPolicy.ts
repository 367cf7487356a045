import { isAppOrigin } from './appOrigin';

/** Call-state notifications are the only browser permission the softphone uses. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** `requester` is the requesting URL or origin, as Electron reports it. */
export function isPermissionAllowed(permission: string, requester: string, appUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppOrigin(requester, appUrl);
}
