import * as fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent, cleanBody, COMMENT_MAX_LENGTH, mentionedEmails, sanitiseFileName } from '@opvolging/conversation';
import { DomainError } from '@opvolging/shared';

/** Properties of the new inputs: comment texts, mentions, file names and the content check. */
describe('property: comment and file inputs', () => {
  it('a comment body is either refused with the field named or kept as plain text within the limits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(COMMENT_MAX_LENGTH + 50), (text, pad) => {
        const raw = text + 'a'.repeat(pad);
        try {
          const body = cleanBody(raw, 'input.body');
          expect([...body].length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH);
          expect(body).toBe(body.trim());
          // eslint-disable-next-line no-control-regex
          expect(body).not.toMatch(/\r|[\u0000-\u0008\u000b-\u001f\u007f]/);
          expect(body.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).details.fields?.[0]?.path).toBe('input.body');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds exactly the mentioned addresses, lower-cased, once each', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/);
    const email = fc.tuple(local, fc.stringMatching(/^[a-z]{1,10}$/)).map(([l, d]) => `${l}@${d}.nl`);
    fc.assert(
      fc.property(fc.array(email, { maxLength: 5 }), fc.array(fc.stringMatching(/^[a-z ]{0,20}$/), { maxLength: 5 }), (emails, words) => {
        const text = [...words, ...emails.map((e) => `@${e.toUpperCase()}`)].join(' ');
        expect(mentionedEmails(text).sort()).toEqual([...new Set(emails)].sort());
        expect(mentionedEmails(emails.join(' '))).toEqual([]); // an address without @ in front is no mention
      }),
    );
  });

  it('a sanitised file name has no path, no control or reserved characters and at most 200 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = sanitiseFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(200);
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[\\/\u0000-\u001f\u007f<>:"|?*]/);
        expect(name).not.toMatch(/^[.\s]/);
        expect(sanitiseFileName(name)).toBe(name); // stable
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts bytes of no allowed type, whatever the name says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opvolging-content-'));
    try {
      await fc.assert(
        fc.asyncProperty(
          // Binary noise behind a NUL byte: never text, and no known magic number at the start.
          fc.uint8Array({ minLength: 16, maxLength: 512 }).map((b) => Buffer.concat([Buffer.from([0x00, 0xff, 0x13]), Buffer.from(b)])),
          fc.constantFrom('a.pdf', 'b.docx', 'c.txt', 'd.csv', 'e.png', 'f'),
          async (bytes, name) => {
            const path = join(dir, 'f');
            await writeFile(path, bytes);
            expect((await checkContent(path, name)).ok).toBe(false);
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
