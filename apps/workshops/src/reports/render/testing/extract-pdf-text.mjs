// Extracts the text of a PDF with pdf.js (pdfjs-dist, legacy build for Node) and prints it as JSON:
// {"pages": ["text of page 1", ...]}. Run in a child process by the tests, since pdfjs-dist is an ES
// module that Jest's CommonJS runtime cannot load.   node extract-pdf-text.mjs file.pdf
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let i = 1; i <= pdf.numPages; i++) {
  const page = await pdf.getPage(i);
  const content = await page.getTextContent();
  pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
}
process.stdout.write(JSON.stringify({ pages }));
