import { clipboard } from 'electron';
import type { SystemClipboard } from '../ports';

/** The OS clipboard, as plain text. */
export function electronClipboard(): SystemClipboard {
  return { writeText: (text) => clipboard.writeText(text) };
}
