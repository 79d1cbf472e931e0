import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinary, NO_ELECTRON_REASON } from '../support/electronBinary';
import { flat, pdfInfo, pdfText } from '../support/pdf';

const repo = resolve(import.meta.dirname, '../..');
const binary = electronBinary();

test.describe('the real Electron app', () => {
  test.skip(binary === null, NO_ELECTRON_REASON);

  let app: ElectronApplication;
  let storeFolder: string;

  test.beforeAll(async () => {
    storeFolder = await mkdtemp(join(tmpdir(), 'atlas-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      // The project folder, as `npm start` runs it: Electron reads package.json's main from it.
      args: [repo, `--store-dir=${storeFolder}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    await rm(storeFolder, { recursive: true, force: true });
  });

  test('opens one sandboxed window showing the map; clicking a country opens its panel', async () => {
    const page = await app.firstWindow();
    await page.waitForFunction(() => window.__atlasProbe !== undefined);
    await page.evaluate(() => window.__atlasProbe!.whenIdle());
    expect(page.url()).toBe('app://atlas/index.html');
    const point = await page.evaluate(() => window.__atlasProbe!.screenPoint('BRA'));
    await page.mouse.click(point!.x, point!.y);
    await expect(page.locator('aside.panel')).toHaveAttribute('data-country', 'BRA');

    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getAppPath())).toBe(repo);
    // The map draws with WebGL even on a machine without a GPU (software, SwiftShader).
    expect(await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('enable-unsafe-swiftshader'))).toBe(true);
  });

  test('window.open and navigation are refused', async () => {
    const page = await app.firstWindow();
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://atlas/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  test('prints a briefing with printToPDF in a hidden window that goes once idle', async () => {
    const page = await app.firstWindow();
    const target = join(storeFolder, 'brazil.pdf');
    // The OS save dialog cannot be clicked by a test: answer it from main, as the user would.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, target);
    await page.locator('aside.panel').getByRole('button', { name: 'Briefing PDF…' }).click();
    await page.locator('dialog.modal[open]').getByRole('button', { name: 'Export…' }).click();
    await expect(page.locator('.toast', { hasText: 'brazil.pdf' })).toBeVisible({ timeout: 60_000 });
    const info = await pdfInfo(target);
    expect(info.tagged).toBe(true);
    expect(info.pages).toBeGreaterThan(0);
    expect(flat(await pdfText(target))).toContain('Brazil');
    // The hidden print window goes a few seconds after its last job.
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length), { timeout: 15_000 }).toBe(1);
  });
});

test.describe('the real Electron app across a restart', () => {
  test.skip(binary === null, NO_ELECTRON_REASON);

  const launch = (storeFolder: string) =>
    electron.launch({ executablePath: binary!, args: [repo, `--store-dir=${storeFolder}`] });

  test('brings back the window bounds, the theme (the OS-level one too) and the open panel', async () => {
    const storeFolder = await mkdtemp(join(tmpdir(), 'atlas-electron-restart-'));
    try {
      const first = await launch(storeFolder);
      const page = await first.firstWindow();
      await page.waitForFunction(() => window.__atlasProbe !== undefined);
      await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 30, width: 1000, height: 700 }));
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      await expect.poll(() => first.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('dark');
      const point = await page.evaluate(() => window.__atlasProbe!.screenPoint('BRA'));
      await page.mouse.click(point!.x, point!.y);
      await expect(page.locator('aside.panel')).toHaveAttribute('data-country', 'BRA');
      // The session is written once things settle; give it that time before quitting.
      await page.waitForTimeout(1500);
      await first.close();

      const second = await launch(storeFolder);
      const again = await second.firstWindow();
      await again.waitForFunction(() => window.__atlasProbe !== undefined);
      const bounds = await second.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getNormalBounds());
      expect(bounds).toMatchObject({ width: 1000, height: 700 });
      expect(await second.evaluate(({ nativeTheme }) => nativeTheme.themeSource)).toBe('dark');
      await expect(again.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(again.locator('aside.panel')).toHaveAttribute('data-country', 'BRA');
      await second.close();
    } finally {
      await rm(storeFolder, { recursive: true, force: true });
    }
  });
});
