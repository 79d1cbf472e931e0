import { app, dialog, session, shell, type WebContents } from 'electron';
import type { Language } from '../shared/contract';
import { translate } from '../shared/i18n';
import { isAllowedRequest, isOpenableExternally } from './services/security';

/**
 * Locks down the default session: every permission denied, every request that is not the app's own
 * (or the dev server while developing) cancelled.
 */
export function hardenSession(devServerOrigin: string | null): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerOrigin) });
  });
}

/**
 * Every page the app ever creates: no navigation, no new windows, no webviews. An https link the
 * user clicks is offered to the OS browser after a confirmation; anything else is dropped.
 */
export function hardenAllWebContents(language: () => Language): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void offerExternal(contents, url, language());
      return { action: 'deny' };
    });
  });
}

async function offerExternal(contents: WebContents, url: string, language: Language): Promise<void> {
  if (!isOpenableExternally(url)) return;
  const t = (key: string, values: Record<string, string> = {}) => translate(language, key, values);
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: t('dialog.openExternalTitle'),
    message: t('dialog.openExternalMessage', { url }),
    buttons: [t('dialog.open'), t('dialog.cancel')],
    defaultId: 1,
    cancelId: 1,
  });
  // Reviewed: only https URLs reach here, and only after the user confirmed this exact URL.
  if (response === 0 && !contents.isDestroyed()) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
