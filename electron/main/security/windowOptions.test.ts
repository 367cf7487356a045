import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from './windowOptions';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs', false);

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and embedding off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      plugins: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('offers DevTools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences('/p', false).devTools).toBe(false);
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  it('uses the secure preferences and stays hidden until the first paint', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs', true);
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs', true));
    expect(options.show).toBe(false);
    expect(options.title).toBe('Agent Softphone');
  });
});
