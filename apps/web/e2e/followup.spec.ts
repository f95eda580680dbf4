import { expect, expectAccessible, signIn, test } from './fixtures';

const WIJK = 'wijkteam.groningen@opvolging.demo';

test('internal audit submitted, an extension requested and withdrawn (nl and en)', async ({ page }) => {
  await signIn(page, WIJK);
  const plans = page.getByRole('region', { name: 'Plannen die op mij wachten' });
  await plans.getByRole('link', { name: 'De interne audit uitvoeren en indienen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Interne audit' })).toBeVisible();
  await expectAccessible(page, 'audit');

  // Submitting an empty audit: every missing answer in the summary.
  await page.getByRole('button', { name: 'Audit indienen' }).click();
  await expect(page.locator(':focus')).toContainText('Er is een probleem');
  await expect(page.getByRole('link', { name: 'Vul een conclusie in.' })).toBeVisible();
  await expectAccessible(page, 'audit with errors');

  const selects = page.getByLabel('Uitgevoerd?');
  const evidence = page.getByLabel('Waaruit blijkt dat?');
  for (let i = 0; i < (await selects.count()); i++) {
    await selects.nth(i).selectOption('IMPLEMENTED');
    await evidence.nth(i).fill(`Verslag van de teamaudit, onderdeel ${i + 1}.`);
  }
  await page.getByLabel('Conclusie van de audit').fill('Alle maatregelen zijn uitgevoerd en werken.');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De audit is opgeslagen.' })).toBeVisible();

  // The extensions page: ask for a later audit date, then withdraw.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitstel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitstel' })).toBeVisible();
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(page.getByRole('link', { name: 'Vul een termijn in.' })).toBeVisible();
  const deadline = page.getByLabel('Termijn');
  const option = await deadline.locator('option', { hasText: 'Interne audit indienen' }).first().getAttribute('value');
  await deadline.selectOption(option!);
  await page.getByLabel('Gewenste nieuwe datum').fill('2027-06-30');
  await page.getByLabel('Reden').fill('De auditor is pas in juni beschikbaar.');
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Uw aanvraag is verstuurd.' })).toBeVisible();
  await expect(page.getByText('Wacht op besluit')).toBeVisible();
  await expectAccessible(page, 'extensions');
  await page.getByRole('button', { name: /Trek aanvraag in/ }).click();
  await expect(page.getByText(/^\W?Ingetrokken$/)).toBeVisible();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Extensions' })).toBeVisible();
  await expectAccessible(page, 'extensions (en)');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Internal audit' })).toBeVisible();
  await expectAccessible(page, 'audit (en)');
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();

  await page.getByRole('button', { name: 'Audit indienen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De audit is ingediend bij de inspectie.' })).toBeVisible();
  await expect(page.getByText('Ingediend', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('Alle maatregelen zijn uitgevoerd en werken.')).toBeVisible();
});

test('the submit journey with the keyboard only', async ({ page }) => {
  await page.goto('/sign-in');
  // The app moves focus to the page's heading once it has rendered; from there the skip link is reached backwards.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const skipLink = page.getByRole('link', { name: 'Naar de inhoud' });
  await page.keyboard.press('Tab');
  for (let i = 0; i < 15 && !(await skipLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await page.getByLabel('E-mailadres').focus();
  await page.keyboard.type('jgz.zl@opvolging.demo');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Opvolging-demo-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Wat vraagt mijn aandacht' })).toBeVisible();

  const link = page.getByRole('link', { name: 'Het verbeterplan schrijven en indienen' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Verbeterplan Jeugdgezondheidszorg/ })).toBeFocused();

  const add = page.getByRole('button', { name: 'Maatregel toevoegen' });
  await add.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // into the form: the description
  await expect(page.getByLabel('Omschrijving')).toBeFocused();
  await page.keyboard.type('Elk consultatiebureau meldt zorgen over niet-verschijnen binnen een week aan het buurtteam.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Binnen vier maanden wordt 95% van de gemiste afspraken binnen een week gemeld.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('01032027');
  const boxes = page.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    await boxes.nth(i).focus();
    await page.keyboard.press('Space');
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Maatregel opslaan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'De maatregel is opgeslagen.' })).toBeVisible();

  const check = page.getByRole('button', { name: 'Plan controleren en indienen' });
  await check.focus();
  await page.keyboard.press('Enter');
  const submit = page.getByRole('button', { name: 'Plan indienen' });
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Het plan is ingediend als versie 1.')).toBeVisible();
});
