import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveAppFile } from '../../src/main/desktop/appProtocol';

/**
 * Serves the built renderer on loopback with the very function the app's app:// protocol uses, so
 * the files, headers (CSP included) and path checks under test are the app's own.
 */
export async function startAppServer(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    void serveAppFile(root, rawPath).then((served) => {
      response.writeHead(served.status, served.headers);
      response.end(served.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
