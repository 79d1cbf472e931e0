import { expect, test } from './harness';

test.describe('security and privacy', () => {
  test('the contract refuses unknown channels and bad input, and answers good calls', async ({ app }) => {
    expect(await app.rawInvoke('atlas:fs/write', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'Unknown channel: atlas:fs/write' },
    });
    const bad = await app.rawInvoke('atlas:prefs/set-language', { language: 'fr' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const extra = await app.rawInvoke('atlas:prefs/set-language', { language: 'ko', path: '/tmp/x' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const good = await app.rawInvoke('atlas:countries/list', undefined);
    expect(good.ok).toBe(true);
    const countries = (good as { ok: true; value: { id: string; name: { ko: string } }[] }).value;
    expect(countries.find((country) => country.id === 'KOR')?.name.ko).toBe('한국');
  });

  test('the page cannot reach the network: CSP blocks it and nothing leaves', async ({ app }) => {
    const { page } = app;
    app.expectedErrors.push(/Content Security Policy/, /Failed to fetch/);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const fetched = await fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      );
      const image = new Image();
      image.src = 'https://example.com/pixel.png';
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { fetched, violations };
    });
    expect(outcome.fetched).toBe('blocked');
    expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  });

  test('the file server refuses paths that leave the app folder', async ({ app }) => {
    app.expectedErrors.push(/status of 40[34]/);
    const statuses = await app.page.evaluate(async () => {
      const paths = ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%5c..%5cpackage.json', '/%00index.html', '/index.html'];
      const result: Record<string, number> = {};
      for (const path of paths) result[path] = (await fetch(path)).status;
      return result;
    });
    expect(statuses).toEqual({
      '/..%2f..%2fpackage.json': 403,
      // The browser itself folds %2e%2e into `..` and resolves it before asking: /package.json,
      // which is not in the renderer folder.
      '/%2e%2e/%2e%2e/package.json': 404,
      '/assets/..%5c..%5cpackage.json': 403,
      '/%00index.html': 403,
      '/index.html': 200,
    });
  });

  test('the network guard does catch a request that leaves (positive control)', async ({ environment }) => {
    // Without this, "zero requests left the app" could be true only because nothing was watching.
    const context = await environment.browser.newContext({ proxy: { server: environment.guard.url } });
    const page = await context.newPage();
    const before = environment.guard.attempts.length;
    await page.goto('http://example.invalid/').catch(() => undefined);
    expect(environment.guard.attempts.slice(before).join('\n')).toContain('example.invalid');
    await context.close();
  });
});
