// The parser reads the printed document (#37 item 1): parseDocument takes the source's model
// (SourceDocument.printed) and its table model takes each line's cells from it, with their boxes
// (a PDF), spans (a web table) and pages, instead of splitting the text rendering on tabs; the
// text stays the document's text for display and line provenance. What it reads is what the text
// with the source's places gave: the same records, diagnostics and anomalies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { pipelineInput, SOURCE } from '../../src/parse/pipeline.js';
import { REDACTED } from '../../src/parse/personal-data.js';
import { cellsOf, readSource } from '../../src/source/index.js';

/** data/000 with a form feed before each numbered table's title (表一：…): a text of pages, as pdftotext writes one. */
function pagedText(): Uint8Array {
  const text = readFileSync('data/000_5c682a4da5e2a113.txt', 'utf8');
  return new TextEncoder().encode(text.split('\n').map((l) => (/^表[一二三四五六七八九十]+：/.test(l) ? `\f${l}` : l)).join('\n'));
}

describe('parseDocument(the printed document)', () => {
  it.each([
    ['tests/fixtures/real/上海市普陀区人民政府办公室25年预算.pdf', null],
    ['tests/fixtures/real/上海市普陀区财政局2024年度部门决算.pdf', null],
    // A scanned last page read by OCR: its cells carry OCR's confidences.
    ['tests/fixtures/scanned-page-appended.pdf', null],
    ['tests/fixtures/html/spans-expenditure-table.html', null],
    ['tests/fixtures/html/000-excerpt.md', null],
    ['data/000_5c682a4da5e2a113.txt', null],
    ['000-paged.txt', pagedText],
  ] as const)('%s: reads what the text with the source places read', async (path, bytes) => {
    const file = path.split('/').at(-1)!;
    const source = await readSource(bytes ? bytes() : readFileSync(path), file);
    const fromModel = parseDocument(source.printed, file, source.notes);
    expect(fromModel).toEqual(parseDocument(source.text, file, source.notes, cellsOf(source)));
    expect(fromModel.lines.length + fromModel.figures.length).toBeGreaterThan(0);
  }, 60_000);

  it('a paged text keeps its pages: the page rules read them from the model', async () => {
    const source = await readSource(pagedText(), '000-paged.txt');
    expect(source.printed.pageCount).toBeGreaterThan(3);
    const state = SOURCE.run(pipelineInput(source.printed, '000-paged.txt'));
    expect(state.places?.map((p) => p?.page)).toEqual(source.places?.map((p) => p.page));
  });
});

describe('the cells the table model reads, personal data redacted', () => {
  it("a form row printing 填报人 | names | 联系电话 | number: the model's cells hold them, the parser's are redacted cell by cell", async () => {
    // The page (tests/fixtures/personal-data-form.html) prints the row 填报人 | 林黛玉、薛宝钗 | 联系电话 | 28336292.
    const source = await readSource(readFileSync('tests/fixtures/personal-data-form.html'), 'personal-data-form.html');
    const printed = [...source.printed.pages[0]!.lines].map((l) => l.cells.map((c) => c.text));
    const at = printed.findIndex((cells) => cells[0] === '填报人');
    expect(printed[at]).toEqual(['填报人', '林黛玉、薛宝钗', '联系电话', '28336292']);
    const state = SOURCE.run(pipelineInput(source.printed, 'personal-data-form.html'));
    expect(state.cells[at]).toEqual(['填报人', REDACTED, '联系电话', REDACTED]);
    // Every other line's cells are the model's, as printed.
    state.cells.forEach((cells, i) => {
      if (!state.redaction.lines.includes(i + 1)) expect(cells, `line ${i + 1}`).toEqual(printed[i]);
    });
  });
});
