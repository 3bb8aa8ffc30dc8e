// The HTML and Markdown sources on another producer's output (#37 item 1, #39 item 5): an excerpt
// of data/000 (its title, the 三公 paragraph, 表二 部门收入总表 with its four header rows, 表八 the
// 三公 table) saved as HTML by LibreOffice Writer and turned into Markdown (pipe tables) by
// node-html-markdown — scripts/convert-html-markdown.ts, no part of this project's readers:
//   npx tsx scripts/convert-html-markdown.ts tests/fixtures/html/000-excerpt.txt tests/fixtures/html
// Each gives, kind by kind, the records its text gives. The whole five documents:
// tests/integration/html-markdown-libreoffice.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';

const KINDS = ['totals', 'lines', 'threeCosts', 'projects', 'indicators', 'investmentProjects', 'selfEvaluations', 'figures', 'proseAmounts', 'payments'] as const;
const DIR = 'tests/fixtures/html';
/** Where a record was read (line, the line's text) is not the record; spaces are not printed glyphs. */
const PROVENANCE = new Set(['source', 'amountSource', 'sources', 'line', 'text', 'table', 'cellsRead']);
const factKey = (r: unknown) =>
  JSON.stringify(r, (k, v: unknown) => (PROVENANCE.has(k) || k.endsWith('Source') ? undefined : typeof v === 'bigint' ? String(v) : typeof v === 'string' ? v.replace(/\s+/g, '') : v));
const facts = (d: ParsedDocument, kind: (typeof KINDS)[number]) => (d[kind] as unknown[]).map(factKey).sort();

describe.each(['html', 'md'])('000-excerpt.%s (LibreOffice / node-html-markdown)', (ext) => {
  const file = `000-excerpt.${ext}`;
  const fromText = parseDocument(readFileSync(`${DIR}/000-excerpt.txt`, 'utf8'), '000-excerpt.txt');

  it('is read as a web page / Markdown, not as text', async () => {
    expect((await readSource(readFileSync(`${DIR}/${file}`), file)).format).toBe(ext === 'html' ? 'HTML' : 'MARKDOWN');
  });

  it.each(KINDS)('gives the %s its text gives', async (kind) => {
    const source = await readSource(readFileSync(`${DIR}/${file}`), file);
    expect(facts(parseDocument(source.text, file), kind)).toEqual(facts(fromText, kind));
  });

  it('reads what the excerpt prints (data/000 line 219: 201 一般公共服务支出 6,265 万元; line 416: 2020年 19.50, 接待 6.00, 车 13.50)', async () => {
    const doc = parseDocument((await readSource(readFileSync(`${DIR}/${file}`), file)).text, file);
    const line = doc.lines.find((l) => l.code === '201');
    expect([line?.name, line?.total]).toEqual(['一般公共服务支出', 6_265_000_000n]);
    const y2020 = doc.threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2020);
    expect([y2020?.total, y2020?.abroad, y2020?.reception, y2020?.vehicles, y2020?.vehiclePurchase]).toEqual([19_500_000n, 0n, 6_000_000n, 13_500_000n, 0n]);
  });
});
