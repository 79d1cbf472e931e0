import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../../src/main/compose';
import { openStore, STORE_FILE } from '../../../src/main/store/openStore';
import { createPrefsRepository } from '../../../src/main/store/prefsRepository';
import type { Prefs } from '../../../src/shared/contract';

const repo = new URL('../../../', import.meta.url).pathname;
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-prefs-test-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the preferences repository', () => {
  it('keeps the theme and the session across a restart of the store', async () => {
    const first = createPrefsRepository(await openStore({ folder }));
    expect(first.theme()).toBeUndefined();
    expect(first.session()).toBeUndefined();
    await first.setTheme('dark');
    await first.setSession({ view: { center: [127.5, 36.2], zoom: 4.25 }, selected: 'JPN', tab: 'notes' });

    const second = createPrefsRepository(await openStore({ folder }));
    expect(second.theme()).toBe('dark');
    expect(second.session()).toEqual({ view: { center: [127.5, 36.2], zoom: 4.25 }, selected: 'JPN', tab: 'notes' });
    const file = JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8')) as { prefs: unknown };
    expect(file.prefs).toMatchObject({ theme: 'dark', session: { selected: 'JPN' } });
  });

  it('replaces the whole session, so a closed panel is remembered as closed', async () => {
    const prefs = createPrefsRepository(await openStore({ folder }));
    await prefs.setSession({ selected: 'JPN', tab: 'notes' });
    await prefs.setSession({ selected: null });
    expect(prefs.session()).toEqual({ selected: null });
  });
});

describe('prefs over IPC', () => {
  let services: Services;
  const changed: Prefs[] = [];

  beforeEach(async () => {
    changed.length = 0;
    services = await composeServices({
      storeFolder: join(folder, 'store'),
      dataFolder: join(repo, 'data'),
      rendererFolder: join(repo, 'src/renderer'),
      appInfo: () => ({ name: 'Atlas', version: '0', electronVersion: null, chromeVersion: null, platform: 'linux', dataSources: [] }),
      defaultLanguage: 'en',
      onPrefsChanged: (prefs) => changed.push(prefs),
      dialogs: { saveFile: () => Promise.resolve(null), chooseFolder: () => Promise.resolve(null), openFile: () => Promise.resolve(null) },
    });
  });

  it('starts on the OS theme with no session, and announces a theme change', async () => {
    expect(await services.invoke('atlas:prefs/get', undefined, true)).toEqual({ ok: true, value: { language: 'en', theme: 'system', session: null } });
    expect(await services.invoke('atlas:prefs/set-theme', { theme: 'dark' }, true)).toEqual({ ok: true, value: { language: 'en', theme: 'dark' } });
    expect(changed).toEqual([{ language: 'en', theme: 'dark' }]);
    await services.invoke('atlas:prefs/set-session', { selected: 'KOR', view: { center: [0, 0], zoom: 1 } }, true);
    expect(await services.invoke('atlas:prefs/get', undefined, true)).toMatchObject({ ok: true, value: { theme: 'dark', session: { selected: 'KOR' } } });
  });

  it.each([
    ['an unknown theme', 'atlas:prefs/set-theme', { theme: 'sepia' }],
    ['a zoom out of range', 'atlas:prefs/set-session', { view: { center: [0, 0], zoom: 99 } }],
    ['a latitude out of range', 'atlas:prefs/set-session', { view: { center: [0, 91], zoom: 2 } }],
    ['something that is not a country id', 'atlas:prefs/set-session', { selected: '<script>' }],
    ['an unknown tab', 'atlas:prefs/set-session', { tab: 'settings' }],
    ['an unknown key', 'atlas:prefs/set-session', { selected: 'JPN', path: '/etc/passwd' }],
  ])('refuses %s and keeps what was stored', async (_name, channel, input) => {
    await services.invoke('atlas:prefs/set-session', { selected: 'JPN' }, true);
    const before = await readFile(join(folder, 'store', STORE_FILE), 'utf8');
    expect(await services.invoke(channel, input, true)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await readFile(join(folder, 'store', STORE_FILE), 'utf8')).toBe(before);
    expect(changed).toEqual([]);
  });
});
