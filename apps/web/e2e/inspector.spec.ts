import type { Page } from '@playwright/test';
import { expect, expectAccessible, INSPECTOR, screenshot, signIn, test } from './fixtures';

const VEILIG_THUIS = 'veiligthuis.zl@opvolging.demo';
const ONDERWIJS = 'inspecteur.onderwijs@opvolging.demo';

/** Moves focus with Tab only, until the control with this id has it (the keyboard-only part of the test). */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((target) => document.activeElement?.id === target, id)) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

test('inspector journey: work queue, assessing with the keyboard, resubmission, investigation page with chart and history', async ({
  page,
  api,
}) => {
  await signIn(page, INSPECTOR);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: /^Werkvoorraad \d+ acties? nodig$/ })).toBeVisible();
  await nav.getByRole('link', { name: /Werkvoorraad/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Werkvoorraad' })).toBeVisible();
  const assessGroup = page.getByRole('region', { name: /Verbeterplan beoordelen/ });
  await expect(assessGroup).toBeVisible();
  await expectAccessible(page, 'work queue');
  await screenshot(page, 'inspector-work-queue');

  // Veilig Thuis' plan waits for assessment: open it from the queue.
  await assessGroup.getByRole('link', { name: 'Beoordelen: Casus Heerlen 2015 – Veilig Thuis Zuid-Limburg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verbeterplan beoordelen: Veilig Thuis Zuid-Limburg' })).toBeVisible();
  const planId = new URL(page.url()).pathname.split('/')[2];
  await expect(page.getByRole('region', { name: 'Maatregelen bij de verbeterpunten' }).getByRole('row')).not.toHaveCount(1);
  await expect(page.getByText('Nog niet bekend: beantwoord alle drie de vragen.', { exact: false })).toBeVisible();

  // Sending nothing: an error summary that links to each question.
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(page.locator(':focus')).toContainText('Er is een probleem');
  await expect(summary.getByRole('link')).toHaveCount(6);
  await expectAccessible(page, 'assessment form with errors');

  // Keyboard only: radios with Space/arrow keys, rationales typed, saved with Enter.
  await tabTo(page, 'judgement-aimedAtShortcomings');
  await page.keyboard.press('Space');
  await tabTo(page, 'rationale-aimedAtShortcomings');
  await page.keyboard.type('De maatregelen sluiten aan op de bevindingen over de overdracht.');
  await tabTo(page, 'judgement-chanceOfSuccess');
  await page.keyboard.press('Space');
  await tabTo(page, 'rationale-chanceOfSuccess');
  await page.keyboard.type('Haalbaar met de genoemde mensen en middelen.');
  await tabTo(page, 'judgement-pace');
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Het plan wordt aanvaard.' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Onvoldoende').last()).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'De organisatie wordt om herziening gevraagd.' })).toBeVisible();
  await tabTo(page, 'rationale-pace');
  await page.keyboard.type('Te weinig vaart: de eerste maatregel moet binnen drie maanden klaar zijn.');
  await expectAccessible(page, 'assessment form filled in');
  await screenshot(page, 'inspector-assessment');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Beoordeling vastleggen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'de organisatie is om herziening gevraagd' })).toBeVisible();

  // The organisation resubmits (through the API), the inspector accepts the new version.
  const { improvementPlan } = await api.as<{ improvementPlan: { version: number } }>(
    VEILIG_THUIS,
    'query($id: ID!) { improvementPlan(id: $id) { version } }',
    { id: planId },
  );
  await api.as(VEILIG_THUIS, 'mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }', {
    input: { planId, expectedVersion: improvementPlan.version },
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vergeleken met versie 1' })).toBeVisible();
  const previous = page.getByRole('region', { name: 'Vorige beoordeling (versie 1)' });
  await expect(previous.getByText('Te weinig vaart', { exact: false })).toBeVisible();
  for (const [question, rationale] of [
    ['Zijn de maatregelen gericht op de tekortkomingen?', 'Gericht op de overdracht.'],
    ['Heeft het plan voldoende kans van slagen?', 'Haalbaar.'],
    ['Zit er voldoende vaart in?', 'Nu met een kortere termijn.'],
  ] as const) {
    await page.getByRole('group', { name: question }).getByLabel('Voldoende', { exact: true }).check();
    await page.getByLabel(`Onderbouwing: ${question}`).fill(rationale);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Het plan wordt aanvaard.' })).toBeVisible();
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'het plan is aanvaard' })).toBeVisible();

  // The investigation page: plans with their stage, the deadline chart with a moved date, history in words.
  await page.getByRole('link', { name: 'Terug naar het onderzoek' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Casus Heerlen 2015' })).toBeVisible();
  const plans = page.getByRole('region', { name: 'Verbeterplannen per organisatie' });
  await expect(plans.getByRole('row', { name: /Veilig Thuis Zuid-Limburg/ }).getByText('Aanvaard')).toBeVisible();
  await expect(plans.getByRole('row', { name: /Gemeente Heerlen/ }).getByText('Herziening gevraagd')).toBeVisible();
  const chart = page.getByRole('region', { name: 'Termijnen in de tijd' });
  await expect(chart.locator('svg')).toBeVisible();
  const moved = chart.getByRole('row', { name: /Gemeente Heerlen/ }).filter({ hasText: 'verschoven' });
  await expect(moved).toHaveCount(1);
  await expect(moved.locator('del time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  const history = page.getByRole('region', { name: 'Geschiedenis' });
  await expect(history.getByText(/heeft het onderzoek vastgelegd/).first()).toBeVisible();
  await expect(history.getByText(/Status: Ingediend → Aanvaard/).first()).toBeVisible();
  await expect(history).not.toContainText('improvement_plan');
  await expect(history).not.toContainText('_at');
  await expect(page.getByRole('region', { name: 'Onderzoek afsluiten' })).toContainText('Nog open:');
  await expectAccessible(page, 'investigation page');
  await screenshot(page, 'inspector-investigation');

  // The same pages in English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Deadlines over time' })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'History' })
      .getByText(/Status: Submitted → Accepted/)
      .first(),
  ).toBeVisible();
  await expectAccessible(page, 'investigation page (en)');
  await page.goto('/work-queue');
  await expect(page.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  await expectAccessible(page, 'work queue (en)');
  await page.goto(`/assess/${planId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Assess improvement plan: Veilig Thuis Zuid-Limburg' })).toBeVisible();
  await expectAccessible(page, 'assessment (en)');
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('judging an internal audit and recording a verification with grades', async ({ page, api }) => {
  // The school submits its internal audit (through the API).
  const SCHOOL = 'school.groningen@opvolging.demo';
  const { improvementPlans } = await api.as<{
    improvementPlans: { nodes: Array<{ id: string; internalAudit: { id: string; version: number }; measures: Array<{ id: string }> }> };
  }>(SCHOOL, '{ improvementPlans(first: 5) { nodes { id internalAudit { id version } measures { id } } } }');
  const plan = improvementPlans.nodes[0];
  const saved = await api.as<{ saveInternalAudit: { version: number } }>(
    SCHOOL,
    'mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { version } }',
    {
      input: {
        id: plan.internalAudit.id,
        expectedVersion: plan.internalAudit.version,
        conclusion: 'Alle maatregelen zijn uitgevoerd en geborgd in het zorgbeleid.',
        results: plan.measures.map((m) => ({
          measureId: m.id,
          implementation: 'IMPLEMENTED',
          evidence: 'Verslag van de teamvergadering en het nieuwe protocol.',
        })),
      },
    },
  );
  await api.as(SCHOOL, 'mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { status } }', {
    input: { id: plan.internalAudit.id, expectedVersion: saved.saveInternalAudit.version },
  });

  await signIn(page, INSPECTOR);
  await page.goto('/work-queue');
  await page.getByRole('link', { name: /^Audit beoordelen: Casus Groningen 2015 – Basisschool De Vlinder/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Interne audit beoordelen: Basisschool De Vlinder/ })).toBeVisible();
  const results = page.getByRole('region', { name: 'Resultaten per maatregel' });
  await expect(results.getByRole('cell', { name: 'Uitgevoerd', exact: true })).toHaveCount(plan.measures.length);
  await expect(page.getByText('Alle maatregelen zijn uitgevoerd en geborgd')).toBeVisible();
  await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Vul de onderbouwing in.' })).toBeVisible();
  await expectAccessible(page, 'judge audit with errors');
  await page.getByRole('group', { name: 'Is de interne audit van voldoende kwaliteit?' }).getByLabel('Voldoende', { exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: 'daarna volgt de verificatie' })).toBeVisible();
  await page.getByLabel('Onderbouwing van het oordeel').fill('Elke maatregel is met stukken onderbouwd.');
  await screenshot(page, 'inspector-audit');
  await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het oordeel is vastgelegd.' })).toBeVisible();
  await expectAccessible(page, 'audit judged');

  // Verification: now in the work queue.
  await page.goto('/work-queue');
  await page.getByRole('link', { name: /^Verificatie: Casus Groningen 2015 – Basisschool De Vlinder/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Verificatie vastleggen: Basisschool De Vlinder/ })).toBeVisible();
  await page.getByRole('group', { name: 'Manier van verifiëren' }).getByLabel('Bezoek ter plaatse').check();
  await page.getByLabel('Samenvatting').fill('Gesprekken met de intern begeleider en de directie; het protocol wordt gebruikt.');
  const gradeFields = page.getByLabel(/^Oordeel: verbeterpunt \d+$/);
  const count = await gradeFields.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await gradeFields.nth(i).selectOption(i === 0 ? 'NO_LONGER_RELEVANT' : 'FULLY');
  await page.getByRole('button', { name: 'Verificatie vastleggen' }).click();
  const problem = page.getByRole('alert').getByRole('link', { name: /niet meer van toepassing is/ });
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(page.getByLabel(/^Toelichting: verbeterpunt \d+$/).first()).toBeFocused();
  await expectAccessible(page, 'verification with errors');
  await page
    .getByLabel(/^Toelichting: verbeterpunt \d+$/)
    .first()
    .fill('De school werkt sinds dit jaar met een ander samenwerkingsverband.');
  await screenshot(page, 'inspector-verification');
  await page.getByRole('button', { name: 'Verificatie vastleggen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'De verificatie is vastgelegd. Status van het verbeterplan: Afgesloten.' }),
  ).toBeVisible();
  await expectAccessible(page, 'verification recorded');

  // In English: the pages say what happened.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.reload();
  await expect(page.getByText(/This plan was verified on/)).toBeVisible();
  await expectAccessible(page, 'verification (en)');
  await page.goBack();
  await page.goto(`/investigations/${await investigationOf(api, plan.id)}/audits/${plan.internalAudit.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Judge internal audit/ })).toBeVisible();
  await expect(page.getByText('This audit is not waiting for a judgement (status: Judged).')).toBeVisible();
  await expectAccessible(page, 'judged audit (en)');
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('deciding extension requests and a bulk extension', async ({ page, api }) => {
  // Jeugdhulp Groningen asks more time for its audit, Gemeente Heerlen for its revised plan (the other specs leave both alone).
  const JEUGDHULP = 'jeugdhulp.groningen@opvolging.demo';
  const GEMEENTE = 'gemeente.heerlen@opvolging.demo';
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const jeugdhulpPlans = await api.as<{ improvementPlans: { nodes: Array<{ internalAudit: { id: string } }> } }>(
    JEUGDHULP,
    '{ improvementPlans(first: 5) { nodes { internalAudit { id } } } }',
  );
  await api.as(JEUGDHULP, 'mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id } }', {
    input: {
      kind: 'AUDIT_DUE',
      subjectId: jeugdhulpPlans.improvementPlans.nodes[0].internalAudit.id,
      requestedDueDate: days(80),
      reason: 'Onze gedragswetenschapper is langdurig ziek; wij vragen vier weken extra.',
    },
  });
  const gemeentePlans = await api.as<{ improvementPlans: { nodes: Array<{ id: string }> } }>(
    GEMEENTE,
    '{ improvementPlans(first: 5) { nodes { id } } }',
  );
  await api.as(GEMEENTE, 'mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id } }', {
    input: {
      kind: 'PLAN_DUE',
      subjectId: gemeentePlans.improvementPlans.nodes[0].id,
      requestedDueDate: days(90),
      reason: 'De gemeenteraad vergadert pas na de termijn.',
    },
  });

  await signIn(page, INSPECTOR);
  await page.goto('/work-queue');
  await expect(page.getByRole('region', { name: /Besluiten over uitstel \(2 acties\)/ })).toBeVisible();
  await page.getByRole('link', { name: /^Uitstelverzoek: Casus Groningen 2015 – Jeugdhulp Groningen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Termijnen en uitstel' })).toBeVisible();
  const jeugdhulp = page.getByRole('article', { name: /Jeugdhulp Groningen: Interne audit indienen/ });
  await expect(jeugdhulp.getByText('Onze gedragswetenschapper is langdurig ziek', { exact: false })).toBeVisible();
  await expect(jeugdhulp.getByText(/Deze termijn is nog niet verschoven|Oorspronkelijk/).first()).toBeVisible();
  await jeugdhulp.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(jeugdhulp.getByRole('alert').getByRole('link', { name: 'Kies toekennen of afwijzen.' })).toBeVisible();
  await expectAccessible(page, 'extensions with errors');
  await screenshot(page, 'inspector-extensions');

  // Grant another date than asked.
  await jeugdhulp.getByLabel('Toekennen').check();
  await jeugdhulp.getByLabel('Nieuwe termijn').fill(days(70));
  await jeugdhulp.getByLabel('Toelichting bij het besluit').fill('Toegekend, maar korter dan gevraagd.');
  await jeugdhulp.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(jeugdhulp.getByRole('status')).toContainText('Uitstel toegekend tot');

  // Refuse the other.
  const gemeente = page.getByRole('article', { name: /Gemeente Heerlen: Verbeterplan indienen/ });
  // Its deadline was moved when revision was requested: the history shows both dates.
  await expect(gemeente.getByText(/^Oorspronkelijk: /)).toBeVisible();
  await expect(gemeente.getByText(/^Nu: /)).toBeVisible();
  await gemeente.getByLabel('Afwijzen').check();
  await gemeente.getByLabel('Toelichting bij het besluit').fill('Het plan kan ook zonder raadsbesluit worden ingediend.');
  await gemeente.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(gemeente.getByRole('status')).toContainText('Het uitstelverzoek is afgewezen.');
  await expectAccessible(page, 'extensions decided');

  // One decision over a selection: Groningen's measure deadlines, except the WIJ-team's.
  const bulk = page.getByRole('region', { name: 'Uitstel voor meerdere organisaties tegelijk' });
  await bulk.getByLabel('Onderzoek').selectOption({ label: 'Casus Groningen 2015' });
  await bulk.getByLabel('Soort termijn').selectOption('MEASURE_DUE');
  await bulk.getByLabel('Nieuwe termijn').fill(days(100));
  await bulk.getByLabel('Reden van het besluit').fill('De regionale jeugdhulpinkoop is vertraagd; alle maatregelen schuiven mee.');
  await bulk.getByLabel('WIJ-team Groningen Oost').check();
  await bulk.getByRole('button', { name: 'Uitstel vastleggen' }).click();
  await expect(bulk.getByRole('status')).toContainText(/Besluit vastgelegd: \d+ termijnen? verschoven naar/);
  await expectAccessible(page, 'bulk extension');

  // The chart of Groningen shows the granted audit deadline and the moved measures with their original dates.
  const groningen = await api.as<{ investigations: { nodes: Array<{ id: string; title: string }> } }>(
    INSPECTOR,
    '{ investigations(first: 50) { nodes { id title } } }',
  );
  await page.goto(`/investigations/${groningen.investigations.nodes.find((i) => i.title === 'Casus Groningen 2015')!.id}`);
  const chart = page.getByRole('region', { name: 'Termijnen in de tijd' });
  await expect(
    chart
      .getByRole('row', { name: /Interne audit indienen/ })
      .filter({ hasText: 'verschoven' })
      .first(),
  ).toBeVisible();
  await expect(
    chart
      .getByRole('row', { name: /Jeugdhulp Groningen.*Maatregel uitvoeren/ })
      .filter({ hasText: 'verschoven' })
      .first(),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.goto('/deadlines');
  await expect(page.getByRole('heading', { level: 1, name: 'Deadlines and extensions' })).toBeVisible();
  await expectAccessible(page, 'extensions (en)');
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

async function investigationOf(api: import('./fixtures').Api, planId: string): Promise<string> {
  const { improvementPlan } = await api.as<{ improvementPlan: { investigation: { id: string } } }>(
    INSPECTOR,
    'query($id: ID!) { improvementPlan(id: $id) { investigation { id } } }',
    { id: planId },
  );
  return improvementPlan.investigation.id;
}

test('an inspector of an inspectorate not on the case gets the not-found page, not data', async ({ page, api }) => {
  const { investigations } = await api.as<{ investigations: { nodes: Array<{ id: string; title: string }> } }>(
    INSPECTOR,
    '{ investigations(first: 50) { nodes { id title } } }',
  );
  const heerlen = investigations.nodes.find((i) => i.title === 'Casus Heerlen 2015')!;
  await signIn(page, ONDERWIJS);
  await page.goto(`/investigations/${heerlen.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await expect(page.getByText('Casus Heerlen 2015')).toHaveCount(0);
  await expectAccessible(page, 'not found for another inspectorate');
});
