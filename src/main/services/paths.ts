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
