import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
// file-type 16 is the last CommonJS version (Jest here cannot load ESM).
import { fromFile } from 'file-type';

/** What may be attached, by content: PDF, Office (OOXML, OpenDocument, the old binary formats), images, plain text and CSV. */
const ALLOWED: Record<string, { group: string; extensions: string[] }> = {
  'application/pdf': { group: 'PDF', extensions: ['.pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { group: 'document', extensions: ['.docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { group: 'spreadsheet', extensions: ['.xlsx'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { group: 'presentation', extensions: ['.pptx'] },
  'application/vnd.oasis.opendocument.text': { group: 'document', extensions: ['.odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { group: 'spreadsheet', extensions: ['.ods'] },
  'application/vnd.oasis.opendocument.presentation': { group: 'presentation', extensions: ['.odp'] },
  'application/x-cfb': { group: 'Office 97-2003', extensions: ['.doc', '.xls', '.ppt'] },
  'image/png': { group: 'image', extensions: ['.png'] },
  'image/jpeg': { group: 'image', extensions: ['.jpg', '.jpeg'] },
  'image/gif': { group: 'image', extensions: ['.gif'] },
  'image/webp': { group: 'image', extensions: ['.webp'] },
  'text/plain': { group: 'text', extensions: ['.txt', '.text', '.md'] },
  'text/csv': { group: 'text', extensions: ['.csv'] },
};
const KNOWN_EXTENSIONS = new Map(Object.entries(ALLOWED).flatMap(([mime, a]) => a.extensions.map((e) => [e, mime] as const)));

export type ContentCheck = { ok: true; contentType: string } | { ok: false; reason: string };

/**
 * The type by the file's bytes (magic numbers), never by its name or the browser's claim; text
 * only when the whole file is UTF-8 without control characters. A name whose extension promises
 * another allowed type than the content is refused too, so nobody opens a PNG called report.pdf.
 */
export async function checkContent(path: string, fileName: string): Promise<ContentCheck> {
  const detected = await fromFile(path);
  let contentType: string | undefined = detected?.mime;
  if (!detected) {
    if (!(await isPlainText(path)))
      return { ok: false, reason: 'the content is not one of the allowed types (PDF, Office documents, images, plain text or CSV)' };
    contentType = extname(fileName).toLowerCase() === '.csv' ? 'text/csv' : 'text/plain';
  }
  if (!contentType || !ALLOWED[contentType])
    return {
      ok: false,
      reason: `the content is ${detected?.mime ?? 'unknown'}, which is not allowed (PDF, Office documents, images, plain text or CSV)`,
    };
  const claimed = KNOWN_EXTENSIONS.get(extname(fileName).toLowerCase());
  if (
    claimed &&
    ALLOWED[claimed].group !== ALLOWED[contentType].group &&
    !(ALLOWED[claimed].group === 'text' && ALLOWED[contentType].group === 'text')
  )
    return { ok: false, reason: `the name says ${extname(fileName)} but the content is ${contentType}` };
  return { ok: true, contentType };
}

async function isPlainText(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** A file name safe to store and to send back in a header: no path, no control or reserved characters, at most 200 characters. */
export function sanitiseFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  const chars = [...cleaned];
  if (chars.length <= 200) return cleaned || 'bestand';
  const ext = extname(cleaned).slice(0, 16);
  return chars.slice(0, 200 - [...ext].length).join('') + ext;
}
