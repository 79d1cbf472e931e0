import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import type { Language } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import { guardEveryWebContents, lockDownSession } from '../desktop/guards';
import { isOpenableExternally } from '../desktop/security';

/**
 * Locks down the default session: every permission denied, every request that is not the app's own
 * (or the dev server while developing, or the developer tools where they can be opened) cancelled.
 */
export function hardenSession(devServerOrigin: string | null, developer: boolean): void {
  lockDownSession(session.defaultSession, devServerOrigin, developer);
}

/**
 * Every page the app ever creates: no navigation, no new windows, no webviews. An https link the
 * user clicks is offered to the OS browser after a confirmation; anything else is dropped.
 */
export function hardenAllWebContents(language: () => Language): void {
  guardEveryWebContents<WebContents>(app, (contents, url) => void offerExternal(contents, url, language()));
}

async function offerExternal(contents: WebContents, url: string, language: Language): Promise<void> {
  if (!isOpenableExternally(url)) return;
  const t = (key: string, values: Record<string, string> = {}) => translate(language, key, values);
  const options = {
    type: 'question' as const,
    title: t('dialog.openExternalTitle'),
    message: t('dialog.openExternalMessage', { url }),
    buttons: [t('dialog.open'), t('dialog.cancel')],
    defaultId: 1,
    cancelId: 1,
  };
  // Modal to the window whose page asked, so it cannot be lost behind it.
  const window = BrowserWindow.fromWebContents(contents);
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  // Reviewed: only https URLs reach here, and only after the user confirmed this exact URL.
  if (response === 0 && !contents.isDestroyed()) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
