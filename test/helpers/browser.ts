// Real headless Chromium for the HTML report tests (Debian package `chromium`, driven by playwright-core).
// Locally the tests skip when it is missing; in CI (process.env.CI) they never skip, so a missing browser fails.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const BROWSER_TESTS = existsSync(CHROMIUM) || Boolean(process.env.CI);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Browser {
  readonly context: BrowserContext;
  /** Every URL the pages asked for, to prove the report needs no network. */
  readonly requests: string[];
  open(file: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh profile each time, so nothing cached from another run can make a test pass. */
export async function launch(options: { scale?: number } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'istio-lint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: options.scale ?? 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const requests: string[] = [];
  context.on('request', (r) => void requests.push(r.url()));
  return {
    context,
    requests,
    async open(file, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const errors: string[] = [];
      page.on('pageerror', (e) => void errors.push(e.message));
      page.on('dialog', (d) => {
        errors.push(`unexpected dialog: ${d.message()}`);
        void d.dismiss();
      });
      (page as Page & { errors?: string[] }).errors = errors;
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 10_000 });
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Errors the page raised after it opened (script errors, dialogs such as an injected alert()). */
export const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];
