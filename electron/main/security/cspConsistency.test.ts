import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../shell/requestPolicy';
import { contentSecurityPolicy } from './contentSecurityPolicy';

/**
 * One renderer, three places its policy is written: the app:// response header (Electron),
 * the browser shell's response header, and the page's own <meta> (which also guards a page
 * opened some other way). They must not drift apart, and the page must need nothing the
 * policy forbids.
 */

const page = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name ?? '', sources.join(' ')]),
  );
}

const electron = directives(contentSecurityPolicy());
const shell = directives(RENDERER_CSP);
const meta = directives(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '');

describe('the renderer’s content security policy', () => {
  it.each([...electron.keys()])('the browser shell sends %s as the app does', (name) => {
    expect(shell.get(name)).toBe(electron.get(name));
  });

  it('the browser shell adds nothing beyond the app’s own origin', () => {
    for (const [name, sources] of shell) if (!electron.has(name)) expect(sources, name).toMatch(/^'(self|none)'$/);
  });

  // frame-ancestors is ignored in a <meta> policy, so only the headers carry it.
  it.each([...electron.keys()].filter((name) => name !== 'frame-ancestors'))('the page’s <meta> says %s as the headers do', (name) => {
    expect(meta.get(name)).toBe(electron.get(name));
  });

  it('the page has no inline script, style or event handler the policy would block', () => {
    for (const tag of page.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc=/);
    expect(page).not.toMatch(/<style\b/i);
    expect(page).not.toMatch(/\sstyle=/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).not.toMatch(/javascript:/i);
  });
});
