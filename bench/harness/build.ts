import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['electron', 'renderer', 'shared', 'sandbox'];
const SOURCE_FILES = ['electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/shell.js', 'out/renderer/index.html'];

function newestIn(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestIn(join(path, name))), 0);
}

/** True when the browser shell's build is missing or older than a source it is built from. */
export function buildIsStale(root: string): boolean {
  const outputs = OUTPUTS.map((file) => join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((name) => join(root, name)).filter((path) => existsSync(path));
  return sources.some((path) => newestIn(path) > builtAt);
}

/** Builds with electron-vite when needed; its output goes to stderr so stdout stays the bench's table. */
export function ensureBuilt(root: string, log: (line: string) => void): void {
  if (!buildIsStale(root)) return;
  log('Building the app (out/ is missing or older than its sources)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error(`the build failed (electron-vite exited with ${result.status ?? result.signal})`);
}
