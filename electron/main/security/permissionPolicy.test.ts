import { describe, expect, it } from 'vitest';
import { APP_URL } from './appOrigin';
import { isPermissionAllowed } from './permissionPolicy';

describe('isPermissionAllowed', () => {
  it('allows notifications for the app page, by URL or by origin', () => {
    expect(isPermissionAllowed('notifications', APP_URL, APP_URL)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://softphone', APP_URL)).toBe(true);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'display-capture', 'hid', 'usb', 'serial', 'unknown'])(
    'refuses %s even for the app page',
    (permission) => {
      expect(isPermissionAllowed(permission, APP_URL, APP_URL)).toBe(false);
    },
  );

  it.each(['https://evil.example', 'file:///tmp/x.html', 'app://evil', 'null', ''])(
    'refuses notifications to %j',
    (requester) => {
      expect(isPermissionAllowed('notifications', requester, APP_URL)).toBe(false);
    },
  );
});
