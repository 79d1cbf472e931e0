import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { createInvoker, HandlerError } from './invoke';

const unused = (): never => {
  throw new Error('not used in these tests');
};

function handlers(overrides: Partial<Handlers['prefs']> = {}): Handlers {
  return {
    app: {
      info: () => ({ name: 'Atlas', version: '1.0.0', electronVersion: null, chromeVersion: null, platform: 'linux', dataSources: [] }),
    },
    countries: { list: () => [] },
    atlas: { get: unused, country: unused, passages: unused, events: unused, inYears: unused },
    prefs: {
      get: () => ({ language: 'en', theme: 'system', session: null }),
      setLanguage: ({ language }) => ({ language, theme: 'system' }),
      setTheme: ({ theme }) => ({ language: 'en', theme }),
      setSession: () => true,
      ...overrides,
    },
    notes: {
      list: () => [],
      create: unused,
      update: unused,
      remove: unused,
      restore: unused,
      tags: () => [],
      exportAll: () => null,
      previewImport: () => null,
      applyImport: unused,
    },
    overrides: { list: () => [], set: unused, clear: () => null },
    store: { status: () => ({ path: '/tmp/store.json', recovery: null }), snapshots: () => [], restoreSnapshot: unused },
    briefing: { exportCountry: unused, exportAtlas: unused, exportCompare: unused, cancel: () => false, openFile: unused, showInFolder: unused },
    sources: { list: () => [], previewImport: () => null, cancelImport: () => false, applyImport: unused, discardImport: () => false, setEnabled: unused, remove: unused },
    data: { export: () => null, copyCitation: unused },
    views: { list: () => [], save: unused, rename: unused, remove: unused },
    search: { passages: unused },
  };
}

describe('createInvoker()', () => {
  it('answers a valid call from a trusted sender', async () => {
    const invoke = createInvoker(handlers());
    expect(await invoke('atlas:prefs/set-language', { language: 'ko' }, true)).toEqual({ ok: true, value: { language: 'ko', theme: 'system' } });
  });

  it('refuses an unknown channel before anything else', async () => {
    const invoke = createInvoker(handlers());
    expect(await invoke('atlas:shell/exec', 'rm -rf /', true)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses an untrusted sender without calling the handler', async () => {
    let called = false;
    const invoke = createInvoker(
      handlers({
        setLanguage: ({ language }) => {
          called = true;
          return { language, theme: 'system' };
        },
      }),
    );
    expect(await invoke('atlas:prefs/set-language', { language: 'ko' }, false)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(called).toBe(false);
  });

  it.each([
    [{ language: 'fr' }],
    [{ language: 'ko', extra: true }],
    [null],
    ['ko'],
    [{ ['__proto__']: { language: 'ko' } }],
  ])('refuses bad input %j with a readable message', async (input) => {
    const result = await createInvoker(handlers())('atlas:prefs/set-language', input, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
  });

  it('refuses input to a call that takes none', async () => {
    expect(await createInvoker(handlers())('atlas:countries/list', { all: true }, true)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('turns thrown errors into results, keeping deliberate codes', async () => {
    const failing = createInvoker(
      handlers({
        get: () => {
          throw new HandlerError('not-found', 'No such thing');
        },
        setLanguage: () => {
          throw new Error('disk on fire');
        },
      }),
    );
    expect(await failing('atlas:prefs/get', undefined, true)).toEqual({ ok: false, error: { code: 'not-found', message: 'No such thing' } });
    expect(await failing('atlas:prefs/set-language', { language: 'en' }, true)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
  });
});
