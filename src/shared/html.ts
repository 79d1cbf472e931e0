const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an HTML text node or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * A CSS string literal (with its quotes) for `content:`: quotes and backslashes escaped, line breaks
 * and `<` written as escapes, so nothing in a name can end the string or the style element.
 */
export function cssString(text: string): string {
  let body = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const special = character === '\\' || character === '"' || character === '<' || character === '>' || code < 0x20 || code === 0x7f;
    body += special ? `\\${code.toString(16)} ` : character;
  }
  return `"${body}"`;
}

/** An element id or CSS class made only of characters that need no escaping. */
export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
