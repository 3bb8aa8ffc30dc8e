// The bundled texts as a web page and as Markdown, made by producers other than this project's
// readers, for the HTML and Markdown sources' tests (#37 item 1, #39 item 5): LibreOffice Writer,
// headless, saves the flat ODT document that scripts/print-pdf-libreoffice.ts prints (a table per
// run of tab rows, a paragraph per line) as HTML; node-html-markdown turns that HTML into
// Markdown with GFM pipe tables. A fixture tool — never the run time.
//   tsx scripts/convert-html-markdown.ts data/000_….txt OUT_DIR   (writes OUT_DIR/000_….html and .md)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { NodeHtmlMarkdown } from 'node-html-markdown';
import { documentFodt } from './print-pdf-libreoffice.js';

/** Texts saved as HTML by LibreOffice in one soffice run (it takes seconds to start): name → HTML. */
export function htmlWithLibreOffice(docs: { name: string; text: string }[], soffice = process.env.SOFFICE_PATH ?? 'soffice'): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'lo-html-'));
  try {
    const files = docs.map((d) => {
      const file = join(dir, `${basename(d.name).replace(/\.[^.]*$/, '')}.fodt`);
      writeFileSync(file, documentFodt(d.text));
      return file;
    });
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'html', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 170_000 });
    return new Map(docs.map((d, i) => [d.name, readFileSync(files[i]!.replace(/\.fodt$/, '.html'))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * HTML → Markdown by node-html-markdown. It writes an empty delimiter cell ("|  |") under a
 * column blank in every row, which GFM does not take as a table (github.github.com/gfm, tables:
 * the delimiter row's cells are dashes): such a cell is written "---", as GFM asks.
 */
export function markdownOf(html: string): string {
  const md = NodeHtmlMarkdown.translate(html);
  return md
    .split('\n')
    .map((line) => (/^\|[\s|:-]*-[\s|:-]*\|$/.test(line) ? line.replace(/\| *(?=\|)/g, '| --- ') : line))
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, out] = process.argv.slice(2);
  if (!input || !out) throw new Error('usage: tsx scripts/convert-html-markdown.ts INPUT.txt OUT_DIR');
  mkdirSync(out, { recursive: true });
  const html = htmlWithLibreOffice([{ name: input, text: readFileSync(input, 'utf8') }]).get(input)!;
  const stem = join(out, basename(input).replace(/\.txt$/, ''));
  writeFileSync(`${stem}.html`, html);
  writeFileSync(`${stem}.md`, markdownOf(html.toString('utf8')));
}
