import './dialogs.css';
import { useTranslation } from 'react-i18next';
import { displayShortcut, SHORTCUTS, type ShortcutCommand } from '../../../shared/shortcuts';
import { Modal } from '../ui/Modal';

/** Whether shortcuts read with ⌘ (macOS) or Ctrl. */
export function isMacPlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** Help › Keyboard Shortcuts: every shortcut of the menu, plus the keys lists and dialogs answer. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const mac = isMacPlatform();
  const commands = Object.keys(SHORTCUTS) as ShortcutCommand[];
  const local: [string, string][] = [
    [t('shortcuts.arrows'), t('shortcuts.moveList')],
    [t('shortcuts.enter'), t('shortcuts.open')],
    [t('shortcuts.escape'), t('shortcuts.back')],
    [t('shortcuts.tab'), t('shortcuts.focus')],
  ];
  return (
    <Modal open title={t('shortcuts.title')} onClose={onClose}>
      <ShortcutTable caption={t('shortcuts.anywhere')} rows={commands.map((command) => [displayShortcut(SHORTCUTS[command], mac), t(`shortcuts.command.${command}`)])} />
      <ShortcutTable caption={t('shortcuts.inLists')} rows={local} />
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Modal>
  );
}

function ShortcutTable({ caption, rows }: { caption: string; rows: readonly [string, string][] }) {
  const { t } = useTranslation();
  return (
    <table className="shortcuts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shortcuts.key')}</th>
          <th scope="col">{t('shortcuts.action')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([keys, action]) => (
          <tr key={keys}>
            <td>
              <kbd>{keys}</kbd>
            </td>
            <td>{action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
