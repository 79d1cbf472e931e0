import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { listCalls } from '../../shared/contract';
import type { AskingWindow } from '../desktop/askingWindow';
import { isTrustedSender } from '../desktop/security';
import type { Invoker } from '../handlers/invoke';

/**
 * Registers every call of the contract on ipcMain; the sender is checked on each message, and the
 * call runs on behalf of the sender's window (the parent of any dialog it opens).
 */
export function registerIpc(invoke: Invoker, appOrigin: string, asking: AskingWindow<BrowserWindow>): void {
  for (const { channel } of listCalls()) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      return asking.run(window, () => invoke(channel, input, trusted(event, window !== null, appOrigin)));
    });
  }
}

function trusted(event: IpcMainInvokeEvent, isAppWindow: boolean, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return isTrustedSender({ origin: frame.origin, url: frame.url, isTopFrame: frame.parent === null, isAppWindow }, appOrigin);
}
