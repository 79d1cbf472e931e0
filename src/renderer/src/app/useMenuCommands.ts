import { useEffect } from 'react';
import { shortcutFor } from '../../../shared/shortcuts';
import { atlas } from '../bridge';
import type { RunCommand } from './commands';
import { isMacPlatform } from './ShortcutsDialog';

/**
 * Runs the commands the application menu sends and those the keyboard shortcuts stand for. Where
 * there is no application menu (the browser harness) the shortcuts work the same; only commands
 * that open something are answered from a key press, so a key the menu took as well is harmless.
 */
export function useMenuCommands(run: RunCommand): void {
  useEffect(() => atlas().onMenuCommand(run), [run]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutFor(event, isMacPlatform());
      if (command) {
        event.preventDefault();
        run(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
}
