import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it; no browser download), headless, with no background traffic. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });

/** A page as the browser tests use it: a fresh context in British English on a desktop window, 30 s per step. */
export async function openDesktopPage(browser: Browser, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  await prepare?.(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

const axeSource: string = require('axe-core').source;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly nodes: readonly string[];
}

/**
 * axe-core on the page as it is, its serious and critical violations. Injected through the
 * DevTools protocol: the app's CSP (script-src 'self', no inline) rightly refuses a <script>.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
