import { describe, expect, it } from 'vitest';
import { buildContextMenuSpec, buildMenuSpec, type ContextMenuTarget, type MenuItemSpec } from './menuSpec';

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => (item.kind === 'submenu' ? [item, ...flatten(item.items)] : [item]));
}

describe('buildMenuSpec()', () => {
  const titles = (items: MenuItemSpec[]) => items.map((item) => (item.kind === 'submenu' ? item.label : item.kind));
  const roles = (item: MenuItemSpec | undefined) =>
    item?.kind === 'submenu' ? item.items.map((child) => (child.kind === 'role' ? child.role : child.kind === 'command' ? child.command : child.kind)) : [];

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

  it('puts the app menu first on macOS: About, Services, Hide, Quit', () => {
    const menu = buildMenuSpec({ language: 'en', isMac: true, developer: false });
    expect(titles(menu)).toEqual(['Korea Relations Atlas', 'File', 'Edit', 'View', 'Window', 'Help']);
    const app = menu[0];
    expect(app?.kind === 'submenu' && app.role).toBe('appMenu');
    expect(roles(app)).toEqual(['about', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
  });

  it('uses the OS window menu on macOS and no app or window menu elsewhere', () => {
    const mac = buildMenuSpec({ language: 'en', isMac: true, developer: false });
    const window = mac.find((item) => item.kind === 'submenu' && item.label === 'Window');
    expect(window?.kind === 'submenu' && window.role).toBe('windowMenu');
    expect(roles(window)).toEqual(['minimize', 'zoom', 'separator', 'front']);
    const other = buildMenuSpec({ language: 'en', isMac: false, developer: false });
    expect(other.some((item) => item.kind === 'submenu' && item.role !== undefined)).toBe(false);
  });

  it('keeps the imports and exports in File on every platform, Quit once and About once', () => {
    for (const isMac of [true, false]) {
      const menu = buildMenuSpec({ language: 'en', isMac, developer: false });
      const file = menu.find((item) => item.kind === 'submenu' && item.label === 'File');
      expect(roles(file)).toEqual(
        expect.arrayContaining(['import-source', 'export-briefing', 'export-atlas', 'export-notes', 'import-notes', 'restore-snapshot', 'close']),
      );
      const all = flatten(menu);
      expect(all.filter((item) => item.kind === 'role' && item.role === 'quit')).toHaveLength(1);
      expect(all.filter((item) => item.kind === 'command' && item.command === 'about')).toHaveLength(1);
    }
    const file = buildMenuSpec({ language: 'en', isMac: false, developer: false })[0];
    expect(roles(file).at(-1)).toBe('quit');
  });
});

describe('buildContextMenuSpec()', () => {
  const flags = { canUndo: false, canRedo: false, canCut: false, canCopy: false, canPaste: false, canSelectAll: false };
  const target = (changes: Partial<ContextMenuTarget>): ContextMenuTarget => ({ isEditable: false, selectionText: '', editFlags: flags, ...changes });

  it('offers cut, copy and paste in a text field, enabled as the field says', () => {
    const spec = buildContextMenuSpec(target({ isEditable: true, selectionText: 'Seoul', editFlags: { ...flags, canCut: true, canCopy: true, canSelectAll: true } }), 'en');
    expect(spec).toEqual([
      { kind: 'role', role: 'undo', label: 'Undo', enabled: false },
      { kind: 'role', role: 'redo', label: 'Redo', enabled: false },
      { kind: 'separator' },
      { kind: 'role', role: 'cut', label: 'Cut', enabled: true },
      { kind: 'role', role: 'copy', label: 'Copy', enabled: true },
      { kind: 'role', role: 'paste', label: 'Paste', enabled: false },
      { kind: 'separator' },
      { kind: 'role', role: 'selectAll', label: 'Select All', enabled: true },
    ]);
  });

  it('offers copy for selected text outside a field, and no menu elsewhere', () => {
    expect(buildContextMenuSpec(target({ selectionText: 'alliance', editFlags: { ...flags, canCopy: true } }), 'ko')).toEqual([
      { kind: 'role', role: 'copy', label: '복사', enabled: true },
    ]);
    expect(buildContextMenuSpec(target({ selectionText: '  ' }), 'en')).toEqual([]);
    expect(buildContextMenuSpec(target({}), 'en')).toEqual([]);
  });
});
