/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser.
import { execSync, spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { Redis } from 'ioredis';
import {
  ADMIN_URL,
  codeVersion,
  databaseUrl,
  deleteKeys,
  flag,
  ms,
  NODE_FLAGS,
  OUT_DIR,
  REDIS_URL,
  round,
  scrapeHealth,
  stats,
  withClient,
} from './common';
import {
  answerFromMemory,
  CHROMIUM,
  launchBrowser,
  layoutShifts,
  recordLayoutShifts,
  type Opened,
  openFromMenu,
  readOperation,
  requestInPage,
  signInInBrowser,
} from './browser';
import type { Benchmark, BenchRow } from './run';

/**
 * The web app as a person gets it (issue "web application, part 1", speed):
 * - initial JavaScript of the sign-in and start pages (gzip), from the build's manifest: the entry
 *   with everything it imports statically, plus the page's own lazy chunk and its static imports;
 *   budget 200 KB each;
 * - the start page of an organisation member with 50 open deadlines, rendered in Chromium, against
 *   its GraphQL request alone (the same query, token and answer, sent from Node), in the same run:
 *   in-app navigation (the app is loaded, the person opens "Start") must stay ≤ 1.5× the request;
 *   a full reload with a warm asset cache is reported beside it;
 * - Lighthouse (12, desktop settings, in the same Chromium) on the start page: performance and
 *   accessibility ≥ 95.
 * The real launcher runs on a fresh database with the demo data (as the browser tests do); 50
 * measures are added to one member's accepted plan by SQL, as the organisation would have planned
 * them. `BENCH_SKIP_BUILD=1` reuses dist/. Needs Debian's Chromium (`CHROMIUM_PATH`, default
 * /usr/bin/chromium).
 */

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const SAMPLES = Number(process.env.BENCH_WEB_SAMPLES ?? 30);
const DEADLINES = 50;
const JS_BUDGET_KB = 200;
const PASSWORD = 'Opvolging-demo-2026';
/** The start page's deadline list. */
const START_ITEMS = 'section[aria-labelledby="deadlines-title"] li';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/** Gzip (level 6) sizes in KB of what a page needs before it can render. */
export function initialBytes(manifest: Record<string, ManifestChunk>, readFile: (file: string) => Buffer, pageModule: string) {
  const chunks = new Set<string>();
  const walk = (key: string) => {
    if (chunks.has(key)) return;
    if (!manifest[key]) throw new Error(`the web build's manifest has no chunk ${key}`);
    chunks.add(key);
    for (const i of manifest[key].imports ?? []) walk(i);
  };
  walk('index.html');
  walk(pageModule);
  const files = [...chunks].map((k) => manifest[k]);
  const gz = (f: string) => gzipSync(readFile(f), { level: 6 }).length / 1024;
  const js = files.reduce((n, c) => n + gz(c.file), 0);
  const css = [...new Set(files.flatMap((c) => c.css ?? []))].reduce((n, f) => n + gz(f), 0);
  return { jsKB: round(js), cssKB: round(css), files: files.map((c) => c.file) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startLauncher(dbUrl: string, prefix: string, log: (m: string) => void) {
  const [port, workerPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...NODE_FLAGS, 'dist/apps/launcher/src/main.js'], {
    cwd: ROOT,
    detached: true, // its own process group: stopping it stops the API and the worker
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test', // demo data with the published demo passwords (production would refuse them)
      DATABASE_URL: dbUrl,
      REDIS_URL,
      PORT: String(port),
      WORKER_PORT: String(workerPort),
      PUBLIC_URL: url,
      QUEUE_PREFIX: prefix,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_SIGN_IN_PER_ADDRESS: '100000',
      RATE_LIMIT_SIGN_IN_PER_EMAIL: '100000',
      RATE_LIMIT_MUTATIONS_PER_ADDRESS: '100000',
      RATE_LIMIT_MUTATIONS_PER_ACCOUNT: '100000',
    },
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the launcher exited with code ${child.exitCode} before the API answered`);
    if (Date.now() > deadline) throw new Error('the API did not answer within 180 s');
    try {
      const token = await signIn(url, 'beheer@opvolging.demo');
      if (token) break;
    } catch {
      /* not up yet, or the demo is still loading */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`launcher ${child.pid} serves the API and the web app on ${url}`);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || !child.pid) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 10_000).unref();
    });
  return { url, stop };
}

async function graphql<T>(base: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function signIn(base: string, email: string): Promise<string> {
  const data = await graphql<{ signIn: { accessToken: string } }>(
    base,
    null,
    'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { email, password: PASSWORD } },
  );
  return data.signIn.accessToken;
}

/** A member whose organisation has an accepted plan, with 50 more measures due in the coming months. */
async function memberWithDeadlines(dbUrl: string): Promise<{ email: string; planId: string }> {
  return withClient(dbUrl, async (c) => {
    const found = await c.query(
      `SELECT u.email, u.id AS user_id, p.id AS plan_id
         FROM users u JOIN improvement_plans p ON p.organisation_id = u.organisation_id
        WHERE u.role = 'ORGANISATION_MEMBER' AND u.active AND p.status = 'ACCEPTED'
        ORDER BY u.email LIMIT 1`,
    );
    if (!found.rows.length) throw new Error('the demo data has no member with an accepted plan');
    const { email, user_id: userId, plan_id: planId } = found.rows[0] as { email: string; user_id: string; plan_id: string };
    await c.query(
      `INSERT INTO measures (id, plan_id, description, success_indicator, owner_id, due_date, original_due_date, status, created_at)
       SELECT gen_random_uuid(), $1, 'Werkafspraak ' || k || ' over het delen van signalen', 'Vastgelegd en geëvalueerd', $2,
              current_date + 10 + k * 3, current_date + 10 + k * 3, 'PLANNED', now()
         FROM generate_series(1, $3::int) AS k`,
      [planId, userId, DEADLINES],
    );
    return { email, planId };
  });
}

/** The start page has rendered its deadlines: the heading and the 50 items of its deadline list. */
async function startRendered(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /Wat vraagt mijn aandacht|What needs my attention/ }).waitFor();
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length >= n, [START_ITEMS, DEADLINES] as const, {
    polling: 'raf',
  });
}

/** Runs Lighthouse 12 (an ES module) on `url` in the browser listening on `port`, keeping its cookies (the session). */
async function lighthouse(url: string, port: number) {
  const load = new Function('s', 'return import(s)') as (s: string) => Promise<any>;
  const { default: run } = await load('lighthouse');
  const { default: desktopConfig } = await load('lighthouse/core/config/desktop-config.js');
  const result = await run(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
    desktopConfig,
  );
  const lhr = result.lhr;
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    metrics: Object.fromEntries(
      ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
        id,
        lhr.audits[id]?.displayValue ?? null,
      ]),
    ),
    /** What moved, for a cumulative layout shift above 0 (Lighthouse's "layout-shifts" audit). */
    layoutShifts: ((lhr.audits['layout-shifts']?.details?.items ?? []) as Array<{ score: number; node?: { selector?: string } }>).map(
      (item) => ({ score: round(item.score, 3), element: item.node?.selector ?? null }),
    ),
    failedAccessibility: Object.values(lhr.audits as Record<string, { id: string; score: number | null; scoreDisplayMode: string }>)
      .filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r: { id: string }) => r.id === a.id))
      .map((a) => a.id),
  };
}

async function run(log: (message: string) => void) {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (!flag('BENCH_SKIP_BUILD') || !existsSync(join(WEB, '.vite', 'manifest.json'))) {
    log('building (npm run build)');
    execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const manifest = JSON.parse(readFileSync(join(WEB, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const read = (f: string) => readFileSync(join(WEB, f));
  const sizes = {
    signIn: initialBytes(manifest, read, 'src/features/auth/routes/sign-in-route.tsx'),
    start: initialBytes(manifest, read, 'src/features/start/routes/start-route.tsx'),
  };
  log(`initial JavaScript: sign-in ${sizes.signIn.jsKB} KB, start ${sizes.start.jsKB} KB (gzip)`);

  const database = `opvolging_bench_web_${process.pid}`;
  await withClient(ADMIN_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${database}`);
  });
  const prefix = `benchweb${randomBytes(3).toString('hex')}`;
  const launcher = await startLauncher(databaseUrl(database), prefix, log);
  const profile = mkdtempSync(join(tmpdir(), 'opvolging-bench-chromium-'));
  const debuggingPort = await freePort();
  let context: BrowserContext | undefined;
  try {
    const member = await memberWithDeadlines(databaseUrl(database));
    const token = await signIn(launcher.url, member.email);
    const query = readOperation('apps/web/src/features/start/api/operations.ts', 'StartPage');
    const answer = await graphql<{ deadlines: { nodes: unknown[] } }>(launcher.url, token, query, { member: true });
    if (answer.deadlines.nodes.length !== DEADLINES) {
      throw new Error(`the start page query answers ${answer.deadlines.nodes.length} deadlines, expected ${DEADLINES}`);
    }
    log(`${member.email}: ${DEADLINES} deadlines on the start page`);

    context = await launchBrowser(profile, debuggingPort);
    await recordLayoutShifts(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await signInInBrowser(page, launcher.url, member.email, PASSWORD);
    await startRendered(page);

    // Warm-up: each path once, so neither side pays for the first compile or connection.
    await requestInPage(page, token, query, { member: true });
    const request: number[] = [];
    const navigation: number[] = [];
    const reload: number[] = [];
    const browserOnly: number[] = [];
    const answerBody = JSON.stringify({ data: answer });
    let lastOpened: Opened | undefined;
    await scrapeHealth(launcher.url); // starts the server's event-loop window
    for (let i = 0; i < SAMPLES; i++) {
      // In-app: the app is loaded on another page; the person opens the start page from the menu.
      await page.goto(`${launcher.url}/account`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      // The request alone, from the same page: the same query, token and answer.
      request.push(await requestInPage(page, token, query, { member: true }));
      lastOpened = await openFromMenu(page, '/', START_ITEMS, DEADLINES);
      navigation.push(lastOpened.ms);
      // A full reload of the start page, scripts from the browser's cache.
      const t = process.hrtime.bigint();
      await page.reload();
      await startRendered(page);
      reload.push(ms(t));
      // The same opening with the answer already in the page: the browser's own share of the time.
      await page.goto(`${launcher.url}/account`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await answerFromMemory(page, 'StartPage', answerBody);
      browserOnly.push((await openFromMenu(page, '/', START_ITEMS, DEADLINES)).ms);
    }
    const server = await scrapeHealth(launcher.url); // the launcher's process (API and worker) during the samples
    log(`server event-loop delay p99 ${server.eventLoopDelayP99Ms} ms (max ${server.eventLoopDelayMaxMs}), RSS ${server.rssMiB} MiB`);
    const shifts = await layoutShifts(page); // of the last full reload of the start page
    log(`layout shifts of the start page's last reload: ${JSON.stringify(shifts)}`);
    const timing = { request: stats(request), navigation: stats(navigation), reload: stats(reload), browserOnly: stats(browserOnly) };
    log(`start page: ${JSON.stringify(timing)}`);
    log(`last opening from the menu, what it fetched: ${JSON.stringify(lastOpened)}`);

    log('Lighthouse on the start page (desktop)');
    const audit = await lighthouse(`${launcher.url}/`, debuggingPort);
    log(`Lighthouse: ${JSON.stringify(audit)}`);

    const ratio = (a: number, b: number) => round(a / b, 2);
    const results = {
      when: new Date().toISOString(),
      code: codeVersion(['apps/web', 'apps/api', 'libs']),
      samples: SAMPLES,
      sizes,
      timing,
      lastOpened,
      shifts,
      ratios: {
        navigationMedian: ratio(timing.navigation.median, timing.request.median),
        navigationP95: ratio(timing.navigation.p95, timing.request.p95),
        reloadMedian: ratio(timing.reload.median, timing.request.median),
        browserOnlyMedian: ratio(timing.browserOnly.median, timing.request.median),
      },
      lighthouse: audit,
      server,
    };
    mkdirSync(OUT_DIR, { recursive: true });
    const file = join(OUT_DIR, `web-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));

    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const budget = (kb: number) => `${ratio(kb, JS_BUDGET_KB)} of the ${JS_BUDGET_KB} KB budget: ${verdict(kb <= JS_BUDGET_KB)}`;
    const { navigation: nav, request: req } = timing;
    const rows: BenchRow[] = [
      {
        metric: 'initial JS, sign-in page (gzip)',
        value: sizes.signIn.jsKB,
        unit: 'KB',
        note: `${budget(sizes.signIn.jsKB)}; CSS ${sizes.signIn.cssKB} KB`,
      },
      {
        metric: 'initial JS, start page (gzip)',
        value: sizes.start.jsKB,
        unit: 'KB',
        note: `${budget(sizes.start.jsKB)}; CSS ${sizes.start.cssKB} KB`,
      },
      {
        metric: `start page GraphQL request alone (${DEADLINES} deadlines), median`,
        value: timing.request.median,
        unit: 'ms',
        note: `p95 ${timing.request.p95} ms`,
      },
      {
        metric: 'start page, opened from the menu / its request (median)',
        value: results.ratios.navigationMedian,
        unit: 'x',
        note:
          `${nav.median} ms vs ${req.median} ms; p95 ${nav.p95} vs ${req.p95} ms (${results.ratios.navigationP95}x); ` +
          `target ≤ 1.5x: ${verdict(results.ratios.navigationMedian <= 1.5)}`,
      },
      {
        metric: 'start page from the menu, answer already in the page / its request (median)',
        value: results.ratios.browserOnlyMedian,
        unit: 'x',
        note:
          `${timing.browserOnly.median} ms (p95 ${timing.browserOnly.p95} ms): the browser's own work (route change, React, ` +
          `layout, one frame), which leaves ${round(1.5 * req.median - timing.browserOnly.median)} ms of the 1.5x for the request`,
      },
      {
        metric: 'start page, full reload (cached scripts) / its request (median)',
        value: results.ratios.reloadMedian,
        unit: 'x',
        note: `${timing.reload.median} ms (session refresh, scripts, query, render); p95 ${timing.reload.p95} ms`,
      },
      {
        metric: 'Lighthouse performance, start page (desktop)',
        value: audit.performance,
        note: `target ≥ 95: ${verdict(audit.performance >= 95)}; ${Object.entries(audit.metrics)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      },
      {
        metric: 'Lighthouse accessibility, start page',
        value: audit.accessibility,
        note:
          `target ≥ 95: ${verdict(audit.accessibility >= 95)}` +
          (audit.failedAccessibility.length ? `; failing: ${audit.failedAccessibility.join(', ')}` : ''),
      },
      {
        metric: 'server event-loop delay p99 during the samples',
        value: server.eventLoopDelayP99Ms,
        unit: 'ms',
        note:
          `max ${server.eventLoopDelayMaxMs} ms, RSS after ${server.rssMiB} MiB; includes the 10 ms timer resolution; ` +
          `goal ≤ 50 ms: ${verdict(server.eventLoopDelayP99Ms <= 50)}`,
      },
    ];
    return { rows, file };
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    await launcher.stop();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
    await deleteKeys(redis, prefix).catch(() => 0);
    redis.disconnect();
    await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
}

const benchmark: Benchmark = { name: 'web app', run };
export default benchmark;
