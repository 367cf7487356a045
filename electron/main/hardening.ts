import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../vendors/adapter';
import { externalLinkToOpen, isAllowedNavigation } from './security/navigationPolicy';
import { isPermissionAllowed } from './security/permissionPolicy';

/** Permission prompts and checks: notifications for the app page, nothing else for anyone. */
export function hardenSession(session: Session, appUrl: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appUrl),
  );
}

/**
 * Applied to every WebContents the app ever creates (app 'web-contents-created'): no
 * webviews, no new windows, no navigation away from the app page. An https link the user
 * opens in a new window goes to the OS browser instead.
 */
export function hardenWebContents(contents: WebContents, appUrl: string, log: Logger): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });

  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkToOpen(url);
    if (external !== undefined) {
      shell.openExternal(external).catch((error: unknown) => log.warn('could not open a link in the browser', { error: String(error) }));
    } else {
      log.warn('blocked a new window', { url });
    }
    return { action: 'deny' };
  });

  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame && isAllowedNavigation(event.url, appUrl)) return;
    event.preventDefault();
    log.warn('blocked a navigation', { url: event.url, mainFrame: event.isMainFrame });
  });

  contents.on('will-redirect', (event) => {
    if (event.isMainFrame && isAllowedNavigation(event.url, appUrl)) return;
    event.preventDefault();
    log.warn('blocked a redirect', { url: event.url, mainFrame: event.isMainFrame });
  });
}
