import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, STORE_FILE } from '../../../src/main/store/openStore';
import { LOCK_FILE } from '../../../src/main/store/storeLock';
import { parseStore } from '../../../src/shared/store/schema';
import { bundleChild } from './bundleChild';

let work: string;
let childScript: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'atlas-two-processes-'));
  childScript = join(work, 'lock-child.mjs');
  await bundleChild(new URL('./lockChild.ts', import.meta.url), childScript);
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** One app process on a store folder, driven line by line (see lockChild.ts). */
interface Copy {
  process: ChildProcess;
  /** The next line the child prints. */
  next(): Promise<string>;
  send(line: string): void;
  exited: Promise<number | null>;
}

/** Starts a copy on `folder`, as another OS user when `user` is given (only root can). */
function startCopy(folder: string, user?: { uid: number; gid: number }): Copy {
  const child = spawn(process.execPath, [childScript, folder], { stdio: ['pipe', 'pipe', 'pipe'], ...user });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    process: child,
    next: () => {
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      return Promise.race([
        new Promise<string>((resolve) => waiting.push(resolve)),
        exited.then((code) => {
          throw new Error(`the child exited (${String(code)}) without a line:\n${stderr}`);
        }),
      ]);
    },
    send: (line) => child.stdin.write(`${line}\n`),
    exited,
  };
}

/** Saves `count` notes in `copy`, resolving with their ids once each save was acknowledged. */
async function saveNotes(copy: Copy, count: number): Promise<string[]> {
  copy.send(`note ${String(count)}`);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const line = await copy.next();
    const [kind, id] = line.split(' ');
    if (kind !== 'ack' || id === undefined) throw new Error(`expected an acknowledgement, got ${line}`);
    ids.push(id);
  }
  return ids;
}

describe('two processes on one store folder', () => {
  it('refuses the second, which touches nothing, and the first keeps every acknowledged note', async () => {
    const folder = join(work, 'shared');
    const first = startCopy(folder);
    expect(await first.next()).toMatch(/^ready \d+$/);
    const acked = await saveNotes(first, 60);
    // A save of the first copy's in flight, as a start of the second must never delete.
    const inFlight = join(folder, `.${STORE_FILE}.${String(first.process.pid)}.0123456789ab.tmp`);
    await writeFile(inFlight, '{"half":');

    const second = startCopy(folder);
    const answer = await second.next();
    acked.push(...(await saveNotes(first, 60)));
    if (answer.startsWith('ready')) {
      // Without a lock the second copy opened the store as it was and now saves over the first's notes.
      await saveNotes(second, 1);
      second.send('close');
    }
    await second.exited;
    first.send('close');
    expect(await first.next()).toBe('closed');
    await first.exited;

    const parsed = parseStore(await readFile(join(folder, STORE_FILE), 'utf8'));
    if (!parsed.ok) throw new Error(`the store does not parse: ${JSON.stringify(parsed.problem)}`);
    const onDisk = new Set(parsed.data.notes.map((note) => note.id));
    expect(acked.filter((id) => !onDisk.has(id)), 'acknowledged notes lost').toEqual([]);
    expect(answer).toMatch(/^refused store-in-use /);
    expect(JSON.parse(answer.slice('refused store-in-use '.length))).toContain(folder);
    expect(await readFile(inFlight, 'utf8')).toBe('{"half":');
    // The first copy freed the folder as it closed: the next start opens it.
    await rm(inFlight);
    expect(await readdir(folder)).not.toContain(LOCK_FILE);
    const next = await openStore({ folder });
    expect(next.read().notes).toHaveLength(120);
    await next.close();
  });

  // Only root can start a process as another OS user, and only another user can be refused a read
  // that this one's permission bits allow.
  it.runIf(process.getuid?.() === 0)('refuses a copy run by another OS user who cannot read the lock, rather than opening unlocked', async () => {
    const folder = join(work, 'other-user');
    await mkdir(folder);
    // Anyone may create files in the folder (so it is not read-only to the other user) and read the
    // child script; only the lock is private, as a strict umask (077) leaves it.
    await chmod(work, 0o755);
    await chmod(childScript, 0o644);
    await chmod(folder, 0o777);
    const first = startCopy(folder);
    expect(await first.next()).toMatch(/^ready \d+$/);
    await saveNotes(first, 1);
    await chmod(join(folder, STORE_FILE), 0o666);
    await chmod(join(folder, LOCK_FILE), 0o600);

    const nobody = { uid: 65534, gid: 65534 };
    const second = startCopy(folder, nobody);
    const answer = await second.next();
    if (answer.startsWith('ready')) second.send('close');
    await second.exited;
    first.send('close');
    expect(await first.next()).toBe('closed');
    expect(answer).toMatch(/^refused store-in-use /);
  });

  it('takes over the lock of a copy that was killed', async () => {
    const folder = join(work, 'killed');
    const killed = startCopy(folder);
    expect(await killed.next()).toMatch(/^ready \d+$/);
    const acked = await saveNotes(killed, 5);
    killed.process.kill('SIGKILL');
    await killed.exited;
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: killed.process.pid });

    const next = startCopy(folder);
    expect(await next.next()).toBe(`ready ${String(next.process.pid)}`);
    expect(JSON.parse(await readFile(join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: next.process.pid });
    await saveNotes(next, 1);
    next.send('close');
    expect(await next.next()).toBe('closed');
    const store = await openStore({ folder });
    expect(store.read().notes.map((note) => note.id)).toEqual(expect.arrayContaining(acked));
    await store.close();
  });
});
