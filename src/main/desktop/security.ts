/** The scheme and host the renderer is served from in the app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'atlas';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The renderer's Content-Security-Policy: nothing but the app's own files. MapLibre's worker is a
 * file of the app (no blob: workers). Keep it equal to the meta tag in src/renderer/index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Chromium switches main sets before the app is ready. Chromium no longer falls back to SwiftShader
 * (software WebGL) on its own where there is no usable GPU (a virtual machine, a CI runner, a
 * blocklisted driver), and without WebGL there is no map. "Unsafe" refers to untrusted web content
 * reaching the software rasteriser; this window only ever renders the app's own files.
 */
export const CHROMIUM_SWITCHES: readonly (readonly [name: string, value?: string])[] = [['enable-unsafe-swiftshader']];

/**
 * Whether the session may load `url`: exactly what the CSP's sources allow, which is the app's own
 * files ('self', app://atlas) and nothing else (no data:, no blob:), plus the dev server (and its
 * websocket) while developing and the developer tools' own pages where they can be opened.
 * Everything else is cancelled.
 */
export function isAllowedRequest(url: string, devServerOrigin: string | null = null, developer = false): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (parsed.protocol === 'devtools:') return developer;
  if (devServerOrigin === null) return false;
  const origin = new URL(devServerOrigin);
  if (parsed.host !== origin.host) return false;
  return parsed.protocol === origin.protocol || (origin.protocol === 'http:' && parsed.protocol === 'ws:');
}

/** Who sent an IPC message, as far as the check needs to know. */
export interface SenderInfo {
  /**
   * The sending frame's origin as Chromium holds it (`senderFrame.origin`): `app://atlas` for the
   * app, `null` for data:, sandboxed and opaque frames. Node's URL cannot give this: it says 'null'
   * for every custom scheme, the app's own included.
   */
  origin: string;
  /** URL of the sending frame. */
  url: string;
  /** True for the top frame of its page, false for any iframe. */
  isTopFrame: boolean;
  /** True when the page belongs to a window this app created. */
  isAppWindow: boolean;
}

/**
 * An IPC message is trusted only from the top frame of one of our windows whose origin is exactly
 * the app's and whose URL has the app's scheme and host (about:blank inherits its opener's origin,
 * so the URL is checked as well).
 */
export function isTrustedSender(sender: SenderInfo, appOrigin: string): boolean {
  if (!sender.isTopFrame || !sender.isAppWindow) return false;
  const expected = schemeAndHost(appOrigin);
  return expected !== null && sender.origin === expected && schemeAndHost(sender.url) === expected;
}

/** `scheme://host[:port]` of a URL, compared as text (URL.origin is 'null' for custom schemes), or null. */
function schemeAndHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** External links are handed to the OS browser only for https, and only after the user agrees. */
export function isOpenableExternally(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
