import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

/** A response of the app's own file server, independent of the transport. */
export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/**
 * Maps a URL path (still percent-encoded, as it came in the request) to a file under `root`, or
 * null when it would leave `root`: `..` segments (encoded or not), backslashes, NUL bytes and
 * malformed escapes are all refused rather than normalised.
 */
export function resolveAppPath(root: string, rawPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = resolve(root);
  const target = resolve(base, relative);
  return target.startsWith(base + sep) ? target : null;
}

/** Serves one request for the app's files: 200 with the file, or 403/404, always with the CSP. */
export async function serveAppFile(root: string, rawPathname: string): Promise<AppResponse> {
  const target = resolveAppPath(root, rawPathname);
  if (target === null) return plain(403, 'Forbidden');
  try {
    // A symbolic link inside the folder must not lead out of it either.
    const [real, realRoot] = await Promise.all([realpath(target), realpath(root)]);
    if (!real.startsWith(realRoot + sep)) return plain(403, 'Forbidden');
    const body = await readFile(real);
    return {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': MIME_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' },
      body,
    };
  } catch {
    return plain(404, 'Not found');
  }
}

function plain(status: number, text: string): AppResponse {
  return { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}
