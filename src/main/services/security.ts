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
 * Whether the session may load `url`: the app's own files, data: URLs (stylesheet icons), the dev
 * server while developing, and the developer tools. Everything else is cancelled.
 */
export function isAllowedRequest(url: string, devServerOrigin: string | null = null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (parsed.protocol === 'data:' || parsed.protocol === 'devtools:') return true;
  if (devServerOrigin === null) return false;
  const origin = new URL(devServerOrigin);
  if (parsed.host !== origin.host) return false;
  return parsed.protocol === origin.protocol || (origin.protocol === 'http:' && parsed.protocol === 'ws:');
}

/** Who sent an IPC message, as far as the check needs to know. */
export interface SenderInfo {
  /** URL of the sending frame. */
  url: string;
  /** True for the top frame of its page, false for any iframe. */
  isTopFrame: boolean;
  /** True when the page belongs to a window this app created. */
  isAppWindow: boolean;
}

/** An IPC message is trusted only from the top frame of one of our windows showing our origin. */
export function isTrustedSender(sender: SenderInfo, appOrigin: string): boolean {
  if (!sender.isTopFrame || !sender.isAppWindow) return false;
  try {
    return new URL(sender.url).origin === new URL(appOrigin).origin;
  } catch {
    return false;
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
