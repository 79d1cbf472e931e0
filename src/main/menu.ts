import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand, ThemePreference } from '../shared/contract';
import { buildMenuSpec, type MenuItemSpec } from './services/menuSpec';

export interface MenuActions {
  command(command: MenuCommand): void;
  setLanguage(language: Language): void;
  setTheme(theme: ThemePreference): void;
}

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
      return { role: item.role, label: item.label, ...(item.accelerator ? { accelerator: item.accelerator } : {}) };
    case 'command':
      return { label: item.label, click: () => actions.command(item.command), ...(item.accelerator ? { accelerator: item.accelerator } : {}) };
    case 'language':
      return { label: item.label, type: 'radio', checked: item.checked, click: () => actions.setLanguage(item.language) };
    case 'theme':
      return { label: item.label, type: 'radio', checked: item.checked, click: () => actions.setTheme(item.theme) };
    case 'submenu':
      return { label: item.label, submenu: item.items.map((child) => toElectron(child, actions)) };
  }
}
