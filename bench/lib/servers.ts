import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { MAP_PALETTES } from '../../src/renderer/src/map/palette';

/** What the bare page is told when it is served: colours by country id, as the app shows them. */
export interface BareConfig {
  ocean: string;
  neutral: string;
  /** Fill colour per country id (read from the app's own feature-state in the warm-up). */
  fills: Record<string, string>;
}

export interface BaselineServer {
  origin: string;
  setConfig(config: BareConfig): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Copies the built renderer aside, so an engineer rebuilding `out/` while the bench runs cannot
 * swap files under it half-way; the app is then served from the copy.
 */
export async function snapshotRenderer(rendererDir: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'atlas-bench-renderer-'));
  await cp(rendererDir, folder, { recursive: true });
  return folder;
}

/** The sea and the land without a tier, as the app's light map draws them (the bench runs the light theme). */
export function bareColours(): Pick<BareConfig, 'ocean' | 'neutral'> {
  const { ocean, neutral } = MAP_PALETTES.light;
  return { ocean, neutral };
}

/**
 * Serves the bare baseline page on loopback: its HTML and script from bench/baseline, MapLibre's own
 * distribution files straight from node_modules (no app build involved), and the geometry files
 * named in `geometry`. Files are read on every request, as the app's server does.
 */
export async function startBaselineServer(options: { baselineDir: string; maplibreDir: string; geometry: Record<string, string> }): Promise<BaselineServer> {
  let config: BareConfig = { ...bareColours(), fills: {} };
  const routes = new Map<string, string>([
    ['/bare.mjs', join(options.baselineDir, 'bare.mjs')],
    ['/maplibre/maplibre-gl.mjs', join(options.maplibreDir, 'maplibre-gl.mjs')],
    ['/maplibre/maplibre-gl-worker.mjs', join(options.maplibreDir, 'maplibre-gl-worker.mjs')],
    ['/maplibre/maplibre-gl.css', join(options.maplibreDir, 'maplibre-gl.css')],
    ...Object.entries(options.geometry).map(([name, path]) => [`/geo/${name}`, path] as [string, string]),
  ]);

  async function respond(path: string): Promise<{ status: number; type: string; body: Buffer | string }> {
    if (path === '/bare.html') {
      const html = await readFile(join(options.baselineDir, 'bare.html'), 'utf8');
      // The config goes inline so the bare page needs no extra round trip before it builds its map.
      const inline = JSON.stringify(config).replace(/</g, '\\u003c');
      return { status: 200, type: TYPES['.html'] ?? '', body: html.replace('__CONFIG__', inline) };
    }
    const file = routes.get(path);
    if (!file) return { status: 404, type: 'text/plain', body: 'Not found' };
    return { status: 200, type: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
  }

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    void respond(path).then(
      ({ status, type, body }) => {
        response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500).end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setConfig: (next) => {
      config = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
