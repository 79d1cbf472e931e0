import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A proxy that refuses everything and writes down what it was asked for. Chromium is started with
 * it as its proxy, so any request that is not to the loopback app server, from the page, a worker
 * or the browser itself, ends here and is counted.
 */
export interface NetGuard {
  url: string;
  attempts: string[];
  close(): Promise<void>;
}

export async function startNetGuard(): Promise<NetGuard> {
  const attempts: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    attempts.push(`${request.method} ${request.url}`);
    response.writeHead(403).end('Blocked by the test network guard');
  });
  server.on('connect', (request, socket) => {
    attempts.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('connection', (socket) => {
    // The browser may drop a tunnel it asked for before reading the refusal: no error of the test's.
    socket.on('error', () => {});
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
