import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, INSPECTOR, screenshot, signIn, test } from './fixtures';

// Jeugdhulp Groningen's accepted plan: the other specs look at its deadlines and audit, not at its threads or files.
const JEUGDHULP = 'jeugdhulp.groningen@opvolging.demo';
const COMMENT = 'De eerste casusbesprekingen zijn gehouden.\nVerslag volgt als bijlage.';
const NOTE = 'Intern: bij de verificatie de verslagen van de casusbesprekingen opvragen.';

/** A minimal valid PDF (one empty page), made here so the test needs no fixture file. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

interface Plans {
  improvementPlans: { nodes: Array<{ id: string; status: string; measures: Array<{ id: string; description: string }> }> };
}

async function firstMeasure(api: { as: <T>(email: string, q: string) => Promise<T> }) {
  const plans = await api.as<Plans>(JEUGDHULP, '{ improvementPlans(first: 10) { nodes { id status measures { id description } } } }');
  const plan = plans.improvementPlans.nodes.find((p) => p.status === 'ACCEPTED')!;
  return { planId: plan.id, measure: plan.measures[0] };
}

/** The card of one measure on the plan page, with its thread opened. */
async function openThread(page: Page, description: string, summary: string) {
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: description, exact: true }) });
  await card.getByText(summary, { exact: true }).click();
  await expect(card.getByRole('heading', { name: /^(Opmerkingen|Comments)$/ })).toBeVisible();
  return card;
}

test.describe.serial('conversation on a measure', () => {
  test('the organisation comments, edits, deletes, and uploads evidence; a wrong type is refused (nl and en)', async ({ page, api }) => {
    const { planId, measure } = await firstMeasure(api);
    await signIn(page, JEUGDHULP);
    await page.goto(`/plans/${planId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Jeugdhulp Groningen');
    const card = await openThread(page, measure.description, 'Opmerkingen en bewijsstukken bij deze maatregel');
    await expect(card.getByText('Schrijf geen persoonsgegevens van het gezin', { exact: false })).toBeVisible();
    await expect(card.getByText(/Nog 5\.?000 tekens over/)).toBeVisible();
    await expect(card.getByText('Wie dit leest: Opmerking (zichtbaar voor organisatie en inspectie).')).toBeVisible();

    // Nothing typed: the summary links to the field.
    await card.getByRole('button', { name: 'Opmerking plaatsen' }).click();
    await expect(card.getByRole('alert').getByRole('link', { name: 'Vul uw opmerking in.' })).toBeVisible();

    // A comment with a line break, kept as written.
    await card.getByLabel('Uw opmerking').fill(COMMENT);
    await expect(card.getByText(/Nog 4\.?9\d\d tekens over/)).toBeVisible();
    await card.getByRole('button', { name: 'Opmerking plaatsen' }).click();
    await expect(card.getByRole('status').filter({ hasText: 'Uw opmerking is geplaatst.' })).toBeVisible();
    const comments = card.getByRole('list', { name: 'Opmerkingen, oudste eerst' });
    const first = comments.getByRole('listitem').first();
    await expect(first.locator('.ov-comment__body')).toHaveText(COMMENT);

    // Edited within the window: marked as edited.
    await first.getByRole('button', { name: /^Opmerking van .* bewerken$/ }).click();
    await first.getByLabel('Opmerking bewerken').fill(`${COMMENT}\nAangevuld.`);
    await first.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await expect(card.getByRole('status').filter({ hasText: 'De opmerking is gewijzigd.' })).toBeVisible();
    await expect(first).toContainText('bewerkt');
    await expect(first.locator('.ov-comment__body')).toHaveText(`${COMMENT}\nAangevuld.`);

    // A second comment, deleted: a tombstone stays.
    await card.getByLabel('Uw opmerking').fill('Per ongeluk geplaatst.');
    await card.getByRole('button', { name: 'Opmerking plaatsen' }).click();
    const second = comments.getByRole('listitem').nth(1);
    await expect(second).toContainText('Per ongeluk geplaatst.');
    await second.getByRole('button', { name: /^Opmerking van .* verwijderen$/ }).click();
    await second.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect(second).toContainText('Deze opmerking is verwijderd.');
    await expect(second).not.toContainText('Per ongeluk geplaatst.');

    // Evidence: a small PDF, listed with its size and SHA-256.
    const pdf = minimalPdf();
    const sha = createHash('sha256').update(pdf).digest('hex');
    await card
      .getByLabel('Bestand toevoegen')
      .setInputFiles({ name: 'verslag-casusbespreking.pdf', mimeType: 'application/pdf', buffer: pdf });
    await card.getByRole('button', { name: 'Bestand uploaden' }).click();
    await expect(card.getByRole('status').filter({ hasText: 'verslag-casusbespreking.pdf is toegevoegd.' })).toBeVisible();
    const files = card.getByRole('table', { name: /Bewijsstukken/ });
    const row = files.getByRole('row', { name: /verslag-casusbespreking\.pdf/ });
    await expect(row).toContainText(sha);
    await expect(row).toContainText(/\d+ B/);

    // The download is the same file.
    const downloadPromise = page.waitForEvent('download');
    await row.getByRole('button', { name: 'verslag-casusbespreking.pdf downloaden' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('verslag-casusbespreking.pdf');
    expect(
      createHash('sha256')
        .update(readFileSync(await download.path()))
        .digest('hex'),
    ).toBe(sha);

    // Plain binary called .pdf: refused by its content, the message beside the field and in the summary.
    await card
      .getByLabel('Bestand toevoegen')
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0, 1, 2, 3, 0xfe, 0xff, 0, 7, 8, 9]) });
    await card.getByRole('button', { name: 'Bestand uploaden' }).click();
    const summary = card.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary.getByRole('link', { name: /Dit soort bestand is niet toegestaan/ })).toBeVisible();
    await expect(page.locator(':focus')).toContainText('Er is een probleem');
    await expect(card.locator('#' + `file-${measure.id}-error`)).toContainText('The file was refused');
    await expect(files.getByRole('row', { name: /scan\.pdf/ })).toHaveCount(0);
    await expectAccessible(page, 'measure conversation with an upload error (nl)');
    await screenshot(page, 'measure-conversation');

    // The page is drawn anew in the other language, with the disclosure closed.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await card.getByText('Comments and evidence for this measure', { exact: true }).click();
    await expect(card.getByRole('heading', { name: 'Evidence files' })).toBeVisible();
    await expect(card.getByText('Do not write personal data of the family', { exact: false })).toBeVisible();
    await expectAccessible(page, 'measure conversation (en)');
    // The language is saved with the account: back to Dutch for the specs that follow.
    await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
    await expect(page.getByRole('button', { name: 'Switch to English' })).toBeVisible();
  });

  test('the inspector reads it and adds an internal note; the organisation never sees the note (nl and en)', async ({ page, api }) => {
    const { planId, measure } = await firstMeasure(api);
    await signIn(page, INSPECTOR);
    await page.goto(`/plans/${planId}`);
    const card = await openThread(page, measure.description, 'Opmerkingen en bewijsstukken bij deze maatregel');
    await expect(card.locator('.ov-comment__body').first()).toHaveText(`${COMMENT}\nAangevuld.`);
    await expect(card.getByRole('row', { name: /verslag-casusbespreking\.pdf/ })).toBeVisible();
    // Inspectors do not attach files to the organisation's measure.
    await expect(card.getByLabel('Bestand toevoegen')).toHaveCount(0);

    // The choice between a public comment and an internal note is required.
    await card.getByLabel('Uw opmerking').fill(NOTE);
    await card.getByRole('button', { name: 'Opmerking plaatsen' }).click();
    await expect(card.getByRole('alert').getByRole('link', { name: 'Kies of dit een opmerking of een interne notitie is.' })).toBeVisible();
    await card.getByLabel('Interne notitie (alleen de inspectie)').check();
    await card.getByRole('button', { name: 'Interne notitie plaatsen' }).click();
    await expect(card.getByRole('status').filter({ hasText: 'Uw opmerking is geplaatst.' })).toBeVisible();
    const note = card.getByRole('listitem').filter({ hasText: NOTE });
    await expect(note).toContainText('Interne notitie – alleen inspectie');
    await expectAccessible(page, 'measure conversation, inspector (nl)');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await card.getByText('Comments and evidence for this measure', { exact: true }).click();
    await expect(note).toContainText('Internal note – inspectorate only');
    await expectAccessible(page, 'measure conversation, inspector (en)');
    await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
    await expect(page.getByRole('button', { name: 'Switch to English' })).toBeVisible();

    // The organisation: the comment, not the note (in the page and in the API).
    const thread = await api.as<{ commentThread: { comments: Array<{ body: string | null; visibility: string }> } }>(
      JEUGDHULP,
      `{ commentThread(subjectType: MEASURE, subjectId: "${measure.id}") { comments { body visibility } } }`,
    );
    expect(thread.commentThread.comments.map((c) => c.visibility)).not.toContain('INTERNAL');
    expect(thread.commentThread.comments.map((c) => c.body)).not.toContain(NOTE);
  });

  test('the organisation member does not see the internal note', async ({ page, api }) => {
    const { planId, measure } = await firstMeasure(api);
    await signIn(page, JEUGDHULP);
    await page.goto(`/plans/${planId}`);
    const card = await openThread(page, measure.description, 'Opmerkingen en bewijsstukken bij deze maatregel');
    await expect(card.locator('.ov-comment__body').first()).toHaveText(`${COMMENT}\nAangevuld.`);
    await expect(card.getByText(NOTE)).toHaveCount(0);
    await expect(card.getByText('Interne notitie')).toHaveCount(0);
    await expectAccessible(page, 'measure conversation, organisation after the note (nl)');
  });
});
