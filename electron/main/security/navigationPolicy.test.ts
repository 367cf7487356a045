import { describe, expect, it } from 'vitest';
import { APP_URL } from './appOrigin';
import { externalLinkToOpen, isAllowedNavigation } from './navigationPolicy';

describe('isAllowedNavigation', () => {
  it.each([
    ['the app page itself', APP_URL],
    ['the app page with a fragment', `${APP_URL}#/calls`],
    ['the canonical upper-case spelling Chromium would lower-case', 'APP://SOFTPHONE/index.html'],
  ])('allows %s', (_name, url) => {
    expect(isAllowedNavigation(url, APP_URL)).toBe(true);
  });

  it.each([
    ['another https site', 'https://evil.example/'],
    ['a vendor API', 'https://gws.example:8090/api/v2/me'],
    ['loopback http', 'http://127.0.0.1:5173/index.html'],
    ['another page of the app origin', 'app://softphone/other.html'],
    ['an asset of the app origin', 'app://softphone/assets/index.js'],
    ['the app page with a query', `${APP_URL}?debug=1`],
    ['another host on the app scheme', 'app://evil/index.html'],
    ['a look-alike host', 'app://softphone.evil/index.html'],
    ['the app host with a port', 'app://softphone:8080/index.html'],
    ['the app host with credentials', 'app://user:pw@softphone/index.html'],
    ['a file path outside the app', 'file:///etc/passwd'],
    ['the built renderer by file path', 'file:///opt/agent-softphone/resources/app.asar/out/renderer/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:app://softphone/4a1b'],
    ['about:blank', 'about:blank'],
    ['a tel: link', 'tel:+441234567890'],
    ['not a URL', 'index.html'],
    ['an empty string', ''],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedNavigation(url, APP_URL)).toBe(false);
  });
});

describe('externalLinkToOpen', () => {
  it('opens an https link, normalised', () => {
    expect(externalLinkToOpen('https://docs.example.com/help?q=1#top')).toBe('https://docs.example.com/help?q=1#top');
    expect(externalLinkToOpen('HTTPS://Docs.Example.com')).toBe('https://docs.example.com/');
  });

  it.each([
    ['plain http', 'http://docs.example.com/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['a custom scheme that launches a program', 'ms-msdt:/id PCWDiagnostic'],
    ['the app itself', APP_URL],
    ['https with credentials', 'https://user:pw@docs.example.com/'],
    ['an absurdly long URL', `https://docs.example.com/${'a'.repeat(3000)}`],
    ['not a URL', 'docs.example.com'],
  ])('opens nothing for %s', (_name, url) => {
    expect(externalLinkToOpen(url)).toBeUndefined();
  });
});
