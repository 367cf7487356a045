import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from './appAssetPath';
import { APP_URL } from './appOrigin';

const ROOT = join('/opt', 'softphone', 'out', 'renderer');

describe('resolveAppAsset', () => {
  it.each([
    ['the page', APP_URL, join(ROOT, 'index.html')],
    ['the origin root as the page', 'app://softphone/', join(ROOT, 'index.html')],
    ['a bundled script', 'app://softphone/assets/index-BM5Q4As_.js', join(ROOT, 'assets', 'index-BM5Q4As_.js')],
    ['a percent-encoded name', 'app://softphone/assets/a%20b.css', join(ROOT, 'assets', 'a b.css')],
    ['a file with a query string', 'app://softphone/assets/x.js?v=2', join(ROOT, 'assets', 'x.js')],
    ['dot segments that stay inside', 'app://softphone/assets/../index.html', join(ROOT, 'index.html')],
    ['encoded parent segments, clamped at the root by URL parsing', 'app://softphone/%2e%2e/%2e%2e/etc/passwd', join(ROOT, 'etc', 'passwd')],
  ])('serves %s', (_name, url, file) => {
    expect(resolveAppAsset(url, APP_URL, ROOT)).toBe(file);
  });

  it.each([
    ['an encoded slash traversal', 'app://softphone/..%2f..%2fpackage.json'],
    ['an encoded backslash traversal', 'app://softphone/..%5c..%5cpackage.json'],
    ['any backslash', 'app://softphone/assets%5cindex.js'],
    ['a NUL byte', 'app://softphone/index.html%00.png'],
    ['malformed percent-encoding', 'app://softphone/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/softphone/out/renderer/index.html'],
    ['https', 'https://softphone/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppAsset(url, APP_URL, ROOT)).toBeUndefined();
  });
});
