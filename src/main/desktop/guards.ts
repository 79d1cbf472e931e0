import { isAllowedRequest } from './security';

/** The part of an Electron Session the lockdown uses (Electron's session is one). */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
}

/** The part of a WebContents the guards use (Electron's WebContents is one). */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's app the guards use: every web contents the app creates is announced. */
export interface GuardedApp<C extends GuardedContents> {
  on(event: 'web-contents-created', listener: (event: unknown, contents: C) => void): unknown;
}

/**
 * Locks down a session: every permission denied (asked or checked, devices too), every request
 * that is not the app's own (or the dev server's while developing) cancelled.
 */
export function lockDownSession(session: GuardedSession, devServerOrigin: string | null, developer: boolean): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerOrigin, developer) });
  });
}

/**
 * Every page the app ever creates: no navigation, no redirect, no webviews, no new windows. A link
 * that would open a window is handed to `offerExternal` (which asks the user, https only) instead.
 */
export function guardEveryWebContents<C extends GuardedContents>(app: GuardedApp<C>, offerExternal: (contents: C, url: string) => void): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      offerExternal(contents, url);
      return { action: 'deny' };
    });
  });
}
