import { execFile } from 'child_process';

/**
 * The text of a PDF, extracted by a real parser (pdf-parse, on Mozilla's pdf.js). pdf.js loads its
 * worker with a dynamic import(), which Jest's CommonJS sandbox refuses, so it runs in a plain Node
 * process: the PDF goes in on stdin, the text comes back on stdout.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      try {
        const result = await parser.getText();
        process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
      } finally {
        await parser.destroy();
      }
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: `${__dirname}/../..`, maxBuffer: 64 * 1024 * 1024, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`could not read the PDF: ${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout).text);
      },
    );
    child.stdin!.end(pdf);
  });
}
