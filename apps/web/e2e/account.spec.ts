import { expect, expectAccessible, MEMBER, signIn, test } from './fixtures';

const GRONINGEN = 'jeugdhulp.groningen@opvolging.demo';

test('notifications, preferences, calendar feed and my account (nl and en)', async ({ page }) => {
  await signIn(page, GRONINGEN);
  // The worker's first sweep tells Jeugdhulp Groningen about its late measures.
  await expect
    .poll(
      async () => {
        await page.goto('/notifications');
        const markAll = page.getByRole('button', { name: 'Alles als gelezen markeren' });
        // count() does not wait: first let the page show its answer, with or without notifications.
        await markAll.or(page.getByText('U heeft geen meldingen.')).waitFor();
        return markAll.count();
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
  await expect(page.getByText('Ongelezen').first()).toBeVisible();
  await expectAccessible(page, 'notifications');
  await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
  await expect(page.getByRole('button', { name: 'Alles als gelezen markeren' })).toHaveCount(0);
  // The header badge follows without a reload.
  await expect(page.getByRole('link', { name: /^0 ongelezen meldingen$/ })).toBeVisible();

  await page.getByLabel('Eén overzicht per dag').check();
  await page.getByRole('button', { name: 'Voorkeuren opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Uw voorkeuren zijn opgeslagen.' })).toBeVisible();

  await page.getByRole('button', { name: 'Agenda-link maken' }).click();
  await expect(page.getByLabel('Uw agenda-link')).toHaveValue(/\/calendar\/.+\.ics$/);
  await expect(page.getByRole('button', { name: 'Link kopiëren' })).toBeVisible();
  await page.getByRole('button', { name: 'Agenda-link intrekken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De agenda-link werkt niet meer.' })).toBeVisible();
  await expectAccessible(page, 'notifications after changes');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn account' }).click();
  await page.getByLabel('Huidig wachtwoord').fill('not-my-password-at-all');
  await page.getByLabel('Nieuw wachtwoord').fill('a-new-password-long-enough');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.locator(':focus')).toContainText('Er is een probleem');
  await expectAccessible(page, 'account with error');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expectAccessible(page, 'account (en)');
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expectAccessible(page, 'notifications (en)');
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();

  await page.goto('/account');
  await page.getByRole('button', { name: 'Overal afmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the session survives an access-token expiry without losing what was typed', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, MEMBER);
  await page.goto('/plans');
  await page.getByRole('link', { name: 'Casus Heerlen 2015' }).click();
  await page
    .getByRole('button', { name: /Wijzig maatregel/ })
    .first()
    .click();
  const form = page.getByRole('form', { name: 'Maatregel wijzigen' });
  await form.getByLabel('Succesindicator').fill('Getypt voordat het toegangsbewijs verliep.');
  // The access token lives 60 s (global setup); wait until it has run out.
  await page.waitForTimeout(65_000);
  await form.getByRole('button', { name: 'Maatregel opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De maatregel is opgeslagen.' })).toBeVisible();
  await expect(page.getByText('Getypt voordat het toegangsbewijs verliep.')).toBeVisible();
  await expect(page).not.toHaveURL(/sign-in/);
});

test('the language chosen stays while its save is on its way (the page reads the account again meanwhile)', async ({ page }) => {
  await signIn(page, 'ggz.nog@opvolging.demo');
  // Hold the save of the language until the page has read the account again, as a slow server would.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const operation = (name: string) => (request: { url(): string; postData(): string | null }) =>
    request.url().endsWith('/graphql') && (request.postData() ?? '').includes(`"operationName":"${name}"`);
  await page.route('**/graphql', async (route) => {
    if (operation('UpdateMyLocale')(route.request())) await held;
    await route.continue();
  });
  const accountReadAgain = page.waitForResponse((response) => operation('Me')(response.request()));
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await accountReadAgain; // still Dutch in the database: the save is held back
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  await expect(page.getByRole('heading', { level: 1, name: 'What needs my attention' })).toBeVisible({ timeout: 2_000 });

  const saved = page.waitForResponse((response) => operation('UpdateMyLocale')(response.request()));
  release();
  await saved;
  await expect(page.getByRole('heading', { level: 1, name: 'What needs my attention' })).toBeVisible();
  // Back to Dutch, stored as well, for whoever signs in as this account next.
  const savedBack = page.waitForResponse((response) => operation('UpdateMyLocale')(response.request()));
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  await savedBack;
  await expect(page.getByRole('heading', { level: 1, name: 'Wat vraagt mijn aandacht' })).toBeVisible();
});
