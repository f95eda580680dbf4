import { expect, expectAccessible, screenshot, signIn, test } from './fixtures';

const ADMIN = 'beheer@opvolging.demo';

test.describe('administrator', () => {
  test('creates an organisation and an account, disables it, and the disabled account cannot sign in (nl)', async ({ page, browser }) => {
    const stamp = Date.now();
    const orgName = `Jeugdteam Testdorp ${stamp}`;
    const email = `nieuw.${stamp}@opvolging.test`;
    await signIn(page, ADMIN);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link', { name: 'Wachtrijen' })).toHaveAttribute('href', '/admin/queues');

    // Organisations: list, search, create.
    await nav.getByRole('link', { name: 'Organisaties' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisaties' })).toBeVisible();
    await page.getByLabel('Zoeken op naam').fill('Groningen');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByRole('link', { name: 'Gemeente Groningen wijzigen' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Gemeente Heerlen wijzigen/ })).toHaveCount(0);
    await expectAccessible(page, 'organisations (nl)');
    await screenshot(page, 'admin-organisations');
    await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: 'Vul de naam in.' })).toBeVisible();
    await expectAccessible(page, 'new organisation with errors (nl)');
    await page.getByLabel('Naam', { exact: true }).fill(orgName);
    await page.getByLabel('Soort organisatie').selectOption({ label: 'Jeugdhulp' });
    await page.getByLabel('Gemeente waar zij vooral werkt').selectOption({ label: 'Gemeente Groningen' });
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Organisatie ${orgName} is aangemaakt.` })).toBeVisible();
    // Edit: the name changes.
    await page.getByLabel('Zoeken op naam').fill(String(stamp));
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: `${orgName} wijzigen` }).click();
    // The edit form, not the list's "Zoeken op naam" (a label holding "naam" too), which stays until the form is there.
    await expect(page.getByRole('heading', { level: 1, name: orgName })).toBeVisible();
    await page.getByLabel('Naam', { exact: true }).fill(`${orgName} Noord`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' })).toBeVisible();
    await expectAccessible(page, 'edit organisation (nl)');

    // Accounts: create one for the new organisation.
    await nav.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('link', { name: 'Nieuw account' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Medewerker');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Eerste wachtwoord').fill('kort');
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Medewerker van een organisatie' });
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: `${orgName} Noord` });
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    // The API's refusal of a short password, linked to the field.
    await expect(page.getByRole('alert').getByRole('link', { name: /12/ })).toBeVisible();
    await expectAccessible(page, 'new account with errors (nl)');
    await page.getByLabel('Eerste wachtwoord').fill('Een-lang-wachtwoord-2026');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Account voor Nieuwe Medewerker is aangemaakt.' })).toBeVisible();

    // The new account can sign in, in a browser of its own.
    const other = await browser.newContext({ baseURL: process.env.WEB_BASE_URL, locale: 'nl-NL' });
    const otherPage = await other.newPage();
    await signIn(otherPage, email, 'Een-lang-wachtwoord-2026');
    await otherPage.close();

    // Filters: role and organisation.
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: `${orgName} Noord` });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByText('1 account', { exact: true })).toBeVisible();
    const row = page.getByRole('row', { name: /Nieuwe Medewerker/ });
    await expect(row.getByText('Actief')).toBeVisible();
    await row.getByText('Nieuwe Medewerker beheren').click();
    await expectAccessible(page, 'accounts (nl)');
    await screenshot(page, 'admin-accounts');
    await row.getByRole('button', { name: 'Nieuwe Medewerker uitschakelen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nieuwe Medewerker is uitgeschakeld en overal afgemeld.' })).toBeVisible();
    await expect(row.getByText('Uitgeschakeld')).toBeVisible();
    await page.getByLabel('Status').selectOption({ label: 'Actief' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByText('Geen accounts gevonden.')).toBeVisible();
    await page.getByLabel('Status').selectOption({ label: 'Uitgeschakeld' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByRole('row', { name: /Nieuwe Medewerker/ })).toBeVisible();

    // The disabled account can no longer sign in.
    const third = await browser.newContext({ baseURL: process.env.WEB_BASE_URL, locale: 'nl-NL' });
    const thirdPage = await third.newPage();
    await thirdPage.goto('/sign-in');
    await thirdPage.getByLabel('E-mailadres').fill(email);
    await thirdPage.getByLabel('Wachtwoord', { exact: true }).fill('Een-lang-wachtwoord-2026');
    await thirdPage.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(thirdPage.getByText(/Het e-mailadres of wachtwoord klopt niet/).first()).toBeVisible();
    await expect(thirdPage.getByRole('heading', { level: 1, name: 'Wat vraagt mijn aandacht' })).toHaveCount(0);
    await third.close();
    await other.close();

    // The API refuses taking away one's own administrator role; the page says so clearly.
    await page.getByLabel('Status').selectOption({ label: 'Actief en uitgeschakeld' });
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Alle organisaties' });
    await page.getByLabel('Zoeken op naam of e-mailadres').fill(ADMIN);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const me = page.getByRole('row', { name: /beheer@opvolging.demo/ });
    await me.getByText(/beheren$/).click();
    await me.getByLabel(/^Nieuwe rol voor/).selectOption({ label: 'Inspecteur' });
    await me.getByRole('button', { name: 'Rol wijzigen' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: /Dit kan niet voor uw eigen account/ })).toBeVisible();
    await expectAccessible(page, 'accounts with a refusal (nl)');
  });

  test('the administration pages in English', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    await nav.getByRole('link', { name: 'Organisations' }).click();
    await expect(page.getByRole('table', { name: 'Organisations' })).toBeVisible();
    await expectAccessible(page, 'organisations (en)');
    await page.getByRole('link', { name: 'New organisation' }).click();
    await expect(page.getByRole('button', { name: 'Create organisation' })).toBeVisible();
    await expectAccessible(page, 'new organisation (en)');
    await page.getByRole('link', { name: 'Back to the organisations' }).click();
    await page.getByRole('link', { name: 'Edit Gemeente Groningen' }).click();
    await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
    await expectAccessible(page, 'edit organisation (en)');
    await nav.getByRole('link', { name: 'Accounts' }).click();
    await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();
    await expectAccessible(page, 'accounts (en)');
    await page.getByRole('link', { name: 'New account' }).click();
    await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();
    await expectAccessible(page, 'new account (en)');
    // Administrators see no case data, so no themes either.
    await expect(nav.getByRole('link', { name: 'Themes' })).toHaveCount(0);
  });
});
