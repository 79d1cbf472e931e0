import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotesRepository } from '../../src/main/store/notesRepository';
import { openStore, STORE_FILE } from '../../src/main/store/openStore';
import { emptyStore, type StoreData } from '../../src/shared/store/schema';
import { NOTE_BODY, syntheticNotes } from '../lib/notes';

/** Per size: the store's save and load against the bare baseline of the same bytes, run by run. */
export interface StoreFigures {
  sizes: number[];
  save: Record<number, { ours: number[]; baseline: number[] }>;
  load: Record<number, { ours: number[]; baseline: number[] }>;
  bytes: Record<number, number>;
}

/** What the store's save does at least: serialise, write, flush the file, flush the folder. */
async function rawSave(path: string, data: StoreData): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(JSON.stringify(data));
    await handle.sync();
  } finally {
    await handle.close();
  }
  const folder = await open(join(path, '..'), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Issue 4's figures: save latency (one note edited, the whole store written durably) and load time
 * (open: read, migrate, validate, back up) at each size, against a bare JSON.stringify + write +
 * fsyncs (and readFile + JSON.parse) of the same data, alternating, after a discarded warm-up.
 */
export async function runStore(runs: number, log: (line: string) => void, sizes = [100, 1_000, 10_000]): Promise<StoreFigures> {
  const figures: StoreFigures = { sizes, save: {}, load: {}, bytes: {} };
  for (const size of sizes) {
    const folder = await mkdtemp(join(tmpdir(), `atlas-bench-store-${size}-`));
    const rawFolder = await mkdtemp(join(tmpdir(), `atlas-bench-raw-${size}-`));
    try {
      const data: StoreData = { ...emptyStore(), notes: syntheticNotes(size) };
      await writeFile(join(folder, STORE_FILE), JSON.stringify(data));
      figures.bytes[size] = Buffer.byteLength(JSON.stringify(data));
      const save = { ours: [] as number[], baseline: [] as number[] };
      const load = { ours: [] as number[], baseline: [] as number[] };
      const store = await openStore({ folder });
      const notes = createNotesRepository(store);
      const target = data.notes[Math.floor(size / 2)]?.id ?? '';
      const rawPath = join(rawFolder, STORE_FILE);
      for (let run = 0; run <= runs; run++) {
        const body = `${NOTE_BODY} (edit ${run})`;
        let start = performance.now();
        await notes.update(target, { body });
        const ourSave = performance.now() - start;
        const snapshot = store.read();
        start = performance.now();
        await rawSave(rawPath, snapshot as StoreData);
        const rawSaveMs = performance.now() - start;

        start = performance.now();
        await openStore({ folder });
        const ourLoad = performance.now() - start;
        start = performance.now();
        JSON.parse(await readFile(rawPath, 'utf8'));
        const rawLoad = performance.now() - start;
        if (run === 0) continue; // warm-up
        save.ours.push(ourSave);
        save.baseline.push(rawSaveMs);
        load.ours.push(ourLoad);
        load.baseline.push(rawLoad);
      }
      figures.save[size] = save;
      figures.load[size] = load;
      log(`store ${size.toLocaleString('en-US')} notes (${Math.round((figures.bytes[size] ?? 0) / 1024)} kB): measured`);
    } finally {
      await rm(folder, { recursive: true, force: true });
      await rm(rawFolder, { recursive: true, force: true });
    }
  }
  return figures;
}
