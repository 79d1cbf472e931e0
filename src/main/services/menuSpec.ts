import type { Language, MenuCommand, ThemePreference } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import { SHORTCUTS } from '../../shared/shortcuts';

/** A menu item as data, so the menu can be checked without Electron. */
export type MenuItemSpec =
  | { kind: 'separator' }
  | { kind: 'role'; role: RoleName; label: string; accelerator?: string }
  | { kind: 'command'; command: MenuCommand; label: string; accelerator?: string }
  | { kind: 'language'; language: Language; label: string; checked: boolean }
  | { kind: 'theme'; theme: ThemePreference; label: string; checked: boolean }
  | { kind: 'submenu'; label: string; items: MenuItemSpec[] };

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
  | 'minimize';

export interface MenuOptions {
  language: Language;
  isMac: boolean;
  developer: boolean;
  /** The theme preference, checked in View › Theme (the OS's when not given). */
  theme?: ThemePreference;
}

/** The application menu, every label translated. */
export function buildMenuSpec({ language, isMac, developer, theme = 'system' }: MenuOptions): MenuItemSpec[] {
  const t = (key: string) => translate(language, key);
  const role = (name: RoleName, key: string, accelerator?: string): MenuItemSpec =>
    accelerator ? { kind: 'role', role: name, label: t(key), accelerator } : { kind: 'role', role: name, label: t(key) };
  const command = (name: MenuCommand, key: string, accelerator?: string): MenuItemSpec =>
    accelerator ? { kind: 'command', command: name, label: t(key), accelerator } : { kind: 'command', command: name, label: t(key) };
  const separator: MenuItemSpec = { kind: 'separator' };

  return [
    {
      kind: 'submenu',
      label: t('menu.file'),
      items: [
        command('import-source', 'sources.import'),
        separator,
        command('export-briefing', 'menu.exportBriefing', SHORTCUTS['export-briefing']),
        command('export-atlas', 'menu.exportAtlas', SHORTCUTS['export-atlas']),
        separator,
        command('export-notes', 'menu.exportNotes', SHORTCUTS['export-notes']),
        command('import-notes', 'menu.importNotes'),
        command('restore-snapshot', 'menu.restoreSnapshot'),
        separator,
        role('close', 'menu.close'),
        separator,
        role('quit', 'menu.quit'),
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
    ...(isMac ? [{ kind: 'submenu' as const, label: t('menu.window'), items: [role('minimize', 'menu.minimize'), role('close', 'menu.close')] }] : []),
    { kind: 'submenu', label: t('menu.help'), items: [command('shortcuts', 'menu.shortcuts', SHORTCUTS.shortcuts), separator, command('about', 'menu.about')] },
  ];
}
