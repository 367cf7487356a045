import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { roundTo } from '../analysis/percentiles';

export interface BundleSize {
  gzipKB: number;
  rawKB: number;
  files: string[];
}

/**
 * The renderer's JavaScript as shipped (`out/renderer/assets/*.js`), each file gzipped at
 * zlib's default level, summed; kB = 1,000 bytes, as bundlers report.
 */
export function measureBundle(root: string): BundleSize {
  const assets = join(root, 'out', 'renderer', 'assets');
  const files = readdirSync(assets).filter((name) => name.endsWith('.js')).sort();
  if (files.length === 0) throw new Error(`no JavaScript in ${assets}`);
  let gzip = 0;
  let raw = 0;
  for (const name of files) {
    const content = readFileSync(join(assets, name));
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  return { gzipKB: roundTo(gzip / 1000, 1), rawKB: roundTo(raw / 1000, 1), files };
}
