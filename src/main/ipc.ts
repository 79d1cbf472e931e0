import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { listCalls } from '../shared/contract';
import type { Invoker } from './services/invoke';
import { isTrustedSender } from './services/security';

/** Registers every call of the contract on ipcMain; the sender is checked on each message. */
export function registerIpc(invoke: Invoker, appOrigin: string): void {
  for (const { channel } of listCalls()) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => invoke(channel, input, trusted(event, appOrigin)));
  }
}

function trusted(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return isTrustedSender(
    { url: frame.url, isTopFrame: frame.parent === null, isAppWindow: BrowserWindow.fromWebContents(event.sender) !== null },
    appOrigin,
  );
}
