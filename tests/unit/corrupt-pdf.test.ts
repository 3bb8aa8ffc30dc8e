// One bad file is one bad file (issue #36): a PDF damaged in its compressed streams, its xref
// table or its length is that document's BAD_DOCUMENT, with its file and page, never another
// exception. Before: a single changed byte in a flate stream made pdf.js throw "Bad encoding in
// flate stream" uncaught — `npm run parse` printed a raw stack, `npm run load` stopped the batch,
// `npm start` exited (15 of 153 mutated PDFs did this).
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { BadDocumentError } from '../../src/errors.js';
import { readSource } from '../../src/source/index.js';
import { scratchDirs } from '../scratch-dirs.js';

const scratch = scratchDirs();

/** A budget PDF made by LibreOffice: eight Flate streams, a classic xref table. */
const GOOD = readFileSync(join(projectRoot, 'tests', 'fixtures', 'personal-data-form.pdf'));
/** A department's budget as published (WPS 表格, 21 pages; tests/fixtures/real/): the family of the issue's file. */
const PUBLISHED = readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室单位25年预算.pdf'));

/** The byte ranges of the file's stream bodies (between "stream" and "endstream"). */
function streams(pdf: Buffer): [number, number][] {
  const out: [number, number][] = [];
  const text = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (text.slice(m.index - 3, m.index) === 'end') continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** Damaged copies, each with what was done to it: what a disk, a download or an editor does. */
function mutants(pdf: Buffer): { how: string; bytes: Buffer }[] {
  const out: { how: string; bytes: Buffer }[] = [];
  const text = pdf.toString('latin1');
  // Byte flips inside each compressed stream: at its start (the zlib header), its middle and its end.
  for (const [i, [start, end]] of streams(pdf).entries()) {
    for (const at of [start, start + 1, Math.floor((start + end) / 2), end - 3]) {
      for (const flip of [0xff, 0x01]) {
        const bytes = Buffer.from(pdf);
        bytes[at] = bytes[at]! ^ flip;
        out.push({ how: `stream ${i + 1}, byte ${at} xor 0x${flip.toString(16)}`, bytes });
      }
    }
  }
  // Broken xref entries: offsets shifted, an entry's digits replaced, the table cut.
  const xref = text.lastIndexOf('xref\n');
  const entries = [...text.slice(xref).matchAll(/(\d{10}) (\d{5}) n/g)].slice(1, 6);
  for (const e of entries) {
    const at = xref + e.index!;
    for (const replacement of ['0000000001', '9999999999', '00000abc00']) {
      const bytes = Buffer.from(pdf);
      bytes.write(replacement, at, 'latin1');
      out.push({ how: `xref entry at ${at} → ${replacement}`, bytes });
    }
  }
  const startxref = text.lastIndexOf('startxref');
  out.push({ how: 'startxref points nowhere', bytes: Buffer.concat([pdf.subarray(0, startxref), Buffer.from('startxref\n99999999\n%%EOF\n', 'latin1')]) });
  for (const keep of [0.3, 0.6, 0.9, 0.99]) out.push({ how: `cut to ${keep * 100}%`, bytes: pdf.subarray(0, Math.floor(pdf.length * keep)) });
  return out;
}

/** Flips inside the published file's first page stream (the issue's byte 688 among them). */
function pageStreamFlips(pdf: Buffer): { how: string; bytes: Buffer }[] {
  return [688, 700, 900, 1200].map((at) => {
    const bytes = Buffer.from(pdf);
    bytes[at] = bytes[at]! ^ 0xc6;
    return { how: `published file, byte ${at} xor 0xc6`, bytes };
  });
}

describe('a damaged PDF', () => {
  it('the test makes damaged copies of every kind (a check of the check)', () => {
    expect(streams(GOOD).length).toBeGreaterThanOrEqual(8);
    expect(mutants(GOOD).length).toBeGreaterThan(60);
  });

  it('is read or refused as BAD_DOCUMENT naming its file (and page where a page is damaged), never another exception', async () => {
    const unexpected: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let refused = 0;
    let withPage = 0;
    try {
      for (const { how, bytes } of [...mutants(GOOD), ...pageStreamFlips(PUBLISHED)]) {
        try {
          await readSource(bytes, 'damaged.pdf');
        } catch (err) {
          if (!(err instanceof BadDocumentError) || err.file !== 'damaged.pdf') unexpected.push(`${how}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
          else {
            refused++;
            if (err.page !== undefined) {
              withPage++;
              expect(err.message).toMatch(/^damaged\.pdf: page \d+: /);
            }
          }
        }
      }
      // pdf.js settles some of its promises late: give them the time to surface.
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unexpected).toEqual([]);
    expect(unhandled).toEqual([]);
    // Most damage is refused; a flip pdf.js can repair (a broken xref it rebuilds) may read.
    expect(refused).toBeGreaterThan(5);
    expect(withPage).toBeGreaterThan(0);
  });

  it('the one of the issue gives `npm run parse` an error line with file and page, no stack, exit 1', () => {
    // 上海市普陀区人民政府办公室单位25年预算.pdf (WPS 表格, as published; tests/fixtures/real/), byte 688
    // 0xB3 → 0x75: inside the first page's flate stream.
    const bytes = Buffer.from(readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室单位25年预算.pdf')));
    expect(bytes[688]).toBe(0xb3);
    bytes[688] = 0x75;
    const dir = scratch('budget-graph-corrupt-');
    const file = join(dir, 'damaged.pdf');
    writeFileSync(file, bytes);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli', 'parse.ts'), file], { encoding: 'utf8', cwd: projectRoot, timeout: 60_000 });
    expect(run.stderr).toMatch(/BAD_DOCUMENT: damaged\.pdf: page 1: the PDF's content cannot be read \(Bad encoding in flate stream\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(1);
  });
});
