import type { Page } from '@playwright/test';
import { expect, expectAccessible, INSPECTOR, MEMBER, screenshot, signIn, test, type Api } from './fixtures';

const judgement = (j: 'SUFFICIENT' | 'INSUFFICIENT', rationale: string) => ({ judgement: j, rationale });

async function assess(api: Api, planId: string, outcome: 'revise' | 'accept'): Promise<void> {
  const { improvementPlan } = await api.as<{ improvementPlan: { version: number } }>(
    INSPECTOR,
    'query($id: ID!) { improvementPlan(id: $id) { version } }',
    { id: planId },
  );
  await api.as(INSPECTOR, 'mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status } }', {
    input: {
      planId,
      expectedVersion: improvementPlan.version,
      aimedAtShortcomings: judgement('SUFFICIENT', 'De maatregelen sluiten aan op de bevindingen.'),
      chanceOfSuccess: judgement('SUFFICIENT', 'Haalbaar met de genoemde mensen.'),
      pace:
        outcome === 'revise'
          ? judgement('INSUFFICIENT', 'Te weinig vaart: de eerste maatregel moet eerder klaar zijn.')
          : judgement('SUFFICIENT', 'Voldoende tempo.'),
    },
  });
}

async function addMeasure(page: Page, description: string, point: RegExp, due: string) {
  await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe maatregel' });
  await form.getByLabel('Omschrijving').fill(description);
  await form.getByLabel('Succesindicator').fill('Binnen drie maanden heeft elk gezin op de lijst een vaste regisseur.');
  await form.getByLabel('Eigenaar').selectOption({ index: 1 });
  await form.getByLabel('Uiterlijk klaar op').fill(due);
  await form.getByLabel(point).check();
  await form.getByRole('button', { name: 'Maatregel opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De maatregel is opgeslagen.' })).toBeVisible();
}

test('organisation journey: points, plan with full coverage, submit, revision, compare, carrying out', async ({ page, api }) => {
  await signIn(page, MEMBER);

  // The report's points for my organisation, the collective one with its addressees and coordinator.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verbeterpunten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verbeterpunten voor mijn organisatie' })).toBeFocused();
  const heerlen = page.getByRole('region', { name: 'Casus Heerlen 2015' });
  await expect(heerlen.getByText('Gezamenlijk punt')).toBeVisible();
  await expect(heerlen.getByText(/Coördinator: Gemeente Heerlen/)).toBeVisible();
  await expectAccessible(page, 'points');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verbeterplannen' }).click();
  await expectAccessible(page, 'plans');
  await page.getByRole('link', { name: 'Casus Heerlen 2015' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Verbeterplan Sociaal Buurtteam Heerlen-Noord/ })).toBeVisible();
  const planId = new URL(page.url()).pathname.split('/')[2];
  const coverage = page.getByRole('complementary', { name: 'Dekking van de verbeterpunten' });
  await expect(coverage.getByText('1 verbeterpunt heeft nog geen maatregel:')).toBeVisible();
  await expect(page.getByText('Indienen kan pas als elk verbeterpunt door een maatregel gedekt is.')).toBeVisible();
  await expectAccessible(page, 'plan editor');

  // An empty measure: an error summary linking to each field.
  await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
  await page.getByRole('button', { name: 'Maatregel opslaan' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  // The summary (its wrapper) has the focus.
  await expect(page.locator(':focus')).toContainText('Er is een probleem');
  await summary.getByRole('link', { name: 'Vul een eigenaar in.' }).click();
  await expect(page.getByRole('form', { name: 'Nieuwe maatregel' }).getByLabel('Eigenaar')).toBeFocused();
  await expectAccessible(page, 'measure form with errors');
  await page.getByRole('button', { name: 'Annuleren' }).click();

  // A stale version: the measure changes on the server between loading and saving.
  const existing = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Twee gedragswetenschappers/ }) });
  await existing.getByRole('button', { name: /Wijzig maatregel/ }).click();
  const editForm = page.getByRole('form', { name: 'Maatregel wijzigen' });
  await editForm.getByLabel('Succesindicator').fill('Binnen zes maanden twee gedragswetenschappers per team (getypt in de browser).');
  const { improvementPlan } = await api.as<{ improvementPlan: { measures: Array<{ id: string; version: number }> } }>(
    MEMBER,
    'query($id: ID!) { improvementPlan(id: $id) { measures { id version } } }',
    { id: planId },
  );
  const measure = improvementPlan.measures[0];
  await api.as(MEMBER, 'mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { version } }', {
    input: {
      id: measure.id,
      expectedVersion: measure.version,
      description: 'Twee gedragswetenschappers per buurtteam (gewijzigd door een collega).',
    },
  });
  await editForm.getByRole('button', { name: 'Maatregel opslaan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit intussen gewijzigd' })).toBeVisible();
  await expect(editForm.getByLabel('Succesindicator')).toHaveValue(
    'Binnen zes maanden twee gedragswetenschappers per team (getypt in de browser).',
  );
  await expectAccessible(page, 'conflict');
  await page.getByRole('button', { name: 'Nieuwste versie laden (uw invoer blijft staan)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De nieuwste versie is geladen.' })).toBeVisible();
  await expect(editForm.getByLabel('Succesindicator')).toHaveValue(
    'Binnen zes maanden twee gedragswetenschappers per team (getypt in de browser).',
  );
  await editForm.getByRole('button', { name: 'Maatregel opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De maatregel is opgeslagen.' })).toBeVisible();

  // Cover point 1: the coverage panel follows.
  await addMeasure(
    page,
    'Gezinnen met zorgmijdende ouders in kaart brengen en per gezin een regisseur aanwijzen.',
    /^Punt 1:/,
    '2027-03-01',
  );
  await expect(coverage.getByText('Alle verbeterpunten zijn gedekt door een maatregel.')).toBeVisible();
  await screenshot(page, 'plan-editor');

  // Check your answers, then submit.
  await page.getByRole('button', { name: 'Plan controleren en indienen' }).click();
  await expect(page.getByRole('heading', { name: 'Controleer uw plan voordat u het indient' })).toBeVisible();
  await expect(page.getByText(/vastgelegd als versie 1/)).toBeVisible();
  await expectAccessible(page, 'check your answers');
  await page.getByRole('button', { name: 'Plan indienen' }).click();
  await expect(page.getByText('Het plan is ingediend als versie 1.')).toBeVisible();
  await expect(page.getByText(/^\W?Ingediend$/)).toBeVisible();

  // The inspector asks for a revision (through the API); the member sees what must change.
  await assess(api, planId, 'revise');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Wat moet er veranderen' })).toBeVisible();
  await expect(page.getByText('Te weinig vaart: de eerste maatregel moet eerder klaar zijn.').first()).toBeVisible();
  await expect(page.getByText('Onvoldoende').first()).toBeVisible();
  await expectAccessible(page, 'revision requested');

  const newMeasure = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Gezinnen met zorgmijdende ouders/ }) });
  await newMeasure.getByRole('button', { name: /Wijzig maatregel/ }).click();
  await page.getByRole('form', { name: 'Maatregel wijzigen' }).getByLabel('Uiterlijk klaar op').fill('2027-01-15');
  await page.getByRole('form', { name: 'Maatregel wijzigen' }).getByRole('button', { name: 'Maatregel opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De maatregel is opgeslagen.' })).toBeVisible();
  await page.getByRole('button', { name: 'Plan controleren en indienen' }).click();
  await page.getByRole('button', { name: 'Plan indienen' }).click();
  await expect(page.getByText('Het plan is ingediend als versie 2.')).toBeVisible();

  // Compare versions 1 and 2, field by field, in words.
  await page.getByRole('link', { name: 'Versies vergelijken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versies vergelijken' })).toBeVisible();
  const changed = page.getByRole('region', { name: 'Gewijzigd' });
  const row = changed.getByRole('row', { name: /Uiterlijk klaar op/ });
  await expect(row).toContainText('1 maart 2027');
  await expect(row).toContainText('15 januari 2027');
  await expectAccessible(page, 'compare versions');
  await screenshot(page, 'compare-versions');
  await page.goBack();

  // Accepted: carry out the measures; the progress bar follows.
  await assess(api, planId, 'accept');
  await page.reload();
  await expect(page.getByText('Aanvaard').first()).toBeVisible();
  await expect(page.getByText('0 van 2 maatregelen afgerond (0%)')).toBeVisible();
  await page.getByRole('button', { name: /Start maatregel: Gezinnen/ }).click();
  await expect(page.getByText('In uitvoering')).toBeVisible();
  await page.getByRole('button', { name: /Rond maatregel af: Gezinnen/ }).click();
  await page
    .getByLabel('Waaruit blijkt dat de maatregel is uitgevoerd?')
    .fill('Lijst van 42 gezinnen met regisseur, vastgesteld op 10 januari.');
  await page.getByRole('button', { name: 'Maatregel afronden' }).click();
  await expect(page.getByText('1 van 2 maatregelen afgerond (50%)')).toBeVisible();
  await page.getByRole('button', { name: /Annuleer maatregel: Twee/ }).click();
  await page.getByRole('button', { name: 'Maatregel annuleren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vul een reden in.' })).toBeVisible();
  await page.getByLabel('Waarom wordt de maatregel geannuleerd?').fill('Vervangen door de regionale aanpak.');
  await page.getByRole('button', { name: 'Maatregel annuleren' }).click();
  await expect(page.getByText(/^\W?Geannuleerd$/)).toBeVisible();
  await expectAccessible(page, 'accepted plan with progress');

  // The same pages in English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Progress' })).toBeVisible();
  await expectAccessible(page, 'accepted plan (en)');
  await page.goto(`/plans/${planId}/compare`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare versions' })).toBeVisible();
  await expectAccessible(page, 'compare versions (en)');
  await page.goto('/points');
  await expect(page.getByRole('heading', { level: 1, name: 'Improvement points for my organisation' })).toBeVisible();
  await expectAccessible(page, 'points (en)');
  await page.goto('/plans');
  await expect(page.getByRole('heading', { level: 1, name: 'Improvement plans' })).toBeVisible();
  await expectAccessible(page, 'plans (en)');
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});
