import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

// pdf-parse (pdf.js) loads its worker with a dynamic import, which Jest's module sandbox does not allow:
// the PDF is read in a plain Node process instead.
const READER = `
const { PDFParse } = require(${JSON.stringify(resolve(__dirname, '../../node_modules/pdf-parse'))});
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try { process.stdout.write((await parser.getText()).text); } finally { await parser.destroy(); }
});`;

/** The text of a PDF, page after page, as a reader would copy it. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, ['-e', READER], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout)));
    child.stdin!.end(pdf);
  });
}

/** Every SHA-256 the package's manifest lists, in order. */
export const manifestHashes = (text: string): string[] => [...text.matchAll(/SHA-256 ([0-9a-f]{64})/g)].map((m) => m[1]);
