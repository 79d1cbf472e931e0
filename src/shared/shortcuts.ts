import type { MenuCommand } from './contract';

/**
 * The app's own keyboard shortcuts, in Electron accelerator syntax, declared once: the menu shows
 * them, the renderer answers them where there is no menu (the browser harness), and Help ›
 * Keyboard Shortcuts lists them. Only commands that are safe to run twice are answered by the
 * renderer too, so a key the menu already handled does no harm if the page sees it as well.
 */
export const SHORTCUTS = {
  'focus-search': 'CommandOrControl+F',
  'export-briefing': 'CommandOrControl+P',
  'export-atlas': 'CommandOrControl+Shift+P',
  'export-notes': 'CommandOrControl+E',
  notes: 'CommandOrControl+Shift+N',
  'zoom-in': 'CommandOrControl+Shift+=',
  'zoom-out': 'CommandOrControl+Shift+-',
  'reset-view': 'CommandOrControl+0',
  shortcuts: 'CommandOrControl+/',
} as const satisfies Partial<Record<MenuCommand, string>>;

export type ShortcutCommand = keyof typeof SHORTCUTS;

/** Commands the renderer may run from a key press itself: opening things, never changing them. */
const IDEMPOTENT: readonly ShortcutCommand[] = ['focus-search', 'export-briefing', 'export-atlas', 'export-notes', 'notes', 'shortcuts'];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Parsed {
  key: string;
  primary: boolean;
  shift: boolean;
  alt: boolean;
}

function parse(accelerator: string): Parsed {
  const parts = accelerator.split('+');
  // "CommandOrControl+Shift+=" splits cleanly; a trailing "+" key would leave an empty last part.
  const key = parts.at(-1) === '' ? '+' : (parts.at(-1) ?? '');
  return { key: key.toLowerCase(), primary: parts.includes('CommandOrControl'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
}

/** The command a key press stands for, among those the renderer runs itself; null for any other key. */
export function shortcutFor(press: KeyPress, isMac: boolean): ShortcutCommand | null {
  const primary = isMac ? press.metaKey : press.ctrlKey;
  for (const command of IDEMPOTENT) {
    const wanted = parse(SHORTCUTS[command]);
    if (wanted.key === press.key.toLowerCase() && wanted.primary === primary && wanted.shift === press.shiftKey && wanted.alt === press.altKey) return command;
  }
  return null;
}

/** How a shortcut reads on this platform: `Ctrl+Shift+P`, or `⌘⇧P` on a Mac. */
export function displayShortcut(accelerator: string, isMac: boolean): string {
  const { key, primary, shift, alt } = parse(accelerator);
  const shown = key.length === 1 ? key.toUpperCase() : key[0]?.toUpperCase() + key.slice(1);
  if (isMac) return `${primary ? '⌘' : ''}${alt ? '⌥' : ''}${shift ? '⇧' : ''}${shown}`;
  return [primary ? 'Ctrl' : '', alt ? 'Alt' : '', shift ? 'Shift' : '', shown].filter(Boolean).join('+');
}
