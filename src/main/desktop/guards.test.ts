import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardEveryWebContents, type GuardedContents, type GuardedSession, lockDownSession } from './guards';

// Electron's session, app and web contents cannot exist here (no Electron binary). These stand-ins
// record the handlers the lockdown installs, so each can be called the way Electron calls it.
class StandInSession implements GuardedSession {
  permissionRequest?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
  permissionCheck?: () => boolean;
  devicePermission?: () => boolean;
  beforeRequest?: Parameters<GuardedSession['webRequest']['onBeforeRequest']>[0];
  setPermissionRequestHandler(handler: NonNullable<StandInSession['permissionRequest']>): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermission = handler;
  }
  webRequest = { onBeforeRequest: (listener: NonNullable<StandInSession['beforeRequest']>) => void (this.beforeRequest = listener) };
}

class StandInContents extends EventEmitter implements GuardedContents {
  openHandler?: (details: { url: string }) => { action: 'deny' };
  setWindowOpenHandler(handler: NonNullable<StandInContents['openHandler']>): void {
    this.openHandler = handler;
  }
}

/** Emits `event` the way Electron does and says whether a listener prevented it. */
function prevented(contents: StandInContents, event: string): boolean {
  let stopped = false;
  contents.emit(event, { preventDefault: () => (stopped = true) });
  return stopped;
}

describe('lockDownSession()', () => {
  it('denies every permission request, permission check and device', () => {
    const session = new StandInSession();
    lockDownSession(session, null, false);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequest?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(session.permissionCheck?.()).toBe(false);
    expect(session.devicePermission?.()).toBe(false);
  });

  it('cancels every request but the app\'s own files', () => {
    const session = new StandInSession();
    lockDownSession(session, null, false);
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      session.beforeRequest?.({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    expect(cancelled('app://atlas/index.html')).toBe(false);
    expect(cancelled('https://example.com/')).toBe(true);
    expect(cancelled('data:text/html,x')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });
});

describe('guardEveryWebContents()', () => {
  it('refuses navigation, redirects, webviews and new windows in every page the app creates', () => {
    const app = new EventEmitter();
    const offered: string[] = [];
    guardEveryWebContents(app, (_contents, url) => offered.push(url));
    const contents = new StandInContents();
    app.emit('web-contents-created', {}, contents);

    expect(prevented(contents, 'will-navigate')).toBe(true);
    expect(prevented(contents, 'will-redirect')).toBe(true);
    expect(prevented(contents, 'will-attach-webview')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://en.wikipedia.org/' })).toEqual({ action: 'deny' });
    expect(offered).toEqual(['https://en.wikipedia.org/']);
  });
});
