import { constants } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_FALLBACK_NOTICE, exitCodeOf, planLaunch } from './launchPlan.mjs';

const appDir = join('/repo');
const args = ['--config', 'team.json'];
const nodePath = '/usr/bin/node';

describe('planLaunch', () => {
  it('runs Electron on the app with the user arguments, silently', () => {
    const plan = planLaunch({ binary: { found: true, path: '/e/electron' }, args, appDir, nodePath, env: { HOME: '/h' } });
    expect(plan).toEqual({
      command: '/e/electron',
      args: [appDir, '--config', 'team.json'],
      env: { HOME: '/h' },
      entry: join(appDir, 'out', 'main', 'index.js'),
      notice: undefined,
    });
  });

  it('never lets ELECTRON_RUN_AS_NODE turn the app into plain Node', () => {
    const env = { HOME: '/h', ELECTRON_RUN_AS_NODE: '1' };
    const plan = planLaunch({ binary: { found: true, path: '/e/electron' }, args, appDir, nodePath, env });
    expect(plan.env).toEqual({ HOME: '/h' });
    expect(env).toHaveProperty('ELECTRON_RUN_AS_NODE', '1');
  });

  it('falls back to the browser shell with the same arguments and says so in one line', () => {
    const plan = planLaunch({ binary: { found: false, reason: 'path.txt is missing' }, args, appDir, nodePath, env: { HOME: '/h' } });
    expect(plan).toEqual({
      command: nodePath,
      args: [join(appDir, 'out', 'main', 'shell.js'), '--config', 'team.json'],
      env: { HOME: '/h' },
      entry: join(appDir, 'out', 'main', 'shell.js'),
      notice: SHELL_FALLBACK_NOTICE,
    });
    expect(SHELL_FALLBACK_NOTICE).toBe("Electron's binary is not installed on this machine; starting the browser shell instead.");
    expect(SHELL_FALLBACK_NOTICE).not.toContain('\n');
  });
});

describe('exitCodeOf', () => {
  it.each<[number | null, NodeJS.Signals | null, number]>([
    [0, null, 0],
    [1, null, 1],
    [3, null, 3],
    [null, 'SIGINT', 128 + constants.signals.SIGINT],
    [null, 'SIGTERM', 128 + constants.signals.SIGTERM],
    [null, null, 1],
  ])('code %s, signal %s → %s', (code, signal, expected) => {
    expect(exitCodeOf(code, signal, constants.signals)).toBe(expected);
  });
});
