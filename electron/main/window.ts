import { BrowserWindow } from 'electron';
import type { Logger } from '../vendors/adapter';
import { mainWindowOptions } from './security/windowOptions';

export interface MainWindowOptions {
  preloadPath: string;
  appUrl: string;
  devTools: boolean;
  log: Logger;
}

/** The one app window. Navigation and permission rules come from hardening.ts, applied to all contents. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath, options.devTools));
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    options.log.error('the renderer process ended', { reason: details.reason, exitCode: details.exitCode });
  });
  window.loadURL(options.appUrl).catch((error: unknown) => {
    options.log.error('the app page failed to load', { url: options.appUrl, error: String(error) });
  });
  return window;
}

/** Bring the window forward for a second launch of the app. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
