import { describe, expect, it } from 'vitest';
import { resolveTheme } from './theme';

describe('resolveTheme()', () => {
  it('follows the OS for "system" and keeps a chosen theme whatever the OS says', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
