import { execFile } from 'child_process';

export interface StructNode {
  role: string;
  children?: Array<StructNode | { type: 'content'; id: string }>;
  alt?: string;
  lang?: string;
}

export interface PdfStructure {
  /** Per page, pdf.js's structure tree (getStructTree). */
  pages: Array<StructNode | null>;
  marked: boolean;
  title: string | undefined;
  language: string | undefined;
  /** Page 1's text items that are in no structure element (artifacts or untagged). */
  untagged: string[];
}

/**
 * How a PDF is tagged, read by Mozilla's pdf.js (pdfjs-dist, already present for pdf-parse), in a
 * plain Node process for the same reason as pdfText: its ESM build does not load in Jest's sandbox.
 */
export function pdfStructure(pdf: Buffer): Promise<PdfStructure> {
  const script = `
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await pdfjs.getDocument({ data: new Uint8Array(Buffer.concat(chunks)) }).promise;
      const pages = [];
      let untagged = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        pages.push(await page.getStructTree());
        if (i === 1) {
          const content = await page.getTextContent({ includeMarkedContent: true });
          let depth = 0;
          let tagged = [];
          for (const item of content.items) {
            if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') tagged.push(!!item.id);
            else if (item.type === 'endMarkedContent') tagged.pop();
            else if (item.str && item.str.trim() && !tagged.some(Boolean)) untagged.push(item.str);
          }
        }
      }
      const meta = await doc.getMetadata();
      const markInfo = await doc.getMarkInfo();
      const marked = !!(markInfo && markInfo.Marked);
      process.stdout.write(JSON.stringify({ pages, marked, title: meta.info.Title, language: meta.info.Language, untagged }));
      await doc.destroy();
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: `${__dirname}/../..`, maxBuffer: 64 * 1024 * 1024, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`could not read the PDF: ${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout) as PdfStructure);
      },
    );
    child.stdin!.end(pdf);
  });
}

/** The roles of a structure tree in reading order (depth first), e.g. ['Document', 'P', 'H1', …]. */
export function rolesInOrder(node: StructNode | null | undefined): string[] {
  if (!node) return [];
  const own = node.role === 'Root' ? [] : [node.role];
  return own.concat(...(node.children ?? []).map((c) => ('role' in c ? rolesInOrder(c) : [])));
}
