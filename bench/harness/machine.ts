import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import type { Machine } from '../report/results';

function osName(): string {
  const file = '/etc/os-release';
  const pretty = existsSync(file) ? /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
  return `${pretty ?? osType()} (kernel ${release()})`;
}

/** What the figures were measured on: they mean little without it. */
export function describeThisMachine(chromiumVersion: string): Machine {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    ramGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: chromiumVersion,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
