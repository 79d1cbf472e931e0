import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

/**
 * Bundles a child-process script (the real TypeScript store, lowdb and zod included) into one ES
 * module that plain Node runs, so tests can put the store in separate, killable processes.
 */
export async function bundleChild(entry: URL, outFile: string): Promise<void> {
  await build({
    input: fileURLToPath(entry),
    platform: 'node',
    logLevel: 'silent',
    output: { file: outFile, format: 'esm' },
  });
}
