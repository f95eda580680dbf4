import { expect, expectAccessible, INSPECTOR, screenshot, signIn, test } from './fixtures';

// Creates its own investigation in Hattem (whose demo case is closed) and only reads the rest of the demo data.
const TITLE = 'Casus Hattem 2026';

test('inspector records a report, publishes it with a deadline preview, and finds it in the filtered, shareable portfolio', async ({
  page,
}) => {
  await signIn(page, INSPECTOR);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.getByRole('link', { name: 'Rapport vastleggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapport vastleggen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Geen persoonsgegevens' })).toBeVisible();
  await expect(page.getByLabel('Verbeterplan indienen binnen (dagen na publicatie)')).toHaveValue('42');
  await expect(page.getByText('Standaard: 42')).toBeVisible();

  // Nothing filled in: the error summary links to each missing field.
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(summary.getByRole('link')).toHaveCount(3);
  await expectAccessible(page, 'new report with errors');

  await page.getByLabel('Titel').fill(TITLE);
  await page
    .getByLabel('Samenvatting van het oordeel')
    .fill('Onderzoek na een calamiteit in Hattem; het oordeel volgt uit de bevindingen.');
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Hattem' });
  await page.getByLabel('Inspectie Justitie en Veiligheid').check();
  await page.getByLabel(/^Gemeente Hattem \(Gemeente\)$/).check();
  await page.getByLabel(/^Sociaal Team Hattem/).check();
  await page.getByLabel(/^GGZ Noord-Oost Gelderland/).check();
  await expectAccessible(page, 'new report filled in');
  await screenshot(page, 'inspector-new-report');
  await page.getByRole('button', { name: 'Concept aanmaken' }).click();

  // The draft: findings and improvement points.
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const draftUrl = page.url();
  await expect(page.getByText('Nog geen bevindingen.')).toBeVisible();

  // The details can still change while it is a draft: a longer trajectory than the default.
  await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
  await page.getByLabel('Einde verbetertraject (maanden na publicatie)').fill('18');
  await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De gegevens zijn opgeslagen.' })).toBeVisible();
  await expect(page.getByText('Einde verbetertraject (maanden na publicatie): 18 (standaard: 12)')).toBeVisible();
  const addFinding = page.getByRole('form', { name: 'Bevinding toevoegen' });
  await addFinding.getByLabel('Bevinding', { exact: true }).fill('Signalen van school en huisarts werden niet met elkaar gedeeld.');
  await addFinding.getByLabel('Informatie delen').check();
  await addFinding.getByLabel('Handelen op signalen').check();
  await addFinding.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  const findings = page.getByRole('region', { name: 'Bevindingen' });
  await expect(findings.getByRole('heading', { name: 'Bevinding 1' })).toBeVisible();
  await expect(findings.getByText('Thema’s: Informatie delen, Handelen op signalen')).toBeVisible();

  // Correct the finding.
  await findings.getByRole('button', { name: 'Wijzigen Bevinding 1' }).click();
  const editFinding = page.getByRole('form', { name: 'Bevinding 1' });
  await editFinding
    .getByLabel('Bevinding', { exact: true })
    .fill('Signalen van het sociaal team en de GGZ werden niet met elkaar gedeeld.');
  await editFinding.getByRole('button', { name: 'Bevinding opslaan' }).click();
  await expect(findings.getByText('Signalen van het sociaal team en de GGZ werden niet met elkaar gedeeld.')).toBeVisible();

  // A point for one organisation.
  const addPoint = page.getByRole('form', { name: 'Verbeterpunt toevoegen' });
  await addPoint
    .getByLabel('Verbeterpunt', { exact: true })
    .fill('Leg signalen over de veiligheid van kinderen vast en deel ze met de ketenpartners.');
  await addPoint.getByLabel('Hoort bij bevinding').selectOption({ index: 1 });
  await addPoint.getByLabel('Sociaal Team Hattem').check();
  await expect(addPoint.getByLabel('Coördinerende organisatie')).toHaveCount(0);
  await addPoint.getByRole('button', { name: 'Verbeterpunt toevoegen' }).click();
  const points = page.getByRole('region', { name: 'Verbeterpunten' });
  await expect(points.getByText('Aan: Sociaal Team Hattem · Gericht aan één organisatie', { exact: false })).toBeVisible();

  // A collective point needs a coordinator among its addressees.
  await addPoint.getByLabel('Verbeterpunt', { exact: true }).fill('Maak samen één plan per gezin met één regisseur.');
  await addPoint.getByLabel('Gemeente Hattem').check();
  await addPoint.getByLabel('GGZ Noord-Oost Gelderland').check();
  await addPoint.getByLabel('Regie op de casus').check();
  await addPoint.getByRole('button', { name: 'Verbeterpunt toevoegen' }).click();
  await expect(addPoint.getByRole('alert').getByRole('link', { name: 'Kies de coördinerende organisatie.' })).toBeVisible();
  await expectAccessible(page, 'collective point without coordinator');
  await addPoint.getByLabel('Coördinerende organisatie').selectOption({ label: 'Gemeente Hattem' });
  await addPoint.getByRole('button', { name: 'Verbeterpunt toevoegen' }).click();
  await expect(points.getByText('Gezamenlijk, coördinator: Gemeente Hattem', { exact: false })).toBeVisible();
  await expect(points.getByRole('heading', { name: /^Verbeterpunt \d$/ })).toHaveCount(2);

  // Publishing: the preview shows a plan deadline per addressed organisation and the trajectory end; then a confirmation.
  const publish = page.getByRole('region', { name: 'Publiceren' });
  const preview = publish.getByRole('table', { name: 'Termijnen die de publicatie maakt' });
  await expect(preview.getByRole('row')).toHaveCount(5);
  for (const org of ['Gemeente Hattem', 'GGZ Noord-Oost Gelderland', 'Sociaal Team Hattem'])
    await expect(preview.getByRole('row', { name: new RegExp(`Verbeterplan indienen ${org}`) })).toBeVisible();
  await expect(publish.getByText('verbeterplan 42 kalenderdagen na publicatie, einde traject 18 maanden na publicatie')).toBeVisible();
  const trajectoryEnd = (
    await preview
      .getByRole('row', { name: /Einde verbetertraject/ })
      .getByRole('cell')
      .last()
      .innerText()
  ).trim();
  await expectAccessible(page, 'draft report with preview');
  await screenshot(page, 'inspector-draft-report');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'No personal data' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Deadlines publication will create' })).toBeVisible();
  await expectAccessible(page, 'draft report (en)');
  await page.goto('/reports/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Record a report' })).toBeVisible();
  await expectAccessible(page, 'new report (en)');
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  // The draft is reachable again: from the portfolio's drafts.
  await nav.getByRole('link', { name: 'Portefeuille' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portefeuille van de inspectie' })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Concept' });
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await page.getByRole('link', { name: `Concept verder bewerken ${TITLE}` }).click();
  await expect(page).toHaveURL(draftUrl);

  await publish.getByRole('button', { name: 'Controleren en publiceren' }).click();
  await expect(publish.getByRole('alert')).toContainText('3 organisaties');
  await expectAccessible(page, 'publish confirmation');
  await publish.getByRole('button', { name: 'Ja, publiceren' }).click();

  // The investigation page: published, with the trajectory end the preview showed.
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('In opvolging').first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: trajectoryEnd })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Verbeterplannen per organisatie' }).getByRole('row')).toHaveCount(4);

  // The portfolio, filtered by municipality and lateness: the filter lives in the URL and survives a reload.
  await page.goto('/portfolio');
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Hattem' });
  await page.getByLabel('Termijnen').selectOption({ label: 'Alleen zonder iets te laat' });
  await page.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page).toHaveURL(/gemeente=.*te-laat=nee/);
  const table = page.getByRole('table', { name: 'Onderzoeken' });
  await expect(table.getByRole('link', { name: TITLE })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Casus Heerlen 2015' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Gemeente', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Gemeente', { exact: true }).locator('option:checked')).toHaveText('Gemeente Hattem');
  await expect(page.getByText('Gefilterd: Gemeente Hattem, niets te laat')).toBeVisible();
  await expect(table.getByRole('link', { name: TITLE })).toBeVisible();
  await expectAccessible(page, 'portfolio filtered');
  await screenshot(page, 'inspector-portfolio');

  // Keyset paging: one investigation per page (a page size in the URL), the next page via the cursor.
  // Hattem has two investigations with nothing late: the demo's closed case and this one.
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.goto(`${page.url()}&per=1`);
  await expect(table.getByRole('row')).toHaveCount(2);
  const first = await table.getByRole('rowheader').innerText();
  await page.getByRole('navigation', { name: 'Pagina’s' }).getByRole('link', { name: 'Volgende pagina' }).click();
  await expect(page).toHaveURL(/na=/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('rowheader')).not.toHaveText(first);
  await page.getByRole('link', { name: 'Eerste pagina' }).click();
  await expect(table.getByRole('rowheader')).toHaveText(first);

  // The row links to the investigation page.
  await table.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.goBack();

  // Export of the filtered list through the shared export flow.
  await page.getByRole('button', { name: 'Download als CSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: /CSV is klaar/ })).toBeVisible({ timeout: 30_000 });
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /\.csv downloaden$/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inspectorate portfolio' })).toBeVisible();
  await expect(page.getByText('Filtered: Gemeente Hattem, nothing late')).toBeVisible();
  await expectAccessible(page, 'portfolio (en)');
  // The account's language is saved in the background: wait for it, so the next spec signs in in Dutch.
  const saved = page.waitForResponse((r) => r.url().endsWith('/graphql') && !!r.request().postData()?.includes('UpdateMyLocale'));
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await saved;
});
