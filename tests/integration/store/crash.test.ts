import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotesRepository } from '../../../src/main/store/notesRepository';
import { openStore, STORE_FILE } from '../../../src/main/store/openStore';
import { parseStore } from '../../../src/shared/store/schema';
import { bundleChild } from './bundleChild';

/** Kills in total, shared by lanes that each crash their own store in parallel. */
const KILLS = 500;
/** One lane per core (at least two): each kill costs a Node start and a 3 MB load, ~0.3 CPU-s. */
const LANES = Math.max(2, Math.min(4, availableParallelism()));
const WRITERS_PER_CHILD = 4;
const STARTUP_KILL_SHARE = 0.35;
/**
 * 400 notes of ~7.5 kB: a store of 3 MB. Few, long notes keep each child's start (which validates
 * every note) short, so more of the run is spent killing writes.
 */
const PREFILL_NOTES = 400;
const PREFILL_BODY = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '.repeat(95);

let work: string;
let childScript: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'atlas-crash-test-'));
  childScript = join(work, 'crash-child.mjs');
  // The child runs the real TypeScript store (lowdb and zod included), bundled once per run.
  await bundleChild(new URL('./crashChild.ts', import.meta.url), childScript);
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const randomBetween = (low: number, high: number) => low + Math.floor(Math.random() * (high - low + 1));

interface Lane {
  folder: string;
  /** Note id → highest sequence number whose save was acknowledged. */
  acked: Map<string, number>;
  kills: number;
  acks: number;
  checks: number;
  startupKills: number;
  /** How long the last child took to open the store, so start-up kills spread over all of it. */
  readyAfter: number;
}

interface Run {
  killed: boolean;
  /** The child made no progress and had to be stopped by the watchdog, not by a planned kill. */
  stuck: boolean;
  stderr: string;
  recovery: string | null;
}

/**
 * Starts a child on the lane's store and SIGKILLs it at a random moment. Most kills land 5–80 ms
 * after its first save was acknowledged, while further saves are in every stage of being written
 * (serialising, temp file, fsync, rename); the rest land anywhere in its start-up, while it opens
 * the store, backs it up and snapshots it.
 */
function crashOnce(lane: Lane, firstSeq: number): Promise<Run> {
  return new Promise((resolve) => {
    const spawned = Date.now();
    const child = spawn(process.execPath, [childScript, lane.folder, String(WRITERS_PER_CHILD), String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let recovery: string | null = null;
    let killScheduled = false;
    const killAfter = (low: number, high: number) => {
      if (killScheduled) return;
      killScheduled = true;
      setTimeout(() => child.kill('SIGKILL'), randomBetween(low, high));
    };
    const duringStartup = Math.random() < STARTUP_KILL_SHARE;
    if (duringStartup) killAfter(5, lane.readyAfter);
    let stuck = false;
    const watchdog = setTimeout(() => {
      stuck = true;
      child.kill('SIGKILL');
    }, 30_000);

    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      let newline: number;
      while ((newline = stdout.indexOf('\n')) !== -1) {
        const [kind, first, second] = stdout.slice(0, newline).split(' ');
        stdout = stdout.slice(newline + 1);
        if (kind === 'ready') {
          recovery = second ?? null;
          lane.readyAfter = Date.now() - spawned;
        } else if (kind === 'ack' && first !== undefined && second !== undefined) {
          lane.acks++;
          lane.acked.set(first, Math.max(lane.acked.get(first) ?? 0, Number(second)));
          killAfter(5, 80);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('close', (_, signal) => {
      clearTimeout(watchdog);
      if (duringStartup) lane.startupKills++;
      resolve({ killed: signal === 'SIGKILL', stuck, stderr, recovery });
    });
  });
}

/**
 * Every acknowledged save must be in the file as it was right after kill number `kill`: the note
 * exists, with that revision or a later one.
 */
function verify(lane: Lane, text: string, acked: ReadonlyMap<string, number>, kill: number): void {
  const parsed = parseStore(text);
  if (!parsed.ok) throw new Error(`after kill ${String(kill)} the store does not parse: ${JSON.stringify(parsed.problem)}`);
  const revisions = new Map(parsed.data.notes.map((note) => [note.id, Number(/^rev (\d+)/.exec(note.body)?.[1] ?? -1)]));
  for (const [id, seq] of acked) {
    const onDisk = revisions.get(id);
    if (onDisk === undefined) throw new Error(`after kill ${String(kill)} acknowledged note ${id} is missing`);
    if (onDisk < seq) throw new Error(`after kill ${String(kill)} note ${id} is at rev ${String(onDisk)}, but rev ${String(seq)} was acknowledged`);
    lane.checks++;
  }
}

async function prefilledLane(index: number): Promise<Lane> {
  const folder = join(work, `store-${String(index)}`);
  const store = await openStore({ folder });
  const notes = createNotesRepository(store);
  const created = await Promise.all(
    Array.from({ length: PREFILL_NOTES }, (_, i) =>
      notes.create({ target: { kind: 'country', countryId: 'JPN' }, body: `rev 0\n${String(i)} ${PREFILL_BODY}`, tags: ['prefill'] }),
    ),
  );
  // Frees the folder for the children, as an app that quits does.
  await store.close();
  return { folder, acked: new Map(created.map((note) => [note.id, 0])), kills: 0, acks: 0, checks: 0, startupKills: 0, readyAfter: 300 };
}

describe('the store under SIGKILL', () => {
  it(
    `keeps every acknowledged note through ${String(KILLS)} kills at random moments`,
    async () => {
      const started = Date.now();
      const lanes = await Promise.all(Array.from({ length: LANES }, (_, index) => prefilledLane(index)));
      const startBytes = (await readFile(join(lanes[0]!.folder, STORE_FILE))).length;
      expect(startBytes).toBeGreaterThan(3_000_000);

      await Promise.all(
        lanes.map(async (lane) => {
          let check: Promise<void> = Promise.resolve();
          for (let run = 1; run <= Math.ceil(KILLS / LANES); run++) {
            const result = await crashOnce(lane, run * 1_000_000);
            if (!result.killed) throw new Error(`the child ended by itself before it was killed:\n${result.stderr}`);
            if (result.stuck) throw new Error(`the child saved nothing for 30 s:\n${result.stderr}`);
            // A kill must never leave a store that the next start has to recover from.
            if (result.recovery !== null) expect(result.recovery).toBe('none');
            lane.kills++;
            // The file is read before the next child starts; checking it overlaps with that start.
            const text = await readFile(join(lane.folder, STORE_FILE), 'utf8');
            const acked = new Map(lane.acked);
            const kill = lane.kills;
            // The backup is copied at every start, so kills land in that copy too; it must never be torn.
            const backup = kill % 10 === 0 ? await readFile(join(lane.folder, `${STORE_FILE}.bak`), 'utf8').catch(() => null) : null;
            await check;
            check = new Promise((resolve, reject) => {
              setImmediate(() => {
                try {
                  verify(lane, text, acked, kill);
                  if (backup !== null && !parseStore(backup).ok) throw new Error(`after kill ${String(kill)} the backup is torn`);
                  resolve();
                } catch (error) {
                  reject(error instanceof Error ? error : new Error(String(error)));
                }
              });
            });
            // Attached at once so a failure is reported by the await above, not as unhandled.
            check.catch(() => undefined);
          }
          await check;
        }),
      );

      const seconds = (Date.now() - started) / 1000;
      for (const lane of lanes) {
        const names = await readdir(lane.folder);
        expect(names.filter((name) => name.includes('unreadable'))).toEqual([]);
        for (const snapshot of await readdir(join(lane.folder, 'snapshots'))) {
          if (snapshot.endsWith('.json')) expect(parseStore(await readFile(join(lane.folder, 'snapshots', snapshot), 'utf8')).ok, snapshot).toBe(true);
        }
        // The next start clears temp files the kills left behind.
        await openStore({ folder: lane.folder });
        expect((await readdir(lane.folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      }
      const endBytes = (await readFile(join(lanes[0]!.folder, STORE_FILE))).length;
      const total = (pick: (lane: Lane) => number) => lanes.reduce((sum, lane) => sum + pick(lane), 0);
      console.info(
        `crash test: ${String(total((lane) => lane.kills))} kills (${String(total((lane) => lane.startupKills))} during start-up), ` +
          `${String(total((lane) => lane.acks))} acknowledged saves, ${String(total((lane) => lane.acked.size))} notes, ` +
          `${String(total((lane) => lane.checks))} note checks after kills, store ${(startBytes / 1e6).toFixed(1)}–${(endBytes / 1e6).toFixed(1)} MB, ${seconds.toFixed(1)} s`,
      );
      expect(total((lane) => lane.kills)).toBeGreaterThanOrEqual(KILLS);
      expect(total((lane) => lane.acks)).toBeGreaterThan(KILLS);
    },
    // About 80 s on two idle cores; much longer when other work shares them.
    600_000,
  );
});
