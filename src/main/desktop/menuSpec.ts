import type { Language, MenuCommand, ThemePreference } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import { SHORTCUTS } from '../../shared/shortcuts';

/** A menu item as data, so the menu can be checked without Electron. */
export type MenuItemSpec =
  | { kind: 'separator' }
  | { kind: 'role'; role: RoleName; label: string; accelerator?: string; enabled?: boolean }
  | { kind: 'command'; command: MenuCommand; label: string; accelerator?: string }
  | { kind: 'language'; language: Language; label: string; checked: boolean }
  | { kind: 'theme'; theme: ThemePreference; label: string; checked: boolean }
  | { kind: 'submenu'; label: string; items: MenuItemSpec[]; role?: SubmenuRole };

/** Roles that give a submenu its place in the OS: the first menu on macOS is the app menu. */
export type SubmenuRole = 'appMenu' | 'windowMenu';

export type RoleName =
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide';

export interface MenuOptions {
  language: Language;
  isMac: boolean;
  developer: boolean;
  /** The theme preference, checked in View › Theme (the OS's when not given). */
  theme?: ThemePreference;
}

const separator: MenuItemSpec = { kind: 'separator' };

/**
 * The application menu, every label translated. On macOS the first menu is the app menu (About,
 * Services, Hide, Quit) and Window is the OS's window menu; File keeps the imports and exports on
 * every platform.
 */
export function buildMenuSpec({ language, isMac, developer, theme = 'system' }: MenuOptions): MenuItemSpec[] {
  const t = (key: string) => translate(language, key);
  const role = (name: RoleName, key: string, accelerator?: string): MenuItemSpec =>
    accelerator ? { kind: 'role', role: name, label: t(key), accelerator } : { kind: 'role', role: name, label: t(key) };
  const command = (name: MenuCommand, key: string, accelerator?: string): MenuItemSpec =>
    accelerator ? { kind: 'command', command: name, label: t(key), accelerator } : { kind: 'command', command: name, label: t(key) };
  const about = command('about', 'menu.about');

  const appMenu: MenuItemSpec = {
    kind: 'submenu',
    role: 'appMenu',
    label: t('app.title'),
    items: [
      about,
      separator,
      role('services', 'menu.services'),
      separator,
      role('hide', 'menu.hide'),
      role('hideOthers', 'menu.hideOthers'),
      role('unhide', 'menu.showAll'),
      separator,
      role('quit', 'menu.quit'),
    ],
  };
  const windowMenu: MenuItemSpec = {
    kind: 'submenu',
    role: 'windowMenu',
    label: t('menu.window'),
    items: [role('minimize', 'menu.minimize'), role('zoom', 'menu.zoom'), separator, role('front', 'menu.front')],
  };

  return [
    ...(isMac ? [appMenu] : []),
    {
      kind: 'submenu',
      label: t('menu.file'),
      items: [
        command('import-source', 'sources.import'),
        separator,
        command('export-briefing', 'menu.exportBriefing', SHORTCUTS['export-briefing']),
        command('export-atlas', 'menu.exportAtlas', SHORTCUTS['export-atlas']),
        {
          kind: 'submenu',
          label: t('atlasData.menu'),
          items: [command('export-data-csv', 'atlasData.csv'), command('export-data-geojson', 'atlasData.geojson')],
        },
        separator,
        command('export-notes', 'menu.exportNotes', SHORTCUTS['export-notes']),
        command('import-notes', 'menu.importNotes'),
        command('restore-snapshot', 'menu.restoreSnapshot'),
        separator,
        role('close', 'menu.close'),
        // On macOS Quit is in the app menu.
        ...(isMac ? [] : [separator, role('quit', 'menu.quit')]),
      ],
    },
    {
      kind: 'submenu',
      label: t('menu.edit'),
      items: [
        role('undo', 'menu.undo'),
        role('redo', 'menu.redo'),
        separator,
        role('cut', 'menu.cut'),
        role('copy', 'menu.copy'),
        role('paste', 'menu.paste'),
        role('selectAll', 'menu.selectAll'),
        separator,
        command('focus-search', 'menu.find', SHORTCUTS['focus-search']),
      ],
    },
    {
      kind: 'submenu',
      label: t('menu.view'),
      items: [
        {
          kind: 'submenu',
          label: t('menu.language'),
          items: (['en', 'ko'] as const).map((code) => ({
            kind: 'language',
            language: code,
            label: translate(code, `language.${code}`),
            checked: code === language,
          })),
        },
        {
          kind: 'submenu',
          label: t('theme.menu'),
          items: (['system', 'light', 'dark'] as const).map((option) => ({
            kind: 'theme',
            theme: option,
            label: t(`theme.${option}`),
            checked: option === theme,
          })),
        },
        separator,
        command('zoom-in', 'menu.zoomIn', SHORTCUTS['zoom-in']),
        command('zoom-out', 'menu.zoomOut', SHORTCUTS['zoom-out']),
        command('reset-view', 'menu.resetView', SHORTCUTS['reset-view']),
        command('notes', 'menu.notes', SHORTCUTS.notes),
        separator,
        role('resetZoom', 'menu.actualSize', 'CommandOrControl+Alt+0'),
        role('zoomIn', 'menu.textBigger', 'CommandOrControl+='),
        role('zoomOut', 'menu.textSmaller', 'CommandOrControl+-'),
        separator,
        role('togglefullscreen', 'menu.fullscreen'),
        ...(developer ? [role('toggleDevTools', 'menu.devtools')] : []),
      ],
    },
    ...(isMac ? [windowMenu] : []),
    {
      kind: 'submenu',
      label: t('menu.help'),
      // On macOS About is in the app menu.
      items: [command('shortcuts', 'menu.shortcuts', SHORTCUTS.shortcuts), ...(isMac ? [] : [separator, about])],
    },
  ];
}

/** What the page says about the place right-clicked (a subset of Electron's context-menu params). */
export interface ContextMenuTarget {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canUndo: boolean; canRedo: boolean; canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

/**
 * The right-click menu: in a text field undo, redo, cut, copy, paste and select all (greyed out
 * where the field cannot do it now); on selected text elsewhere copy; no menu anywhere else.
 */
export function buildContextMenuSpec(target: ContextMenuTarget, language: Language): MenuItemSpec[] {
  const flags = target.editFlags;
  const item = (name: RoleName, key: string, enabled: boolean): MenuItemSpec => ({ kind: 'role', role: name, label: translate(language, key), enabled });
  if (!target.isEditable) return target.selectionText.trim() !== '' ? [item('copy', 'menu.copy', flags.canCopy)] : [];
  return [
    item('undo', 'menu.undo', flags.canUndo),
    item('redo', 'menu.redo', flags.canRedo),
    separator,
    item('cut', 'menu.cut', flags.canCut),
    item('copy', 'menu.copy', flags.canCopy),
    item('paste', 'menu.paste', flags.canPaste),
    separator,
    item('selectAll', 'menu.selectAll', flags.canSelectAll),
  ];
}
