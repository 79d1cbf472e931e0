import { contextBridge, ipcRenderer } from 'electron';
import { listCalls, listEvents, type AtlasApi } from '../shared/contract';

const api: Record<string, unknown> = {};
for (const { area, verb, channel } of listCalls()) {
  const calls = (api[area] ??= {}) as Record<string, (input?: unknown) => Promise<unknown>>;
  calls[verb] = (input?: unknown) => ipcRenderer.invoke(channel, input);
}
for (const { name, channel } of listEvents()) {
  api[name] = (listener: (payload: unknown) => void) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  };
}

contextBridge.exposeInMainWorld('atlas', api as AtlasApi);
