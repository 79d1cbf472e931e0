import { protocol } from 'electron';
import { serveAppFile } from '../desktop/appProtocol';
import { APP_HOST, APP_SCHEME } from '../desktop/security';

/** Must run before `app` is ready: lets app:// behave like a secure web origin (fetch, workers). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from `root` on app://atlas/, refusing any path that leaves it. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Forbidden', { status: 403 });
    const served = await serveAppFile(root, url.pathname);
    return new Response(typeof served.body === 'string' ? served.body : new Uint8Array(served.body), {
      status: served.status,
      headers: served.headers,
    });
  });
}
