// A second PDF producer beside Chromium (scripts/print-pdf.ts): a text rendering (tabs between
// cells) written as a flat ODT document (.fodt) and printed by LibreOffice Writer, headless — other
// fonts (Liberation Serif for Latin and digits, WenQuanYi Zen Hei Sharp for CJK), another page
// (A4 landscape, or US Letter with tables of 10 columns or more on landscape pages), tables whose columns are as wide as their longest text (so narrow
// amount columns wrap), rows a page break may cut (Writer draws a border at the cut), and the
// 部门：… line printed on one line with the 单位：万元 beside it, as departments' own files do.
// A fixture tool for the PDF source's tests — never the run time.
//   tsx scripts/print-pdf-libreoffice.ts data/004_….txt out.pdf [--letter]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export type PageSize = 'A4_LANDSCAPE' | 'LETTER';
const PAGES: Record<PageSize, { width: number; height: number }> = {
  A4_LANDSCAPE: { width: 29.7, height: 21.0 },
  LETTER: { width: 21.59, height: 27.94 },
};
const MARGIN = 1.8; // cm
/** Columns from which a table on a US Letter page is printed on a landscape page. */
const WIDE = 10;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The text's own markup (<b>, check boxes) printed as what it stands for; runs of spaces kept. */
const cellXml = (s: string) =>
  esc(s.replace(/<input type="checkbox" checked>/g, '☑').replace(/<input type="checkbox">/g, '☐').replace(/<\/?b>/g, '')).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`);
const AMOUNT = /^[-−]?[\d,.]+%?$/;
/** Printed width in half-em units: a CJK glyph is two. */
const displayWidth = (s: string) => [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);

export function documentFodt(text: string, page: PageSize = 'A4_LANDSCAPE'): string {
  const size = PAGES[page];
  const body = size.width - 2 * MARGIN;
  const styles: string[] = [];
  const out: string[] = [];
  let table: string[][] = [];
  let tables = 0;
  /** The last table went on a landscape page: the next paragraph turns back to portrait. */
  let afterTurned = false;
  const para = (style: string) => {
    if (!afterTurned) return style;
    afterTurned = false;
    return `${style}B`;
  };
  const flush = () => {
    if (!table.length) return;
    const n = ++tables;
    const width = Math.max(...table.map((r) => r.length));
    const weights = Array.from({ length: width }, (_, c) => Math.min(24, Math.max(4, ...table.map((r) => displayWidth(r[c] ?? '')))));
    const sum = weights.reduce((a, b) => a + b, 0);
    // On a portrait page a table of many columns goes on a landscape page of its own, as
    // departments print them: wider than the prose around it.
    const turned = page === 'LETTER' && width >= WIDE;
    const tableWidth = turned ? size.height - 2 * MARGIN : body;
    if (turned) afterTurned = true;
    styles.push(`<style:style style:name="T${n}" style:family="table"${turned ? ' style:master-page-name="Turned"' : ''}><style:table-properties style:width="${tableWidth.toFixed(2)}cm" table:align="margins"/></style:style>`);
    weights.forEach((w, c) => styles.push(`<style:style style:name="T${n}.${c}" style:family="table-column"><style:table-column-properties style:column-width="${((tableWidth * w) / sum).toFixed(3)}cm"/></style:style>`));
    out.push(`<table:table table:name="T${n}" table:style-name="T${n}">${weights.map((_, c) => `<table:table-column table:style-name="T${n}.${c}"/>`).join('')}`);
    for (const row of table) {
      const cells = Array.from({ length: width }, (_, c) => {
        const v = row[c] ?? '';
        return `<table:table-cell table:style-name="C" office:value-type="string"><text:p text:style-name="${AMOUNT.test(v.trim()) ? 'PR' : 'P'}">${cellXml(v)}</text:p></table:table-cell>`;
      });
      out.push(`<table:table-row>${cells.join('')}</table:table-row>`);
    }
    out.push('</table:table>');
    table = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('\t')) {
      table.push(line.split('\t'));
      continue;
    }
    // A blank line inside a table (where the text's own source broke a page, its rows there
    // sometimes one trailing empty cell short) does not end it: the rows go on in the same table.
    const after = lines.slice(i + 1).find((l) => l.trim() !== '');
    const width = table.length ? table[table.length - 1]!.length : 0;
    if (line.trim() === '' && width && after?.includes('\t') && Math.abs(after.split('\t').length - width) <= 1) continue;
    flush();
    if (line.trim() === '') continue;
    // 部门：… then (after a blank line) 单位：万元: one printed line, the unit at the right margin.
    const next = lines.slice(i + 1, i + 3).findIndex((l) => /^\s*单位[：:]/.test(l));
    if (/^\s*(?:部门|单位名称|编制单位)[：:]/.test(line) && next >= 0 && lines.slice(i + 1, i + 1 + next).every((l) => l.trim() === '')) {
      out.push(`<text:p text:style-name="${para('PU')}">${cellXml(line.trim())}<text:tab/>${cellXml(lines[i + 1 + next]!.trim())}</text:p>`);
      i += 1 + next;
      continue;
    }
    out.push(`<text:p text:style-name="${para('P')}">${cellXml(line)}</text:p>`);
  }
  flush();
  const font = `style:font-name="LS" fo:font-size="9pt" style:font-name-asian="WQS" style:font-size-asian="9pt"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="LS" svg:font-family="'Liberation Serif'"/><style:font-face style:name="WQS" svg:font-family="'WenQuanYi Zen Hei Sharp'"/></office:font-face-decls>
<office:styles><style:style style:name="Standard" style:family="paragraph"><style:text-properties ${font}/></style:style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="${size.width}cm" fo:page-height="${size.height}cm" style:print-orientation="${page === 'A4_LANDSCAPE' ? 'landscape' : 'portrait'}" fo:margin-top="${MARGIN}cm" fo:margin-bottom="1.2cm" fo:margin-left="${MARGIN}cm" fo:margin-right="${MARGIN}cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="PLT"><style:page-layout-properties fo:page-width="${size.height}cm" fo:page-height="${size.width}cm" style:print-orientation="landscape" fo:margin-top="${MARGIN}cm" fo:margin-bottom="1.2cm" fo:margin-left="${MARGIN}cm" fo:margin-right="${MARGIN}cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
<style:style style:name="P" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"/><style:text-properties ${font}/></style:style>
<style:style style:name="PR" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/><style:text-properties ${font}/></style:style>
<style:style style:name="PF" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${font}/></style:style>
<style:style style:name="PB" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Standard"><style:paragraph-properties fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"/><style:text-properties ${font}/></style:style>
<style:style style:name="PUB" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Standard"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="${body.toFixed(2)}cm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties ${font}/></style:style>
<style:style style:name="PU" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="${body.toFixed(2)}cm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties ${font}/></style:style>
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm" style:vertical-align="middle"/></style:style>
${styles.join('\n')}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:footer><text:p text:style-name="PF"><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page><style:master-page style:name="Turned" style:page-layout-name="PLT"><style:footer><text:p text:style-name="PF"><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${out.join('\n')}
</office:text></office:body></office:document>`;
}

/**
 * Prints texts with LibreOffice in one soffice run (it takes seconds to start): name → PDF.
 * A private profile directory, so that a soffice another process runs is not joined.
 */
export function printPdfsWithLibreOffice(docs: { name: string; text: string; page?: PageSize }[], soffice = process.env.SOFFICE_PATH ?? 'soffice'): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'lo-print-'));
  try {
    const files = docs.map((d) => {
      const file = join(dir, `${basename(d.name).replace(/\.[^.]*$/, '')}.fodt`);
      writeFileSync(file, documentFodt(d.text, d.page));
      return file;
    });
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 170_000 });
    return new Map(docs.map((d, i) => [d.name, readFileSync(files[i]!.replace(/\.fodt$/, '.pdf'))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!input || !output) throw new Error('usage: tsx scripts/print-pdf-libreoffice.ts INPUT.txt OUTPUT.pdf [--letter]');
  const page: PageSize = process.argv.includes('--letter') ? 'LETTER' : 'A4_LANDSCAPE';
  writeFileSync(output, printPdfsWithLibreOffice([{ name: input, text: readFileSync(input, 'utf8'), page }]).get(input)!);
}
