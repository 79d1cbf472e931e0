import { electronBinary, NO_ELECTRON_REASON } from '../support/electronBinary';

/** Says up front, in the test log, why the Electron tests are skipped here. */
export default function globalSetup(): void {
  const binary = electronBinary();
  console.log(binary ? `Electron tests use ${binary}` : `Electron tests skipped: ${NO_ELECTRON_REASON}`);
}
