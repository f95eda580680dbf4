import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_PASSWORD = 'Opvolging-demo-2026';
export const MEMBER = 'buurtteam.heerlen@opvolging.demo';
export const INSPECTOR = 'inspecteur.igj@opvolging.demo';

/** The tests' base URL is the launcher that global setup started. */
// Playwright's fixture signature: the first argument (other fixtures) is unused here.
/* eslint-disable no-empty-pattern */
export const test = base.extend<{ api: Api }>({
  baseURL: async ({}, use) => use(process.env.WEB_BASE_URL),
  api: async ({}, use) => use(new Api(process.env.WEB_BASE_URL!)),
});
/* eslint-enable no-empty-pattern */
export { expect };

/** WCAG 2.1 A and AA, no violations (axe-core). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${what}`).toEqual([]);
}

/** Signs in through the sign-in page, in the page's current language. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Wat vraagt mijn aandacht|What needs my attention/ })).toBeVisible();
}

/** With UPDATE_SCREENSHOTS=1: a PNG for the README under docs/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  const dir = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** GraphQL as another user, for what the test needs done outside the browser (an inspector's assessment). */
export class Api {
  private tokens = new Map<string, string>();
  constructor(readonly baseURL: string) {}

  async as<T = Record<string, unknown>>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let token = this.tokens.get(email);
    if (!token) {
      const signedIn = await this.post<{ signIn: { accessToken: string } }>(
        'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
        { input: { email, password: DEMO_PASSWORD } },
      );
      token = signedIn.signIn.accessToken;
      this.tokens.set(email, token);
    }
    return this.post<T>(query, variables, token);
  }

  private async post<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await fetch(`${this.baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }
}
