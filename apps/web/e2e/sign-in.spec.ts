import { expect, expectAccessible, screenshot, signIn, test } from './fixtures';

// The tests share one demo database; this account's plan (REVISION_REQUESTED) no other test changes.
const MEMBER = 'gemeente.heerlen@opvolging.demo';

test.describe('sign-in and the start page', () => {
  for (const lang of ['nl', 'en'] as const) {
    test(`signs in and shows what needs attention (${lang})`, async ({ page }) => {
      await page.goto('/');
      // Not signed in: the start page sends to sign-in, keeping where the user wanted to go.
      await expect(page).toHaveURL(/\/sign-in\?next=%2F/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      if (lang === 'en') {
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      }
      await expect(page).toHaveTitle(lang === 'nl' ? 'Aanmelden – Opvolging' : 'Sign in – Opvolging');

      // Empty form: an error summary that links to the fields, focused.
      await page.getByRole('button', { name: lang === 'nl' ? 'Aanmelden' : 'Sign in' }).click();
      const summary = page.getByRole('alert').filter({ hasText: lang === 'nl' ? 'Er is een probleem' : 'There is a problem' });
      await expect(summary).toBeVisible();
      await summary.getByRole('link', { name: lang === 'nl' ? 'Vul uw e-mailadres in.' : 'Enter your e-mail address.' }).click();
      await expect(page.getByLabel(lang === 'nl' ? 'E-mailadres' : 'E-mail address')).toBeFocused();
      await expectAccessible(page, `sign-in with errors (${lang})`);

      // A wrong password: one message, next to the password field.
      await page.getByLabel(lang === 'nl' ? 'E-mailadres' : 'E-mail address').fill(MEMBER);
      await page.getByLabel(lang === 'nl' ? 'Wachtwoord' : 'Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: lang === 'nl' ? 'Aanmelden' : 'Sign in' }).click();
      await expect(
        page.getByText(lang === 'nl' ? /Het e-mailadres of wachtwoord klopt niet/ : /The e-mail address or password is not right/).first(),
      ).toBeVisible();
      if (lang === 'nl') await screenshot(page, 'sign-in');

      await signIn(page, MEMBER);
      // The account's language (Dutch) wins after sign-in.
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      if (lang === 'en') {
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'What needs my attention' })).toBeVisible();
      }
      await expect(page).toHaveTitle(lang === 'nl' ? 'Wat vraagt mijn aandacht – Opvolging' : 'What needs my attention – Opvolging');
      await expect(page.getByRole('navigation', { name: lang === 'nl' ? 'Hoofdmenu' : 'Main menu' })).toBeVisible();
      const plans = page.getByRole('region', { name: lang === 'nl' ? 'Plannen die op mij wachten' : 'Plans waiting for me' });
      await expect(
        plans.getByRole('link', {
          name: lang === 'nl' ? 'Het verbeterplan herzien en opnieuw indienen' : 'Revise and resubmit the improvement plan',
        }),
      ).toBeVisible();
      const deadlines = page.getByRole('region', { name: lang === 'nl' ? 'Mijn open termijnen' : 'My open deadlines' });
      await expect(
        deadlines.getByRole('link', { name: lang === 'nl' ? 'Verbeterplan indienen' : 'Submit improvement plan' }),
      ).toBeVisible();
      await expect(deadlines.getByText(lang === 'nl' ? /nog \d+ dagen/ : /\d+ days left/).first()).toBeVisible();
      await expectAccessible(page, `start page (${lang})`);
      if (lang === 'nl') await screenshot(page, 'start');

      // A reload keeps the session (refresh cookie), and the language preference was saved.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        lang === 'nl' ? 'Wat vraagt mijn aandacht' : 'What needs my attention',
      );

      await page.getByRole('button', { name: lang === 'nl' ? 'Afmelden' : 'Sign out' }).click();
      await expect(page.getByRole('heading', { level: 1, name: lang === 'nl' ? 'Aanmelden' : 'Sign in' })).toBeVisible();
      await page.goto('/');
      await expect(page).toHaveURL(/\/sign-in/);
      if (lang === 'en') {
        // Put the demo account back in Dutch for the other tests.
        await signIn(page, MEMBER);
        await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      }
    });
  }
});
