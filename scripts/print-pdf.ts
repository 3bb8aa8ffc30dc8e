// Prints a text rendering (tabs between cells) as a PDF the way a department's office software
// would: tables ruled, a cell's text wrapping inside it, prose as paragraphs, page numbers in the
// footer. A fixture tool for the PDF source's tests and the bench — never the run time.
//   tsx scripts/print-pdf.ts data/004_….txt out.pdf [--unruled]
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The text's own markup (<b>, check boxes) printed as what it stands for. */
const cellHtml = (s: string) => esc(s.replace(/<input type="checkbox" checked>/g, '☑').replace(/<input type="checkbox">/g, '☐').replace(/<\/?b>/g, ''));

export function documentHtml(text: string, options: { ruled?: boolean } = {}): string {
  const ruled = options.ruled ?? true;
  const out: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (!table.length) return;
    const width = Math.max(...table.map((r) => r.length));
    out.push('<table>');
    for (const row of table) out.push(`<tr>${Array.from({ length: width }, (_, i) => `<td>${cellHtml(row[i] ?? '')}</td>`).join('')}</tr>`);
    out.push('</table>');
    table = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) table.push(line.split('\t'));
    else {
      flush();
      out.push(line.trim() === '' ? '' : `<p>${cellHtml(line)}</p>`);
    }
  }
  flush();
  const border = ruled ? '0.6pt solid #000' : 'none';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { font-family: 'WenQuanYi Zen Hei', sans-serif; font-size: 9pt; }
p { margin: 2pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
td { border: ${border}; padding: 1.5pt 3pt; vertical-align: middle; }
</style></head><body>${out.join('\n')}</body></html>`;
}

export async function printPdf(text: string, options: { ruled?: boolean; executablePath?: string } = {}): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(documentHtml(text, options), { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span></div>',
    });
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!input || !output) throw new Error('usage: tsx scripts/print-pdf.ts INPUT.txt OUTPUT.pdf [--unruled]');
  writeFileSync(output, await printPdf(readFileSync(input, 'utf8'), { ruled: !process.argv.includes('--unruled') }));
}
