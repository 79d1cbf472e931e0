import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand, ThemePreference } from '../../shared/contract';
import { buildContextMenuSpec, buildMenuSpec, type ContextMenuTarget, type MenuItemSpec } from '../desktop/menuSpec';

export interface MenuActions {
  command(command: MenuCommand): void;
  setLanguage(language: Language): void;
  setTheme(theme: ThemePreference): void;
}

/**
 * Shows the right-click menu of a text field (cut, copy, paste, …) or of selected text at the
 * pointer in `window`; does nothing where there is nothing to offer.
 */
export function popUpContextMenu(window: BrowserWindow, target: ContextMenuTarget, language: Language): void {
  const spec = buildContextMenuSpec(target, language);
  if (spec.length === 0) return;
  // Only roles are in it: they act on the focused page and need no actions.
  Menu.buildFromTemplate(spec.map((item) => toElectron(item, NO_ACTIONS))).popup({ window });
}

const NO_ACTIONS: MenuActions = { command: () => undefined, setLanguage: () => undefined, setTheme: () => undefined };

/** Installs the application menu in `language`; call again when the language or the theme changes. */
export function installMenu(language: Language, theme: ThemePreference, developer: boolean, actions: MenuActions): void {
  const spec = buildMenuSpec({ language, theme, isMac: process.platform === 'darwin', developer });
  Menu.setApplicationMenu(Menu.buildFromTemplate(spec.map((item) => toElectron(item, actions))));
}

function toElectron(item: MenuItemSpec, actions: MenuActions): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return {
        role: item.role,
        label: item.label,
        ...(item.accelerator ? { accelerator: item.accelerator } : {}),
        ...(item.enabled === undefined ? {} : { enabled: item.enabled }),
      };
    case 'command':
      return { label: item.label, click: () => actions.command(item.command), ...(item.accelerator ? { accelerator: item.accelerator } : {}) };
    case 'language':
      return { label: item.label, type: 'radio', checked: item.checked, click: () => actions.setLanguage(item.language) };
    case 'theme':
      return { label: item.label, type: 'radio', checked: item.checked, click: () => actions.setTheme(item.theme) };
    case 'submenu':
      return { label: item.label, submenu: item.items.map((child) => toElectron(child, actions)), ...(item.role ? { role: item.role } : {}) };
  }
}
