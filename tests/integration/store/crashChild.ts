// Run by crash.test.ts as a bundled child process: saves notes through the real store until it is
// killed, printing `ack <id> <seq>` only after the save that wrote body `rev <seq>` has resolved.
import { createNotesRepository } from '../../../src/main/store/notesRepository';
import { openStore } from '../../../src/main/store/openStore';

const [folder, writersArgument, seqArgument] = process.argv.slice(2);
if (folder === undefined || writersArgument === undefined || seqArgument === undefined) {
  throw new Error('usage: crashChild <store folder> <writers> <first sequence number>');
}

/** As long as the pre-filled bodies, so edits keep the store at several megabytes. */
const PADDING = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '.repeat(95);
/** New notes are short and stop at this many notes, so the store does not grow run after run. */
const MAX_NOTES = 600;

const store = await openStore({ folder });
const notes = createNotesRepository(store);
const ids = store.read().notes.map((note) => note.id);
let seq = Number(seqArgument);

// Pipes are written synchronously on Linux, so a printed line has left the process before any kill.
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`ready ${String(ids.length)} ${store.recovery ? store.recovery.restoredFrom : 'none'}`);

async function writer(): Promise<never> {
  for (;;) {
    const mine = ++seq;
    if (ids.length === 0 || (ids.length < MAX_NOTES && Math.random() < 0.2)) {
      const note = await notes.create({ target: { kind: 'country', countryId: 'KOR' }, body: `rev ${String(mine)}`, tags: ['crash-test'] });
      ids.push(note.id);
      say(`ack ${note.id} ${String(mine)}`);
    } else {
      const id = ids[Math.floor(Math.random() * ids.length)]!;
      await notes.update(id, { body: `rev ${String(mine)}\n${PADDING}` });
      say(`ack ${id} ${String(mine)}`);
    }
  }
}

await Promise.all(Array.from({ length: Number(writersArgument) }, () => writer()));
