/**
 * What the inbox page's browser tests share: Debian's Chromium driven headless by playwright-core (which
 * downloads no browser of its own), the flags that keep it quiet in a container, a patient poll, and a
 * watcher that collects console errors and failed requests. Where Chromium is not installed the tests are
 * skipped with a loud banner, never silently.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(chromiumPath);
export const skipReason = `Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`;

/** Warns once per test file that the page is not tested in a browser here. */
export function warnWhenChromiumMissing(): void {
  if (!chromiumMissing) return;
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!! SKIPPING the inbox page's browser test: ${skipReason}.\n!! The page is NOT tested in a browser on this machine.\n${line}\n`,
  );
}

/** The suffix a skipped test's title carries. */
export const skippedNote = chromiumMissing ? ` — SKIPPED: ${skipReason}` : '';

/** Flags that keep Chromium quiet on a closed network and in a container. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Polls until the expectation holds: generous, since CI runs the browser on two busy cores. */
export function eventually<Value>(read: () => Value | Promise<Value>): ReturnType<typeof expect.poll<Value>> {
  return expect.poll(read, { timeout: 15_000, interval: 50 });
}

/** Collects the page's console errors, uncaught errors and failed requests into `problems`. */
export function watchPage(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The event stream is cut when the page goes away, and a navigation (a Clear, a reload) aborts the
    // page's own refresh fetch still in flight; anything else failing is a problem.
    if (request.url().includes('/__mock/ui/events')) return;
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED' && request.resourceType() === 'fetch';
    if (!aborted) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
}

/** Opens `url` in a new page of `opener`, watched for problems, once its live feed is connected. */
export async function openLivePage(
  opener: Browser | BrowserContext,
  url: string,
  problems: string[],
): Promise<Page> {
  const page = await opener.newPage();
  watchPage(page, problems);
  await page.goto(url);
  await eventually(() => page.locator('#live').getAttribute('data-state')).toBe('live');
  return page;
}
