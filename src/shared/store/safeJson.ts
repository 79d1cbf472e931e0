/** Keys that could reach an object's prototype if a parsed document were ever merged or spread. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The outcome of parsing untrusted JSON text. */
export type SafeJson = { ok: true; value: unknown } | { ok: false; kind: 'not-json' | 'forbidden-key'; message: string };

/**
 * Parses JSON text and refuses any document holding a `__proto__`, `constructor` or `prototype`
 * key at any depth. Store files and import files are user-reachable files, so a crafted key must
 * never survive into data that later gets cloned, spread or merged.
 */
export function parseJsonSafely(text: string): SafeJson {
  let value: unknown;
  try {
    // A leading BOM is legal in files saved by some editors but not in JSON.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, kind: 'not-json', message: error instanceof Error ? error.message : String(error) };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden !== null) return { ok: false, kind: 'forbidden-key', message: `The document holds the forbidden key ${forbidden}.` };
  return { ok: true, value };
}

/**
 * The path of the first forbidden key in a parsed JSON value (like `notes[3].__proto__`), or null.
 * Iterative so a deeply nested hostile document cannot overflow the stack; paths are only worked
 * out once a key has been found, since store files hold tens of thousands of values.
 */
export function findForbiddenKey(root: unknown): string | null {
  return containsForbiddenKey(root) ? pathToForbiddenKey(root) : null;
}

function containsForbiddenKey(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key in value) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return false;
}

function pathToForbiddenKey(root: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: `${path}[${String(index)}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return keyPath;
      stack.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return null;
}
