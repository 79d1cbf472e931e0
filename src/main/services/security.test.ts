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

  it('allows the dev server only while developing, and its websocket', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedRequest('https://example.com/', 'http://localhost:5173')).toBe(false);
  });
});

describe('isTrustedSender()', () => {
  const good = { url: 'app://atlas/index.html', isTopFrame: true, isAppWindow: true };
  it('trusts the top frame of an app window on the app origin', () => {
    expect(isTrustedSender(good, 'app://atlas')).toBe(true);
  });
  it('refuses iframes, foreign windows and other origins', () => {
    expect(isTrustedSender({ ...good, isTopFrame: false }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, isAppWindow: false }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, url: 'https://evil.example/' }, 'app://atlas')).toBe(false);
    expect(isTrustedSender({ ...good, url: 'garbage' }, 'app://atlas')).toBe(false);
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
