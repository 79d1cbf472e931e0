import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedRequest, isOpenableExternally, isTrustedSender } from './security';
import { readFileSync } from 'node:fs';

describe('isAllowedRequest()', () => {
  it('allows the app origin and nothing on the network', () => {
    expect(isAllowedRequest('app://atlas/index.html')).toBe(true);
    expect(isAllowedRequest('app://atlas/geo/shapes-50m.json')).toBe(true);
    expect(isAllowedRequest('app://other/index.html')).toBe(false);
    expect(isAllowedRequest('https://tiles.example.org/1/2/3.pbf')).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:5173/')).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd')).toBe(false);
    expect(isAllowedRequest('not a url')).toBe(false);
  });

  it('allows no data: or blob: URL, as the CSP allows none (its sources are only \'self\')', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/data:|blob:/);
    expect(isAllowedRequest('data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns%3D%22http%3A//www.w3.org/2000/svg%22/%3E')).toBe(false);
    expect(isAllowedRequest('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(isAllowedRequest('data:text/html,x', 'http://localhost:5173', true)).toBe(false);
    expect(isAllowedRequest('blob:app://atlas/4b1f2c1e-0000-4000-8000-000000000000')).toBe(false);
  });

  it('allows the developer tools\' own pages only where they can be opened', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', null, true)).toBe(true);
  });

  it('allows the dev server only while developing, and its websocket', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedRequest('https://example.com/', 'http://localhost:5173')).toBe(false);
  });
});

describe('isTrustedSender()', () => {
  // What Chromium reports as senderFrame.origin / .url for each kind of frame.
  const good = { origin: 'app://atlas', url: 'app://atlas/index.html', isTopFrame: true, isAppWindow: true };

  it('trusts the top frame of an app window on the app origin', () => {
    expect(isTrustedSender(good, 'app://atlas')).toBe(true);
    expect(isTrustedSender({ ...good, url: 'app://atlas/index.html#/country/BRA' }, 'app://atlas')).toBe(true);
  });

  it('refuses another host of the app scheme and any other custom scheme', () => {
    expect(isTrustedSender({ ...good, origin: 'app://evil', url: 'app://evil/' }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, origin: 'foo://x', url: 'foo://x/' }, 'app://atlas')).toBe(false);
    // An opaque origin is "null" whatever the page: it never matches, even if the URL looked right.
    expect(isTrustedSender({ ...good, origin: 'null', url: 'foo://x/' }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, origin: 'null' }, 'app://atlas')).toBe(false);
  });

  it('refuses data: and about:blank, even where about:blank inherits the app origin', () => {
    expect(isTrustedSender({ ...good, origin: 'null', url: 'data:text/html,<script>atlas()</script>' }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, origin: 'app://atlas', url: 'about:blank' }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, origin: 'app://atlas', url: '' }, 'app://atlas')).toBe(false);
  });

  it('refuses a subframe of the app page and a window the app did not create', () => {
    expect(isTrustedSender({ ...good, isTopFrame: false }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, isAppWindow: false }, 'app://atlas')).toBe(false);
  });

  it('refuses the web and unparsable URLs', () => {
    expect(isTrustedSender({ ...good, origin: 'https://evil.example', url: 'https://evil.example/' }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, url: 'garbage' }, 'app://atlas')).toBe(false);
  });

  it('trusts the dev server origin while developing, and only it', () => {
    const dev = { ...good, origin: 'http://localhost:5173', url: 'http://localhost:5173/' };
    expect(isTrustedSender(dev, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ ...dev, origin: 'http://localhost:5174', url: 'http://localhost:5174/' }, 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender(dev, 'app://atlas')).toBe(false);
  });
});

describe('isOpenableExternally()', () => {
  it('hands only https links to the OS browser', () => {
    expect(isOpenableExternally('https://en.wikipedia.org/wiki/Foreign_relations_of_South_Korea')).toBe(true);
    expect(isOpenableExternally('http://example.com')).toBe(false);
    expect(isOpenableExternally('file:///etc/passwd')).toBe(false);
    expect(isOpenableExternally('javascript:alert(1)')).toBe(false);
    expect(isOpenableExternally('smb://host/share')).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('denies by default and matches the meta tag of index.html', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    // frame-ancestors only works as a header; the meta tag has everything else.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
