// One way to report a PDF's troubles (issue #39 item 4): what the source says about a page it
// could not read is a diagnostic of the document — in `npm run parse -- --json` (valid JSON, not
// text printed before it) and kept with the document like the parser's own.
// Given tests/fixtures/scanned-page-appended.pdf: the 21 pages of 上海市普陀区人民政府办公室单位25年预算.pdf
// with a 22nd page that is a picture of its contents page (目录), no text layer.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { readSource } from '../../src/source/index.js';
import { parseDocument } from '../../src/parse/index.js';

const FILE = join(projectRoot, 'tests', 'fixtures', 'scanned-page-appended.pdf');

describe('a PDF with a scanned page among text pages', () => {
  // Without OCR (not installed, or switched off): tests/unit/ocr-scan.test.ts reads such pages.
  it('loads its text pages and says which page it could not read, as a WARNING diagnostic', async () => {
    const source = await readSource(readFileSync(FILE), 'scanned-page-appended.pdf', { ocr: false });
    const doc = parseDocument(source.text, 'scanned-page-appended.pdf', source.notes);
    const notRead = doc.diagnostics.filter((d) => d.code === 'PAGE_NOT_READ');
    expect(notRead).toHaveLength(1);
    expect(notRead[0]).toMatchObject({ level: 'WARNING' });
    expect(notRead[0]!.message).toMatch(/page 22\b/);
    // The text pages are read as without the scan: the unit's 2025 单位预算.
    expect(doc.meta).toMatchObject({ year: 2025 });
    expect(doc.meta.kinds).toContain('UNIT_BUDGET');
  });

  it('npm run parse -- --json prints one JSON document holding the page\'s diagnostic', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli', 'parse.ts'), FILE, '--json'], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BUDGET_GRAPH_OCR: 'off' } });
    const doc = JSON.parse(out) as { diagnostics: { code: string; message: string }[] };
    expect(doc.diagnostics.filter((d) => d.code === 'PAGE_NOT_READ').map((d) => d.message)).toEqual([expect.stringMatching(/page 22\b/)]);
  }, 60_000);
});
