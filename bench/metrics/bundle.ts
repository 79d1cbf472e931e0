import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  /** Gzipped kB of every .js/.mjs (main bundle and map worker) in out/renderer/assets. */
  jsKB: number;
  /** Gzipped kB of the script index.html loads: what runs before the map is created. */
  firstScriptKB: number;
  cssKB: number;
  /** MapLibre alone (its .mjs and worker, its .css): what any map app ships at least. */
  maplibreJsKB: number;
  maplibreCssKB: number;
  /** Gzipped kB of each geometry file. */
  geometryKB: Record<string, number>;
  /** Every file measured, raw and gzipped, for the JSON. */
  files: { file: string; bytes: number; gzipBytes: number }[];
}

async function measure(path: string): Promise<{ bytes: number; gzipBytes: number }> {
  const content = await readFile(path);
  // Level 9: what a packager or a server compressing ahead of time would ship.
  return { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Metric 8 (size): the built renderer's scripts, styles and geometry, gzipped. */
export async function measureBundle(rendererDir: string, maplibreDir: string): Promise<BundleFigures> {
  const files: BundleFigures['files'] = [];
  let js = 0;
  let css = 0;
  for (const name of (await readdir(join(rendererDir, 'assets'))).sort()) {
    const size = await measure(join(rendererDir, 'assets', name));
    files.push({ file: `assets/${name}`, ...size });
    if (/\.m?js$/.test(name)) js += size.gzipBytes;
    else if (name.endsWith('.css')) css += size.gzipBytes;
  }
  const geometryKB: Record<string, number> = {};
  for (const name of (await readdir(join(rendererDir, 'geo'))).sort()) {
    const size = await measure(join(rendererDir, 'geo', name));
    files.push({ file: `geo/${name}`, ...size });
    geometryKB[name] = size.gzipBytes / 1024;
  }
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const first = /<script type="module"[^>]*\ssrc="\.\/(assets\/[^"]+)"/.exec(html)?.[1];
  const firstScript = files.find((file) => file.file === first);
  if (!firstScript) throw new Error('index.html loads no script from assets/');
  const maplibre = await Promise.all(['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'].map((name) => measure(join(maplibreDir, name))));
  return {
    jsKB: js / 1024,
    firstScriptKB: firstScript.gzipBytes / 1024,
    cssKB: css / 1024,
    maplibreJsKB: ((maplibre[0]?.gzipBytes ?? 0) + (maplibre[1]?.gzipBytes ?? 0)) / 1024,
    maplibreCssKB: (maplibre[2]?.gzipBytes ?? 0) / 1024,
    geometryKB,
    files,
  };
}
