// Run by storeLock.test.ts as a bundled child process: one running copy of the app's store. It
// prints `ready <pid>` once the store is open, or `refused <code> <message as JSON>` when opening is
// refused, then obeys lines on stdin: `note <n>` saves n notes one after another, printing
// `ack <id>` after each save has resolved; `close` closes the store, prints `closed` and exits.
import { createInterface } from 'node:readline';
import { createNotesRepository } from '../../../src/main/store/notesRepository';
import { openStore, type Store } from '../../../src/main/store/openStore';
import { isCodedError } from '../../../src/shared/codedError';

const [folder] = process.argv.slice(2);
if (folder === undefined) throw new Error('usage: lockChild <store folder>');

// Pipes are written synchronously on Linux, so a printed line has left the process before any kill.
const say = (line: string) => process.stdout.write(`${line}\n`);

let store: Store;
try {
  store = await openStore({ folder });
} catch (error) {
  if (!isCodedError(error)) throw error;
  say(`refused ${error.code} ${JSON.stringify(error.message)}`);
  process.exit(0);
}
const notes = createNotesRepository(store);
say(`ready ${String(process.pid)}`);

let saved = 0;
for await (const line of createInterface({ input: process.stdin })) {
  const [command, count] = line.split(' ');
  if (command === 'note') {
    for (let i = 0; i < Number(count); i++) {
      const note = await notes.create({ target: { kind: 'country', countryId: 'KOR' }, body: `note ${String(++saved)} of process ${String(process.pid)}` });
      say(`ack ${note.id}`);
    }
  } else if (command === 'close') {
    await store.close();
    say('closed');
    process.exit(0);
  }
}
