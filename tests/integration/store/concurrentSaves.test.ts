import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseStore, writeFileAtomic } from '../../../src/main/store/atomicJsonFile';
import { createNotesRepository } from '../../../src/main/store/notesRepository';
import { openStore, STORE_FILE } from '../../../src/main/store/openStore';
import { parseStore } from '../../../src/shared/store/schema';

const EDITORS = 500;
const SAVES_PER_EDITOR = 20;

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-concurrent-test-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('10,000 concurrent note saves through the notes repository', () => {
  it('end with a file equal to the final state in memory, holding every note as last saved', async () => {
    let writes = 0;
    const store = await openStore({
      folder,
      write: async (path, text) => {
        writes++;
        await writeFileAtomic(path, text);
      },
    });
    const notes = createNotesRepository(store);
    const expected = new Map<string, string>();

    // Five hundred editors save at once, each its own notes one after another: creates, and edits of
    // notes it made earlier, so creates and edits of the same ids interleave across writes.
    await Promise.all(
      Array.from({ length: EDITORS }, async (_, editor) => {
        const own: string[] = [];
        for (let save = 0; save < SAVES_PER_EDITOR; save++) {
          const body = `editor ${String(editor)} save ${String(save)}`;
          if (save % 3 === 2) {
            const id = own[save % own.length]!;
            await notes.update(id, { body, tags: [`editor-${String(editor)}`] });
            expected.set(id, body);
          } else {
            const note = await notes.create({ target: { kind: 'country', countryId: 'KOR' }, body, tags: ['concurrent'] });
            own.push(note.id);
            expected.set(note.id, body);
          }
        }
      }),
    );

    const text = await readFile(join(folder, STORE_FILE), 'utf8');
    expect(text).toBe(serialiseStore(store.read()));
    const parsed = parseStore(text);
    if (!parsed.ok) throw new Error(`the store does not parse: ${JSON.stringify(parsed.problem)}`);
    const onDisk = new Map(parsed.data.notes.map((note) => [note.id, note.body]));
    expect(onDisk.size).toBe(expected.size);
    for (const [id, body] of expected) expect(onDisk.get(id), id).toBe(body);
    expect(parsed.data.notes).toEqual(store.read().notes);

    // Saves queued during a write share the next one, so 10,000 saves need far fewer writes.
    expect(writes).toBeLessThan(EDITORS * SAVES_PER_EDITOR);
    await store.close();
    expect(await readdir(folder)).toEqual([STORE_FILE]);
  });
});
