#!/usr/bin/env node
// `npm start` (after the build): the desktop app, or the browser shell where Electron's binary
// is not installed. Arguments such as `--config PATH` are passed through unchanged.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateElectronBinary } from './electronBinary.mjs';
import { exitCodeOf, planLaunch } from './launchPlan.mjs';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const plan = planLaunch({
  binary: locateElectronBinary(),
  args: process.argv.slice(2),
  appDir,
  nodePath: process.execPath,
  env: process.env,
});

if (!existsSync(plan.entry)) {
  console.error(`${plan.entry} is missing: run \`npm run build\` first (\`npm start\` builds before starting).`);
  process.exit(1);
}
if (plan.notice) console.error(plan.notice);

const child = spawn(plan.command, plan.args, { stdio: 'inherit', env: plan.env, cwd: appDir });
let childExited = false;

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    if (!childExited) child.kill(signal);
  });
}

child.on('error', (error) => {
  childExited = true;
  console.error(`Could not start ${plan.command}: ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  childExited = true;
  process.exit(exitCodeOf(code, signal, constants.signals));
});
