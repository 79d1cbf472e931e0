/**
 * The OS file dialogs main opens on the user's behalf. Every path the app writes or reads for the
 * user comes from here, never from the renderer. Electron implements it (src/main/dialogs.ts); the
 * test harness answers with paths the test chose, since no OS dialog exists there.
 */
export interface Dialogs {
  /** A file to write; null when the user cancels. */
  saveFile(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  /** A folder to write into; null when the user cancels. */
  chooseFolder(options: { title: string }): Promise<string | null>;
  /** A file to read; null when the user cancels. */
  openFile(options: { title: string; extensions: string[] }): Promise<string | null>;
}

/** For hosts with no way to ask (benchmarks, scripts): every dialog answers as if cancelled. */
export const NO_DIALOGS: Dialogs = {
  saveFile: async () => null,
  chooseFolder: async () => null,
  openFile: async () => null,
};
