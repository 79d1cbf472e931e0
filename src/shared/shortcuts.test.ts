import { describe, expect, it } from 'vitest';
import { displayShortcut, SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('shortcutFor()', () => {
  it('maps Ctrl on Windows and Linux, ⌘ on a Mac', () => {
    expect(shortcutFor(press('f', { ctrlKey: true }), false)).toBe('focus-search');
    expect(shortcutFor(press('f', { metaKey: true }), false)).toBeNull();
    expect(shortcutFor(press('f', { metaKey: true }), true)).toBe('focus-search');
    expect(shortcutFor(press('f', { ctrlKey: true }), true)).toBeNull();
  });

  it('tells Shift apart and ignores case', () => {
    expect(shortcutFor(press('p', { ctrlKey: true }), false)).toBe('export-briefing');
    expect(shortcutFor(press('P', { ctrlKey: true, shiftKey: true }), false)).toBe('export-atlas');
    expect(shortcutFor(press('/', { ctrlKey: true }), false)).toBe('shortcuts');
  });

  it('leaves keys without a shortcut, and commands that change the view, to others', () => {
    expect(shortcutFor(press('f'), false)).toBeNull();
    expect(shortcutFor(press('x', { ctrlKey: true }), false)).toBeNull();
    // Zoom is answered by the menu (or the map's own keys), never twice.
    expect(shortcutFor(press('0', { ctrlKey: true }), false)).toBeNull();
  });
});

describe('displayShortcut()', () => {
  it('reads as the platform writes it', () => {
    expect(displayShortcut(SHORTCUTS['export-atlas'], false)).toBe('Ctrl+Shift+P');
    expect(displayShortcut(SHORTCUTS['export-atlas'], true)).toBe('⌘⇧P');
    expect(displayShortcut(SHORTCUTS['reset-view'], false)).toBe('Ctrl+0');
  });
});
