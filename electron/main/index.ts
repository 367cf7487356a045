import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron';
import { createCore } from '../core/createCore';
import { createLogger, type AppLogger } from '../core/log/logger';
import type { SoftphoneCore } from '../core/softphoneCore';
import { resolveStartup, type Startup } from '../core/startup';
import { registerAppScheme, serveAppAssets } from './appProtocol';
import { userArguments } from './commandLine';
import { hardenSession, hardenWebContents } from './hardening';
import { bindContract, forwardEvents } from './ipcBridge';
import { createSafeStorageCipher } from './safeStorageCipher';
import { APP_URL } from './security/appOrigin';
import { startFailureMessage } from './startFailure';
import { createMainWindow, revealWindow } from './window';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const mainDir = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(mainDir, '..', 'preload', 'index.cjs');
const RENDERER_DIR = join(mainDir, '..', 'renderer');

registerAppScheme();
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  void start();
} else {
  app.quit();
}

async function start(): Promise<void> {
  await app.whenReady();
  const logFile = join(app.getPath('logs'), 'softphone.log');
  let log: AppLogger | undefined;
  let startup: Startup | undefined;
  try {
    const appLog = createLogger({ file: logFile });
    log = appLog;
    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_URL, appLog));
    hardenSession(session.defaultSession, APP_URL);
    serveAppAssets(RENDERER_DIR, appLog);

    startup = await resolveStartup(userArguments(process.argv, app.isPackaged), process.env);
    appLog.info(startup.banner);
    // Same line as the browser shell prints: the e2e suite reads the sandbox's URLs from it.
    process.stdout.write(`${startup.banner}\n`);
    const core = await createCore({
      config: startup.config,
      sandbox: startup.sandbox,
      ephemeralSecrets: startup.ephemeralSecrets,
      dataDir: app.getPath('userData'),
      cipher: createSafeStorageCipher(safeStorage, process.platform),
      log: appLog,
      signInAtStart: true,
    });
    run(core, startup, appLog);
  } catch (error) {
    log?.error('start failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    await startup?.stop().catch(() => undefined);
    const { title, body } = startFailureMessage(error, logFile);
    dialog.showErrorBox(title, body);
    app.exit(1);
  }
}

function run(core: SoftphoneCore, startup: Startup, log: AppLogger): void {
  let window: BrowserWindow | undefined;
  const appWebContents = () => (window !== undefined && !window.isDestroyed() ? window.webContents : undefined);
  const openWindow = (): BrowserWindow => {
    const opened = createMainWindow({ preloadPath: PRELOAD_PATH, appUrl: APP_URL, devTools: !app.isPackaged, log });
    opened.on('closed', () => {
      if (window === opened) window = undefined;
    });
    window = opened;
    return opened;
  };

  bindContract({ ipcMain, core, appUrl: APP_URL, appWebContents, log });
  forwardEvents(core, APP_URL, appWebContents);
  powerMonitor.on('resume', () => core.resume());
  powerMonitor.on('unlock-screen', () => core.resume());

  // tel:/callto: arguments of a second launch are handled by the link handler; here the
  // existing window just comes forward.
  app.on('second-instance', () => revealWindow(window ?? openWindow()));
  app.on('activate', () => {
    if (window === undefined) openWindow();
  });
  // macOS apps stay running without windows; calls in progress keep being followed.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  stopOnQuit(core, startup, log);

  openWindow();
}

/** Quitting waits for the core to sign out and the sandbox to stop, once. */
function stopOnQuit(core: SoftphoneCore, startup: Startup, log: AppLogger): void {
  let stopped = false;
  let stopping: Promise<void> | undefined;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopping ??= (async () => {
      await core.dispose().catch((error: unknown) => log.error('core dispose failed', { error: String(error) }));
      await startup.stop().catch((error: unknown) => log.error('sandbox stop failed', { error: String(error) }));
    })().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}
