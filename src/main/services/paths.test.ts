import { describe, expect, it } from 'vitest';
import { resolveStoreFolder } from './paths';

describe('resolveStoreFolder()', () => {
  it('prefers the command-line flag, then the environment, then user data', () => {
    expect(resolveStoreFolder(['electron', '.', '--store-dir=/tmp/a'], { ATLAS_STORE_DIR: '/tmp/b' }, '/home/u')).toBe('/tmp/a');
    expect(resolveStoreFolder(['electron', '.', '--store-dir', '/tmp/c'], {}, '/home/u')).toBe('/tmp/c');
    expect(resolveStoreFolder(['electron', '.'], { ATLAS_STORE_DIR: '/tmp/b' }, '/home/u')).toBe('/tmp/b');
    expect(resolveStoreFolder(['electron', '.'], {}, '/home/u')).toBe('/home/u');
  });
});
