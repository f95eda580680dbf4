/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser.
import { readFileSync } from 'fs';
import { join } from 'path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';

/**
 * What the benchmarks that measure the web app in Chromium share: Debian's Chromium as the tests
 * start it, the app's own operations read from its source, and timings taken inside the page
 * (performance.now()), so that the browser's request and the page's rendering are measured by the
 * same clock, without Playwright's own round trips in either.
 */

const ROOT = join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One persistent context is the browser's default one: a tab another client opens (Lighthouse) shares its cookies. */
export function launchBrowser(profileDir: string, debuggingPort?: number): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1350, height: 940 },
    args: [
      ...(debuggingPort ? [`--remote-debugging-port=${debuggingPort}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The text of the operation `name` in a web app source file (`graphql(\`…\`)`), as the app sends it. */
export function readOperation(sourceFile: string, name: string): string {
  const source = readFileSync(join(ROOT, sourceFile), 'utf8');
  const found = [...source.matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]).find((q) => new RegExp(`\\b${name}\\b`).test(q));
  if (!found) throw new Error(`no operation ${name} in ${sourceFile}`);
  return found;
}

/** Signs in on the sign-in page and waits until `rendered` says the landing page is there. */
export async function signInInBrowser(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /Wat vraagt mijn aandacht|What needs my attention/ }).waitFor();
}

/** Milliseconds for one GraphQL request from the page (fetch, then the whole JSON answer read). */
export function requestInPage(page: Page, token: string, query: string, variables: Record<string, unknown> = {}): Promise<number> {
  return page.evaluate(
    async ({ token, query, variables }) => {
      const started = performance.now();
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
      return performance.now() - started;
    },
    { token, query, variables },
  );
}

/**
 * Milliseconds from a click on the main menu's link to `path` until `selector` matches `count`
 * elements and the browser starts the next frame (the page is drawn): the route's code, its
 * query and React's rendering, as a person opening the page from the menu waits for them.
 */
export interface Opened {
  ms: number;
  /** What the page fetched on the way, relative to the click (ms): where the time went. */
  fetched: Array<{ name: string; start: number; end: number }>;
}

export function openFromMenu(page: Page, path: string, selector: string, count: number): Promise<Opened> {
  return page.evaluate(
    ({ path, selector, count }) =>
      new Promise<Opened>((resolve, reject) => {
        const link = document.querySelector<HTMLAnchorElement>(`nav a[href="${path}"]`);
        if (!link) return reject(new Error(`no menu link to ${path}`));
        const started = performance.now();
        const timer = setTimeout(() => reject(new Error(`${selector} did not reach ${count} within 60 s`)), 60_000);
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll(selector).length < count) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            const ms = performance.now() - started;
            const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
              .filter((e) => e.startTime >= started)
              .map((e) => ({ name: e.name.replace(location.origin, ''), start: e.startTime - started, end: e.responseEnd - started }));
            resolve({ ms, fetched });
          });
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        link.click();
      }),
    { path, selector, count },
  );
}

/**
 * Until the next page load, the page's `fetch` answers GraphQL operation `operationName` at once
 * with `body` (JSON) instead of asking the API: opening the page then costs only the browser's own
 * work (route change, React, layout, a frame), the part of a page's time that no server can take away.
 */
export function answerFromMemory(page: Page, operationName: string, body: string): Promise<void> {
  return page.evaluate(
    ({ operationName, body }) => {
      const network = window.fetch.bind(window);
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        typeof init?.body === 'string' && init.body.includes(`"operationName":"${operationName}"`)
          ? Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }))
          : network(input, init);
    },
    { operationName, body },
  );
}

export interface LayoutShift {
  value: number;
  moved: Array<{ element: string; from: string; to: string }>;
}

/**
 * Records the page's layout shifts (PerformanceObserver 'layout-shift') from its first byte on, in
 * every page the context opens; `layoutShifts(page)` reads them: what moved, from where to where.
 */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shifts: LayoutShift[] = [];
    (window as unknown as { __shifts: LayoutShift[] }).__shifts = shifts;
    const describe = (n: Node | null) => {
      if (!(n instanceof Element)) return n?.nodeName ?? '?';
      return (
        n.tagName.toLowerCase() + (n.id ? `#${n.id}` : '') + (n.classList.length ? `.${Array.from(n.classList).slice(0, 2).join('.')}` : '')
      );
    };
    const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources?: Array<{ node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
        }
      >) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          value: entry.value,
          moved: (entry.sources ?? []).map((s) => ({ element: describe(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export function layoutShifts(page: Page): Promise<LayoutShift[]> {
  return page.evaluate(() => (window as unknown as { __shifts: LayoutShift[] }).__shifts ?? []);
}
