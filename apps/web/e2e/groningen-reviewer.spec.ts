import { readFileSync } from 'node:fs';
import { expect, expectAccessible, screenshot, signIn, test } from './fixtures';

const GRONINGEN = 'toezicht.groningen@opvolging.demo';
const HEERLEN = 'toezicht.heerlen@opvolging.demo';

interface Overview {
  municipalityOverview: {
    totals: { measuresLate: number; plansOverdue: number; auditsOverdue: number };
    changesSinceLastVisit: { count: number };
    investigations: Array<{
      investigationId: string;
      title: string;
      plans: Array<{ planId: string; measuresLate: number; organisation: { name: string } }>;
    }>;
  };
}
const OVERVIEW = `{ municipalityOverview {
  totals { measuresLate plansOverdue auditsOverdue }
  changesSinceLastVisit { count }
  investigations { investigationId title plans { planId measuresLate organisation { name } } } } }`;

test.describe('municipality reviewer', () => {
  test('overview with late counts, changes since the last visit, mark seen, export and download (nl)', async ({ page, api }) => {
    const expected = (await api.as<Overview>(GRONINGEN, OVERVIEW)).municipalityOverview;
    expect(expected.changesSinceLastVisit.count).toBeGreaterThan(0);
    await signIn(page, GRONINGEN);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const overviewLink = nav.getByRole('link', { name: /^Overzicht/ });
    await expect(overviewLink).toHaveAccessibleName(
      `Overzicht (${expected.changesSinceLastVisit.count} wijzigingen sinds uw vorige bezoek)`,
    );
    await overviewLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gemeenteoverzicht' })).toBeVisible();

    // Totals and rows match the API; what is late comes first, with words (not colour alone).
    await expect(page.locator('[data-total="measuresLate"]')).toHaveText(String(expected.totals.measuresLate));
    await expect(page.locator('[data-total="plansOverdue"]')).toHaveText(String(expected.totals.plansOverdue));
    const table = page.getByRole('table', { name: /Verbeterplannen per organisatie in Gemeente Groningen/ });
    const plans = expected.investigations.flatMap((i) => i.plans);
    await expect(table.locator('tbody tr')).toHaveCount(plans.length);
    const late = plans.filter((p) => p.measuresLate > 0);
    expect(late.length).toBeGreaterThan(0);
    const first = table.locator('tbody tr').first();
    await expect(first.getByRole('rowheader')).toHaveText(late[0].organisation.name);
    await expect(first).toContainText(`Te laat: ${late[0].measuresLate} maatregelen`);
    await expect(first).toContainText(`${late[0].measuresLate} te laat`);
    await expect(table.locator('tbody tr[data-late="false"]').first()).toContainText('Op tijd');
    await expectAccessible(page, 'municipality overview (nl)');
    await screenshot(page, 'municipality-overview');

    // Export of the overview: progress, then a download of the file the worker made.
    await page.getByRole('button', { name: 'Download als CSV' }).click();
    await expect(page.getByRole('status').filter({ hasText: /CSV is klaar/ })).toBeVisible({ timeout: 30_000 });
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: /downloaden$/ }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    for (const p of plans) expect(csv).toContain(p.organisation.name);

    // Changes since the last visit, in words; marking them seen brings the count to 0.
    await page.getByRole('link', { name: /Wijzigingen sinds uw vorige bezoek/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Wijzigingen sinds uw vorige bezoek' })).toBeVisible();
    await expect(page.getByText(`${expected.changesSinceLastVisit.count} wijzigingen.`)).toBeVisible();
    await expect(page.getByText(/Jeugdhulp Groningen: Verbeterplan/).first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText('improvement_plan');
    await expectAccessible(page, 'changes since last visit (nl)');
    await screenshot(page, 'municipality-changes');
    await page.getByRole('button', { name: 'Markeren als gezien' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Gemarkeerd als gezien' })).toBeVisible();
    await expect(page.getByText('Geen wijzigingen.')).toBeVisible();
    await expect(overviewLink).toHaveAccessibleName('Overzicht (geen wijzigingen sinds uw vorige bezoek)');
    expect((await api.as<Overview>(GRONINGEN, OVERVIEW)).municipalityOverview.changesSinceLastVisit.count).toBe(0);

    // One investigation: its plans and the PDF progress report.
    await page.getByRole('link', { name: 'Terug naar het gemeenteoverzicht' }).click();
    const inv = expected.investigations[0];
    await page
      .getByRole('link', { name: `Voortgang van ${inv.title}` })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: inv.title })).toBeVisible();
    await page.getByRole('button', { name: 'Download als PDF' }).click();
    await expect(page.getByRole('status').filter({ hasText: /PDF is klaar/ })).toBeVisible({ timeout: 30_000 });
    const pdfPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: /downloaden$/ }).click();
    const pdf = await pdfPromise;
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expectAccessible(page, 'investigation progress (nl)');
  });

  test('progress chart and themes chart draw the API numbers, with tables (nl)', async ({ page, api }) => {
    const series = (
      await api.as<{ municipalityProgressSeries: Array<{ month: string; points: number; implemented: number; open: number }> }>(
        GRONINGEN,
        '{ municipalityProgressSeries(months: 24) { month points implemented open } }',
      )
    ).municipalityProgressSeries;
    await signIn(page, GRONINGEN);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: /^Overzicht/ })
      .click();
    await page.getByRole('link', { name: 'Voortgang per maand (grafiek en tabel)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Voortgang per maand' })).toBeVisible();
    await expect(page.locator('[data-key][data-value]')).toHaveCount(12 * 3);
    await page.getByLabel('Periode').selectOption('24');
    const dots = page.locator('.ov-chart [data-key][data-value]');
    await expect(dots).toHaveCount(24 * 3);
    // Each drawn dot carries the API's number, and a higher number is drawn higher.
    const drawn = await dots.evaluateAll((els) =>
      els.map((e) => ({
        key: e.getAttribute('data-key')!,
        value: Number(e.getAttribute('data-value')),
        y: e.getBoundingClientRect().y + e.getBoundingClientRect().height / 2,
      })),
    );
    const expected = series.flatMap((m) =>
      (['points', 'implemented', 'open'] as const).map((s) => ({ key: `${m.month}:${s}`, value: m[s] })),
    );
    expect(drawn.map(({ key, value }) => ({ key, value })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      expected.sort((a, b) => a.key.localeCompare(b.key)),
    );
    for (const a of drawn) for (const b of drawn) if (a.value > b.value) expect(a.y).toBeLessThan(b.y);
    const table = page.getByRole('table', { name: 'Verbeterpunten per maand' });
    await expect(table.locator('tbody tr')).toHaveCount(24);
    const lastMonth = series[series.length - 1];
    await expect(table.locator('tbody tr').last().locator('td')).toHaveText([
      String(lastMonth.points),
      String(lastMonth.implemented),
      String(lastMonth.open),
    ]);
    await expectAccessible(page, 'progress chart (nl)');
    await screenshot(page, 'municipality-progress');

    const themes = (
      await api.as<{ themeOverview: Array<{ theme: string; points: number }> }>(GRONINGEN, '{ themeOverview { theme points } }')
    ).themeOverview;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Thema’s' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Terugkerende thema’s' })).toBeVisible();
    const bars = page.locator('.ov-chart [data-key][data-value]');
    await expect(bars).toHaveCount(themes.length);
    const drawnBars = await bars.evaluateAll((els) =>
      els.map((e) => ({
        key: e.getAttribute('data-key')!,
        value: Number(e.getAttribute('data-value')),
        width: Number(e.getAttribute('width')),
      })),
    );
    expect(Object.fromEntries(drawnBars.map((b) => [b.key, b.value]))).toEqual(Object.fromEntries(themes.map((t) => [t.theme, t.points])));
    // Bar lengths are proportional to the counts.
    const unit = drawnBars[0].width / drawnBars[0].value;
    for (const b of drawnBars) expect(b.width).toBeCloseTo(b.value * unit, 0);
    await expect(page.getByRole('table', { name: 'Thema’s met aantallen' }).locator('tbody tr')).toHaveCount(themes.length);
    // A year range far in the past: nothing published then.
    await page.getByLabel('Van publicatiejaar').fill('1990');
    await page.getByLabel('Tot en met publicatiejaar').fill('1991');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect(page.getByText('Geen gepubliceerde onderzoeken in deze jaren.')).toBeVisible();
    await page.getByLabel('Van publicatiejaar').fill('19x');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: 'Vul een jaartal in van vier cijfers.' })).toBeVisible();
    await page.getByLabel('Van publicatiejaar').fill('');
    await page.getByLabel('Tot en met publicatiejaar').fill('');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect(bars).toHaveCount(themes.length);
    await expectAccessible(page, 'themes (nl)');
    await screenshot(page, 'themes');
  });

  test("another municipality's case shows not found; pages in English", async ({ page, api }) => {
    const heerlen = (await api.as<Overview>(HEERLEN, OVERVIEW)).municipalityOverview.investigations[0];
    await signIn(page, GRONINGEN);
    await page.goto(`/overview/investigations/${heerlen.investigationId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(heerlen.title);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    const overviewLink = page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: /^Overview/ });
    await overviewLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Municipality overview' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Improvement plans per organisation/ })).toBeVisible();
    await expectAccessible(page, 'municipality overview (en)');
    await page.getByRole('link', { name: /Changes since your last visit/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Changes since your last visit' })).toBeVisible();
    await expectAccessible(page, 'changes since last visit (en)');
    await overviewLink.click();
    await page
      .getByRole('link', { name: /^Progress of / })
      .first()
      .click();
    await expect(page.getByRole('button', { name: 'Download as PDF' })).toBeVisible();
    await expectAccessible(page, 'investigation progress (en)');
    await overviewLink.click();
    await page.getByRole('link', { name: 'Progress per month (chart and table)' }).click();
    await expect(page.getByRole('table', { name: 'Improvement points per month' })).toBeVisible();
    await expectAccessible(page, 'progress chart (en)');
    await page.getByRole('link', { name: 'Themes' }).click();
    await expect(page.getByRole('table', { name: 'Themes with counts' })).toBeVisible();
    await expectAccessible(page, 'themes (en)');
  });
});
