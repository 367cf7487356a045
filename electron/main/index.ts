import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, clipboard, dialog, globalShortcut, ipcMain, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron';
import { createCore } from '../core/createCore';
import { linksInArguments } from '../core/links/linkArguments';
import { LinkInbox } from '../core/links/linkInbox';
import { createLogger, type AppLogger } from '../core/log/logger';
import { GlobalShortcutStatusBox } from '../core/settings/globalShortcutFeed';
import type { SoftphoneCore } from '../core/softphoneCore';
import { resolveStartup, type Startup } from '../core/startup';
import { registerAppScheme, serveAppAssets } from './appProtocol';
import { dataDirArgument, userArguments } from './commandLine';
import { hardenSession, hardenWebContents } from './hardening';
import { startGlobalShortcuts, windowEventSender } from './globalShortcuts';
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

// Tests and side-by-side installs keep everything in one folder, like the browser shell's --data-dir.
const dataDir = dataDirArgument(userArguments(process.argv, app.isPackaged));
if (dataDir) {
  app.setPath('userData', dataDir);
  app.setAppLogsPath(join(dataDir, 'logs'));
}

// tel:/callto: links: macOS sends open-url (possibly before ready), Windows and Linux start the
// app with the link as an argument. All of them wait here until the window can show them.
const links = new LinkInbox();
// Main registers the global shortcuts; Settings shows what the system let it have.
const shortcutStatus = new GlobalShortcutStatusBox({ state: 'unavailable', note: 'The global shortcuts are being registered.', refused: [] });
app.on('open-url', (event, url) => {
  event.preventDefault();
  links.receive(url);
});
for (const uri of linksInArguments(userArguments(process.argv, app.isPackaged))) links.receive(uri);

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
      globalShortcuts: shortcutStatus,
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
  const stopShortcuts = startGlobalShortcuts({
    core,
    globalShortcut,
    clipboard,
    platform: process.platform,
    env: process.env,
    status: shortcutStatus,
    reveal: () => revealWindow(window ?? openWindow()),
    send: windowEventSender(APP_URL, appWebContents),
    log,
  });
  app.on('will-quit', stopShortcuts);
  powerMonitor.on('resume', () => core.resume());
  powerMonitor.on('unlock-screen', () => core.resume());

  // A second launch (a tel: link clicked while the app runs) brings this window forward and
  // hands its links to the one link handler, the same one the browser shell's link.open reaches.
  app.on('second-instance', (_event, argv) => {
    revealWindow(window ?? openWindow());
    for (const uri of linksInArguments(argv)) links.receive(uri);
  });
  app.on('activate', () => {
    if (window === undefined) openWindow();
  });
  // macOS apps stay running without windows; calls in progress keep being followed.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  stopOnQuit(core, startup, log);
  claimLinkSchemes(log);

  const first = openWindow();
  first.webContents.once('did-finish-load', () =>
    links.open((uri) => {
      const shown = window ?? openWindow();
      revealWindow(shown);
      const handle = (): void => {
        void core.dispatch('link.open', { uri }).then((outcome) => log.info('handled a link', { outcome: outcome.ok ? outcome.value : outcome.error }));
      };
      // A window opened for this link must load before the dialer can show it.
      if (shown.webContents.isLoading()) shown.webContents.once('did-finish-load', handle);
      else handle();
    }),
  );
}

/**
 * Packaged, the app offers itself for tel: and callto: (the installer declares both); it
 * takes a scheme only when no other application handles it, so a user's choice of another
 * phone app stands. Unpackaged, registering would point the OS at a bare Electron binary.
 */
function claimLinkSchemes(log: AppLogger): void {
  if (!app.isPackaged) return;
  for (const scheme of ['tel', 'callto']) {
    if (app.isDefaultProtocolClient(scheme)) continue;
    const other = app.getApplicationNameForProtocol(`${scheme}:`);
    if (other !== '') {
      log.info('another application handles these links; leaving it', { scheme, application: other });
      continue;
    }
    if (!app.setAsDefaultProtocolClient(scheme)) log.warn('the system refused to register the softphone for these links', { scheme });
  }
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
