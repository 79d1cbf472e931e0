import { join, resolve } from 'node:path';

/**
 * The store folder: `--store-dir=<folder>` (or `--store-dir <folder>`) on the command line wins,
 * then the ATLAS_STORE_DIR environment variable, then the OS user-data folder.
 */
export function resolveStoreFolder(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, userData: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--store-dir=')) return arg.slice('--store-dir='.length);
    if (arg === '--store-dir' && argv[i + 1]) return argv[i + 1] ?? userData;
  }
  return env['ATLAS_STORE_DIR'] || userData;
}

/** Where the running app is, as Electron tells it. */
export interface AppLocation {
  /** `app.isPackaged`: running from an installed copy rather than from the project folder. */
  isPackaged: boolean;
  /** The folder of the main bundle (`out/main`, inside `app.asar` once packaged). */
  mainDir: string;
  /** `process.resourcesPath`: the installed app's resources folder, which holds `data/`. */
  resourcesPath: string;
}

/** The files the app reads at run time. */
export interface AppPaths {
  /** data/: the bundled sources and the atlas rules. */
  dataFolder: string;
  /** The built renderer served on app://atlas. */
  rendererFolder: string;
  /** The bundled preload. */
  preload: string;
  /** The window icon (Linux and Windows; macOS takes the bundle's). */
  icon: string;
  /**
   * The folder worker threads are started from: the main bundle's own, or its copy unpacked
   * from the archive once packaged (a worker's entry and the chunks it imports are read by
   * Node's loader, which is not asked to look inside app.asar).
   */
  workerFolder: string;
}

/**
 * Resolves the app's files from where its main bundle is, the same for `npm start` (electron-vite
 * preview), `npm run dev`, Electron started on the project folder (as the tests do) or on the
 * bundle itself, and an installed copy (data/ as an extra resource, main unpacked beside the archive).
 */
export function resolveAppPaths({ isPackaged, mainDir, resourcesPath }: AppLocation): AppPaths {
  const main = resolve(mainDir);
  return {
    dataFolder: isPackaged ? join(resourcesPath, 'data') : resolve(main, '../../data'),
    rendererFolder: resolve(main, '../renderer'),
    preload: resolve(main, '../preload/index.cjs'),
    icon: resolve(main, '../../resources/icon.png'),
    workerFolder: isPackaged ? unpacked(main) : main,
  };
}

/** The path of `path`'s copy in app.asar.unpacked, for a path inside app.asar. */
function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}
