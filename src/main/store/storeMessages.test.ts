import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreOpenError, type StoreOpenErrorCode } from '../../shared/codedError';
import { STORE_VERSION } from '../../shared/store/schema';
import { LOCK_FILE } from './storeLock';
import { recoveryStatus, startFailureText, storeOpenFailureText, storeRecoveryText } from './storeMessages';

const path = '/home/min-ji/Atlas data';

describe('storeOpenFailureText()', () => {
  it.each<[StoreOpenErrorCode, StoreOpenError['details'], RegExp, RegExp]>([
    ['store-in-use', { holder: { pid: 4242, host: hostname() } }, /in use by another running copy/, /다른 한국 대외관계 지도가/],
    ['store-newer-version', { version: STORE_VERSION + 1 }, new RegExp(`data format ${String(STORE_VERSION + 1)}; this version reads up to format ${String(STORE_VERSION)}`), /새 버전을 설치/],
    ['store-not-a-folder', {}, /is a file, not a folder/, /폴더가 아니라 파일/],
    ['store-file-is-folder', {}, /is a folder, not a file/, /파일이 아니라 폴더/],
    ['store-read-only', {}, /its folder cannot be written/, /쓸 수 없어서/],
    ['store-unreadable', {}, /cannot be read or created \(EIO\)/, /읽거나 만들 수 없습니다\(EIO\)/],
  ])('explains %s in both languages, naming the path and saying nothing was changed', (code, details, english, korean) => {
    const error = new StoreOpenError(code, 'for the log', path, details, { cause: Object.assign(new Error('i/o error'), { code: 'EIO' }) });
    const en = storeOpenFailureText(error, 'en')!;
    const ko = storeOpenFailureText(error, 'ko')!;
    expect(en).toEqual({ title: 'The atlas cannot open your data', message: expect.stringMatching(english) });
    expect(en.message).toContain(`\n${path}\n`);
    expect(en.message).toContain('Nothing was changed.');
    expect(ko.title).toBe('데이터를 열 수 없습니다');
    expect(ko.message).toMatch(korean);
    expect(ko.message).toContain(`\n${path}\n`);
    expect(ko.message).toContain('아무것도 바뀌지 않았습니다.');
  });

  it('tells which computer holds a folder in use elsewhere, and which lock file to delete if it no longer does', () => {
    const error = new StoreOpenError('store-in-use', 'for the log', path, { holder: { pid: 4242, host: 'seminar-room-pc' } });
    const { message } = storeOpenFailureText(error, 'en')!;
    expect(message).toContain('another computer (seminar-room-pc)');
    expect(message).toContain(join(path, LOCK_FILE));
  });

  it('names the product in Korean in every Korean message', () => {
    for (const code of ['store-in-use', 'store-newer-version'] as const) {
      for (const host of [hostname(), 'seminar-room-pc']) {
        const error = new StoreOpenError(code, 'for the log', path, { holder: { pid: 4242, host }, version: STORE_VERSION + 1 });
        const { message } = storeOpenFailureText(error, 'ko')!;
        expect(message).toContain('한국 대외관계 지도');
        expect(message).not.toContain('Korea Relations Atlas');
      }
    }
  });

  it('gives an unreadable store without an OS error code a translated text, with the detail after it', () => {
    const error = new StoreOpenError('store-unreadable', 'for the log', path, {}, { cause: new Error('stream ended early') });
    const en = storeOpenFailureText(error, 'en')!.message;
    const ko = storeOpenFailureText(error, 'ko')!.message;
    expect(en).toMatch(/^Your data at\n.*\ncannot be read or created\. Nothing was changed\.\nDetail: stream ended early$/);
    expect(ko).toMatch(/^다음 위치의 데이터를 읽거나 만들 수 없습니다:\n.*\n아무것도 바뀌지 않았습니다\.\n자세한 내용: stream ended early$/);
  });

  it('names the lock file to delete if no other copy runs on this computer, in both languages', () => {
    const error = new StoreOpenError('store-in-use', 'for the log', path, { holder: { pid: 4242, host: hostname() } });
    expect(storeOpenFailureText(error, 'en')!.message).toContain(`delete the file\n${join(path, LOCK_FILE)}\nand start again`);
    expect(storeOpenFailureText(error, 'ko')!.message).toContain(`다음 파일을 삭제한 뒤 다시 시작하세요:\n${join(path, LOCK_FILE)}\n`);
  });

  it('leaves any other error to be reported as it is', () => {
    expect(storeOpenFailureText(new Error('the atlas data is missing'), 'en')).toBeNull();
  });
});

describe('startFailureText()', () => {
  it('says in the user\'s language that the atlas could not start, with the error\'s stack below', () => {
    const error = new Error('the atlas data is missing');
    const en = startFailureText(error, 'en');
    const ko = startFailureText(error, 'ko');
    expect(en.title).toBe('Korea Relations Atlas could not start');
    expect(en.message).toMatch(/^The atlas ran into an error while starting and will close\..*\n\nError: the atlas data is missing\n {4}at /s);
    expect(ko.title).toBe('한국 대외관계 지도를 시작할 수 없습니다');
    expect(ko.message).toMatch(/^시작하는 중에 오류가 생겨 앱을 닫습니다\..*\n\nError: the atlas data is missing\n {4}at /s);
    expect(startFailureText('not an Error', 'en').message).toMatch(/\n\nnot an Error$/);
  });

  it('explains a store that cannot be opened as storeOpenFailureText() does, without a stack', () => {
    const error = new StoreOpenError('store-not-a-folder', 'for the log', path, {});
    expect(startFailureText(error, 'ko')).toEqual(storeOpenFailureText(error, 'ko'));
    expect(startFailureText(error, 'en').message).not.toContain('    at ');
  });
});

describe('storeRecoveryText()', () => {
  it.each([
    ['backup', undefined, /from the backup copy made when it last started/],
    ['snapshot', 'daily-2026-11-21T10-00-00-000Z.json', /from the snapshot daily-2026-11-21T10-00-00-000Z\.json/],
    ['empty', undefined, /started with no notes, tiers or imported sources/],
  ] as const)('says where the unreadable file is and that the atlas started from the %s', (restoredFrom, snapshot, said) => {
    const recovery = { reason: 'unreadable', problem: { kind: 'not-json', message: 'Unexpected end' }, movedTo: '/data/atlas-store.unreadable-x.json', restoredFrom, ...(snapshot ? { snapshot } : {}) } as const;
    for (const language of ['en', 'ko'] as const) expect(storeRecoveryText(recovery, language).message).toContain('/data/atlas-store.unreadable-x.json');
    expect(storeRecoveryText(recovery, 'en').message).toMatch(said);
    if (snapshot) expect(storeRecoveryText(recovery, 'ko').message).toContain(snapshot);
  });

  it.each([
    ['backup', undefined, /was not found, so the atlas started from the backup copy made when it last started/, /지난번 시작할 때 만든 백업 사본으로 시작했습니다/],
    ['snapshot', 'daily-2026-11-21T10-00-00-000Z.json', /was not found and no backup copy could be read, so the atlas started from the snapshot daily-2026-11-21T10-00-00-000Z\.json/, /스냅숏 daily-2026-11-21T10-00-00-000Z\.json에서 시작했습니다/],
    ['empty', undefined, /was not found, and no backup copy or snapshot in its folder could be read/, /메모, 등급, 가져온 자료 없이 시작했습니다/],
  ] as const)('for a missing file, names the file that was missing, never a kept file, and says it started from the %s', (restoredFrom, snapshot, english, korean) => {
    const recovery = { reason: 'missing', path: '/data/atlas-store.json', restoredFrom, ...(snapshot ? { snapshot } : {}) } as const;
    const en = storeRecoveryText(recovery, 'en');
    const ko = storeRecoveryText(recovery, 'ko');
    expect(en.title).toBe('Your data file was missing');
    expect(ko.title).toBe('데이터 파일이 없었습니다');
    expect(en.message).toMatch(english);
    expect(ko.message).toMatch(korean);
    for (const { message } of [en, ko]) {
      expect(message).toContain('\n/data/atlas-store.json\n');
      expect(message).not.toMatch(/could not be read\. It was kept|unreadable file was kept|보관했습니다/);
    }
  });

  it('adds where a backup that could not be read either was kept, in both languages', () => {
    const recovery = { reason: 'unreadable', problem: { kind: 'not-json', message: 'x' }, movedTo: '/data/a.json', restoredFrom: 'snapshot', snapshot: 'daily-2026-11-21T10-00-00-000Z.json', backupMovedTo: '/data/atlas-store.json.bak.unreadable-x.json' } as const;
    expect(storeRecoveryText(recovery, 'en').message).toMatch(/\nThe backup copy could not be read either; it was kept at:\n\/data\/atlas-store\.json\.bak\.unreadable-x\.json$/);
    expect(storeRecoveryText(recovery, 'ko').message).toMatch(/\n백업 사본도 읽을 수 없어서 다음 위치에 보관했습니다:\n\/data\/atlas-store\.json\.bak\.unreadable-x\.json$/);
  });
});

describe('recoveryStatus()', () => {
  it('tells the banner why the store was recovered, and where an unreadable file is kept', () => {
    expect(recoveryStatus(null)).toBeNull();
    expect(recoveryStatus({ reason: 'missing', path: '/data/atlas-store.json', restoredFrom: 'snapshot', snapshot: 'daily-2026-11-21T10-00-00-000Z.json' })).toEqual({ reason: 'missing', restoredFrom: 'snapshot' });
    expect(recoveryStatus({ reason: 'unreadable', problem: { kind: 'not-json', message: 'x' }, movedTo: '/data/a.json', restoredFrom: 'empty' })).toEqual({ reason: 'unreadable', movedTo: '/data/a.json', restoredFrom: 'empty' });
  });
});
