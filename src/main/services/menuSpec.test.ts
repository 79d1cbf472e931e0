import { describe, expect, it } from 'vitest';
import { buildMenuSpec, type MenuItemSpec } from './menuSpec';

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => (item.kind === 'submenu' ? [item, ...flatten(item.items)] : [item]));
}

describe('buildMenuSpec()', () => {
  it('has File, Edit, View and Help, with About under Help', () => {
    const menu = buildMenuSpec({ language: 'en', isMac: false, developer: false });
    expect(menu.map((item) => (item.kind === 'submenu' ? item.label : ''))).toEqual(['File', 'Edit', 'View', 'Help']);
    const help = menu.at(-1);
    expect(help?.kind === 'submenu' && help.items).toEqual([
      { kind: 'command', command: 'shortcuts', label: 'Keyboard Shortcuts', accelerator: 'CommandOrControl+/' },
      { kind: 'separator' },
      { kind: 'command', command: 'about', label: 'About Korea Relations Atlas' },
    ]);
  });

  it('offers both languages in View, the current one checked', () => {
    const items = flatten(buildMenuSpec({ language: 'ko', isMac: false, developer: false }));
    const languages = items.filter((item) => item.kind === 'language');
    expect(languages).toEqual([
      { kind: 'language', language: 'en', label: 'English', checked: false },
      { kind: 'language', language: 'ko', label: '한국어', checked: true },
    ]);
  });

  it('offers the three themes in View › Theme, the chosen one checked', () => {
    const items = flatten(buildMenuSpec({ language: 'en', isMac: false, developer: false, theme: 'dark' }));
    expect(items.filter((item) => item.kind === 'theme')).toEqual([
      { kind: 'theme', theme: 'system', label: 'Match System', checked: false },
      { kind: 'theme', theme: 'light', label: 'Light', checked: false },
      { kind: 'theme', theme: 'dark', label: 'Dark', checked: true },
    ]);
    const fallback = flatten(buildMenuSpec({ language: 'en', isMac: false, developer: false }));
    expect(fallback.filter((item) => item.kind === 'theme' && item.checked).map((item) => item.kind === 'theme' && item.theme)).toEqual(['system']);
  });

  it('translates every label into Korean', () => {
    const korean = flatten(buildMenuSpec({ language: 'ko', isMac: true, developer: true }));
    const labels = korean.flatMap((item) => (item.kind === 'separator' || item.kind === 'language' ? [] : [item.label]));
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter((label) => !/[가-힣]/.test(label))).toEqual([]);
  });

  it('offers File › Import Source…, which sends the import-source command', () => {
    const file = buildMenuSpec({ language: 'en', isMac: false, developer: false })[0];
    const items = file?.kind === 'submenu' ? file.items : [];
    expect(items[0]).toEqual({ kind: 'command', command: 'import-source', label: 'Import Source…' });
  });

  it('shows developer tools only while developing', () => {
    const hasDevtools = (developer: boolean) =>
      flatten(buildMenuSpec({ language: 'en', isMac: false, developer })).some((item) => item.kind === 'role' && item.role === 'toggleDevTools');
    expect(hasDevtools(false)).toBe(false);
    expect(hasDevtools(true)).toBe(true);
  });
});
