import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPath, serveAppFile } from './appProtocol';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'atlas-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>atlas</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath()', () => {
  it('maps / to index.html and plain paths under the root', () => {
    expect(resolveAppPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/./index.html',
  ])('refuses %s', (path) => {
    expect(resolveAppPath(root, path)).toBeNull();
  });
});

describe('serveAppFile()', () => {
  it('serves a file with its type and the CSP', async () => {
    const response = await serveAppFile(root, '/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(String(response.body)).toBe('console.log(1)');
  });

  it('answers 403 for traversal, 404 for a missing file, both with the CSP', async () => {
    const forbidden = await serveAppFile(root, '/..%2fsecret.txt');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['Content-Security-Policy']).toBeDefined();
    expect((await serveAppFile(root, '/nope.js')).status).toBe(404);
  });

  it('does not follow a symbolic link out of the folder', async () => {
    const response = await serveAppFile(root, '/assets/link.txt');
    expect(response.status).toBe(403);
    expect(String(response.body)).not.toContain('secret');
  });
});
