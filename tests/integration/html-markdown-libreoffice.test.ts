// The HTML and Markdown sources on the five bundled documents (#37 item 1, #39 item 5), made by
// producers other than this project's readers: each text saved as HTML by LibreOffice Writer (the
// flat ODT of scripts/print-pdf-libreoffice.ts: a table per run of tab rows, a paragraph per line)
// and that HTML turned into Markdown with GFM pipe tables by node-html-markdown
// (scripts/convert-html-markdown.ts). Each must give every record kind its text gives, as the
// PDFs printed by LibreOffice do (pdf-libreoffice.test.ts). Integration, not unit: soffice converts
// the five at test time, in one run (~5 s).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlWithLibreOffice, markdownOf } from '../../scripts/convert-html-markdown.js';
import { parseDocument, type ParsedDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';

const KINDS = ['totals', 'lines', 'threeCosts', 'projects', 'indicators', 'investmentProjects', 'selfEvaluations', 'figures', 'proseAmounts', 'payments'] as const;
const DOCS = ['000_5c682a4da5e2a113.txt', '001_958a9ca9db32ab73.txt', '002_94a530100b90bc43.txt', '003_beb2cb8da5a2afe3.txt', '004_977ad1fe0b13bb92.txt'];

/** Where a record was read (file, line, the line's text) is not the record; spaces are not printed glyphs. */
const PROVENANCE = new Set(['source', 'amountSource', 'sources', 'line', 'text', 'table', 'cellsRead']);
const factKey = (r: unknown) =>
  JSON.stringify(r, (k, v: unknown) => (PROVENANCE.has(k) || k.endsWith('Source') ? undefined : typeof v === 'bigint' ? String(v) : typeof v === 'string' ? v.replace(/\s+/g, '') : v));
const facts = (d: ParsedDocument, kind: (typeof KINDS)[number]) => (d[kind] as unknown[]).map(factKey).sort();

const parsed = new Map<string, { text: ParsedDocument; html: ParsedDocument; markdown: ParsedDocument }>();

beforeAll(async () => {
  const texts = DOCS.map((name) => ({ name, text: readFileSync(`data/${name}`, 'utf8') }));
  const pages = htmlWithLibreOffice(texts);
  for (const { name, text } of texts) {
    const html = pages.get(name)!;
    const fromHtml = await readSource(html, name.replace('.txt', '.html'));
    const fromMarkdown = await readSource(Buffer.from(markdownOf(html.toString('utf8'))), name.replace('.txt', '.md'));
    expect([fromHtml.format, fromMarkdown.format]).toEqual(['HTML', 'MARKDOWN']);
    parsed.set(name, { text: parseDocument(text, name), html: parseDocument(fromHtml.text, name), markdown: parseDocument(fromMarkdown.text, name) });
  }
}, 170_000);

describe.each(DOCS)('%s saved as HTML by LibreOffice, and as Markdown from that HTML', (file) => {
  it.each(KINDS)('gives the %s its text gives', (kind) => {
    const { text, html, markdown } = parsed.get(file)!;
    const want = facts(text, kind);
    expect(facts(html, kind), 'HTML').toEqual(want);
    expect(facts(markdown, kind), 'Markdown').toEqual(want);
  });
});
