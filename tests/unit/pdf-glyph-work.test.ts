// What the PDF reader spares pdf.js, and that it reads the same for it (#37 item 9, #39).
//
// The text reader never draws a glyph. With disableFontFace, pdf.js built every shown glyph's
// outline for a canvas (parsing the font program a second time) and rewrote each CFF font program
// (its CFF compiler) for a font face: a 4.4 MB OpenType CFF font embedded whole (pdffonts: "DAAAAA+Noto
// Sans KR, CID Type 0C (OT), emb yes" in 上海市普陀区财政局2024年度部门决算.pdf, whose page 2, the
// contents, prints in it the year of 第二部分 上海市普陀区财政局2024年度部门决算表 and of 第三部分;
// pdftoppm -r 60 -f 2 -l 2) made that 25-page 决算 slower to read than pdfplumber reads it.
// The budget (pdf-budget.ts drawsGlyphs) now says no to both; pdf.js as shipped (no budget) still
// does them. What is read must not move: every text item and every glyph of the operator list the
// same with and without the budget, on that page and on a PDF whose font is a bare CFF program
// (FontFile3 /CIDFontType0C, the other place the CFF compiler ran), made here from that font.
//
// And pdf.js's legacy build replaced built-ins of the whole thread with slower JavaScript
// (core-js: Array.prototype.push, JSON.stringify 10× slower under Node 20): they are put back.
//
// Flate streams: pdf.js inflated them through the platform's DecompressionStream (web streams: a
// writer, a reader, promises and events for each chunk, more than the inflating costs); the
// budget inflates them with zlib at once (pdf-budget.ts inflate), within its cap. The same bytes,
// and a damaged stream (cut short, junk after its end) read as pdf.js read it before.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync, constants } from 'node:zlib';
import { projectRoot } from '../../src/config.js';
import { extractPdf } from '../../src/source/pdf/extract.js';
import { PDF_CAPS, PdfBudget, PdfTooLargeError } from '../../src/source/pdf/pdf-budget.js';
import { GUARD_GLOBAL, loadGuardedPdfJs } from '../../src/source/pdf/pdfjs-guarded.js';
import { pdfOf, streamObject } from '../hostile-pdfs.js';

// Taken before pdf.js is first loaded in this test file's thread.
const NATIVE = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, toString: Function.prototype.toString };

const DECISION = join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区财政局2024年度部门决算.pdf');

/** The font programs a PDF embeds as FontFile2 (their dictionaries carry /Length1), inflated. */
function fontFile2Programs(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/<<[^>]*\/Length1 \d+[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    out.push(inflateSync(pdf.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH }));
  }
  return out;
}

/** One table of an OpenType font (its table directory: tag, checksum, offset, length). */
function openTypeTable(font: Uint8Array, tag: string): Buffer | null {
  const b = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  const tables = b.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + 16 * i;
    if (b.toString('latin1', at, at + 4) === tag) return b.subarray(b.readUInt32BE(at + 8), b.readUInt32BE(at + 8) + b.readUInt32BE(at + 12));
  }
  return null;
}

/** The embedded OpenType CFF font of the 决算 (the only FontFile2 program starting "OTTO") and its CFF table. */
function embeddedCff(): Buffer {
  const otf = fontFile2Programs(readFileSync(DECISION)).find((p) => p.toString('latin1', 0, 4) === 'OTTO');
  if (!otf) throw new Error('the 决算 embeds no OpenType CFF font');
  const cff = openTypeTable(otf, 'CFF ');
  if (!cff) throw new Error('its OpenType font has no CFF table');
  return cff;
}

/** The text the bare-CFF PDF prints, one character a code (ToUnicode), 24 pt each (/W 1000). */
const PRINTED = '预算数合计';

/**
 * A one-page PDF printing PRINTED in a CID font whose program is a bare CFF (FontFile3
 * /CIDFontType0C): the 决算's CFF table, codes 1-5 (Identity-H), each 1000 units wide, at x = 20.
 */
function bareCffPdf(cff: Buffer): Buffer {
  const codes = [...PRINTED].map((_, k) => (k + 1).toString(16).padStart(4, '0'));
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${codes.length} beginbfchar`,
    ...[...PRINTED].map((ch, k) => `<${codes[k]}> <${ch.charCodeAt(0).toString(16).padStart(4, '0')}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    streamObject('', Buffer.from(`BT /F1 24 Tf 20 40 Td <${codes.join('')}> Tj ET`)),
    '<< /Type /Font /Subtype /Type0 /BaseFont /BareCff /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>',
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /BareCff /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>`,
    '<< /Type /FontDescriptor /FontName /BareCff /Flags 4 /FontBBox [-991 -1050 2930 1810] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 733 /StemV 80 /FontFile3 8 0 R >>',
    streamObject('/Subtype /CIDFontType0C /Filter /FlateDecode', deflateSync(cff)),
    streamObject('', Buffer.from(toUnicode, 'latin1')),
  ]);
}

interface Read {
  /** getTextContent's items: text, matrix, width. */
  items: string[];
  /** Every glyph the operator list shows: its text, width, whether a space. */
  glyphs: string[];
  /** Glyph outlines pdf.js handed over for a canvas. */
  outlines: number;
  /** The font programs pdf.js handed over, by font name. */
  fonts: Map<string, Uint8Array>;
}

/**
 * One page as pdf.js reads it, with the reader's budget (text only) or without any (pdf.js as
 * shipped). The reader's options, and fontExtraProperties: the font programs are kept where the
 * page's fonts are, to be looked at (without it pdf.js drops them once handed over).
 */
async function readWith(bytes: Uint8Array, page: number, budget: PdfBudget | null): Promise<Read> {
  const lib = await loadGuardedPdfJs();
  if (budget) Reflect.set(globalThis, GUARD_GLOBAL, budget);
  else Reflect.deleteProperty(globalThis, GUARD_GLOBAL);
  const root = join(projectRoot, 'node_modules', 'pdfjs-dist');
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), cMapUrl: `${root}/cmaps/`, standardFontDataUrl: `${root}/standard_fonts/`, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, fontExtraProperties: true }).promise;
  try {
    const p = await doc.getPage(page);
    const content = await p.getTextContent();
    const items = content.items.map((item) => ('str' in item ? JSON.stringify([item.str, item.transform, item.width, item.height, item.hasEOL]) : 'marked'));
    const ops = await p.getOperatorList();
    const glyphs: string[] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn !== lib.OPS.showText) return;
      const shown: unknown = ops.argsArray[i]?.[0];
      if (!Array.isArray(shown)) return;
      for (const g of shown) glyphs.push(typeof g === 'number' ? String(g) : JSON.stringify([g?.unicode, g?.width, g?.isSpace, g?.fontChar]));
    });
    let outlines = 0;
    const fonts = new Map<string, Uint8Array>();
    for (const [id, obj] of p.commonObjs) {
      if (/_path_/.test(id)) outlines++;
      const data: unknown = obj && typeof obj === 'object' && 'data' in obj ? obj.data : null;
      if (data instanceof Uint8Array) fonts.set(id, data);
    }
    return { items, glyphs, outlines, fonts };
  } finally {
    await doc.destroy();
    Reflect.deleteProperty(globalThis, GUARD_GLOBAL);
  }
}

const cffTables = (r: Read) => [...r.fonts.values()].map((f) => openTypeTable(f, 'CFF ')).filter((t): t is Buffer => t !== null);

describe('the text reader spares pdf.js the work of drawing glyphs', () => {
  it('the 决算 page 2 (its contents: the year 2024 of two headings in the OpenType CFF font): the same text items and glyphs, no outlines, the CFF not rewritten', async () => {
    const bytes = readFileSync(DECISION);
    const shipped = await readWith(bytes, 2, null);
    const reader = await readWith(bytes, 2, new PdfBudget('decision.pdf'));
    // What is read, unmoved.
    expect(reader.items.length).toBeGreaterThan(20);
    expect(reader.items).toEqual(shipped.items);
    expect(reader.glyphs).toEqual(shipped.glyphs);
    expect(reader.items.filter((item) => item.startsWith('["2024"'))).toHaveLength(2);
    // What is spared: pdf.js as shipped built outlines and rewrote the CFF; the reader's budget neither.
    expect(shipped.outlines).toBeGreaterThan(0);
    expect(reader.outlines).toBe(0);
    const original = embeddedCff();
    expect(cffTables(shipped).some((t) => t.equals(original))).toBe(false);
    expect(cffTables(reader).some((t) => t.equals(original))).toBe(true);
  }, 60_000);

  it('a bare CFF font program (FontFile3 /CIDFontType0C): the same glyphs, read as printed, its program kept as given', async () => {
    const cff = embeddedCff();
    const pdf = bareCffPdf(cff);
    const shipped = await readWith(pdf, 1, null);
    const reader = await readWith(pdf, 1, new PdfBudget('bare-cff.pdf'));
    expect(reader.items).toEqual(shipped.items);
    expect(reader.glyphs).toEqual(shipped.glyphs);
    expect(shipped.outlines).toBeGreaterThan(0);
    expect(reader.outlines).toBe(0);
    expect(cffTables(shipped).some((t) => t.equals(cff))).toBe(false);
    expect(cffTables(reader).some((t) => t.equals(cff))).toBe(true);
    // Through the reader: each character where the PDF sets it, 24 pt apart from x = 20.
    const [page] = await extractPdf(pdf, 'bare-cff.pdf');
    expect(page?.glyphs.map((g) => g.text).join('')).toBe(PRINTED);
    expect(page?.glyphs.map((g) => Math.round(g.x0))).toEqual([20, 44, 68, 92, 116]);
    expect(page?.runs.map((r) => r.text).join('')).toBe(PRINTED);
  }, 60_000);
});

/** A one-page PDF in Helvetica whose content stream is `content` with the dictionary entries `filter`. */
function helveticaPdf(content: Buffer, filter: string): Buffer {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    streamObject(filter, content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

const LINES = Array.from({ length: 40 }, (_, k) => `Budget line ${k + 1} 1,234.56`);
const CONTENT = Buffer.from(LINES.map((line, k) => `BT /F1 10 Tf 20 ${190 - 4 * k} Td (${line}) Tj ET`).join('\n'));

describe('Flate streams are inflated by the budget, within its cap', () => {
  const deflated = deflateSync(CONTENT);
  const cases: [string, Buffer][] = [
    ['whole', deflated],
    ['junk after its end', Buffer.concat([deflated, Buffer.from('\r\n%junk after the stream\r\n')])],
    // Its last 40 bytes and its check missing: pdf.js's own decoder reads what is there.
    ['cut short', deflated.subarray(0, deflated.length - 40)],
    ['not zlib at all', Buffer.from('this is not a zlib stream')],
  ];
  for (const [what, stream] of cases)
    it(`a content stream ${what}: the same text items and glyphs as pdf.js inflating it itself, or the same failure`, async () => {
      const pdf = helveticaPdf(stream, '/Filter /FlateDecode');
      const outcome = async (budget: PdfBudget | null) => {
        try {
          const { items, glyphs } = await readWith(pdf, 1, budget);
          return { items, glyphs };
        } catch (err) {
          return { failed: err instanceof Error ? err.message : String(err) };
        }
      };
      const shipped = await outcome(null);
      const inflate = vi.spyOn(PdfBudget.prototype, 'inflate');
      const reader = await outcome(new PdfBudget('flate.pdf'));
      // A stream without a zlib header is refused by pdf.js before anything inflates it.
      if (what !== 'not zlib at all') expect(inflate).toHaveBeenCalled();
      inflate.mockRestore();
      expect(reader).toEqual(shipped);
      if (what === 'whole' || what === 'junk after its end') expect('items' in reader && reader.items).toHaveLength(LINES.length);
    }, 60_000);

  it('each line read where the page prints it, through the reader', async () => {
    const pages = await extractPdf(helveticaPdf(deflateSync(CONTENT), '/Filter /FlateDecode'), 'flate.pdf');
    expect(pages[0]?.runs.map((r) => r.text)).toEqual(LINES);
  });

  it('past the cap, zlib stops there and the document is refused with decodedBytes', async () => {
    // 40 lines of text inflate to CONTENT.length bytes; a cap below that is passed by this stream.
    const caps = { ...PDF_CAPS, decodedBytes: CONTENT.length - 100 };
    let refused: unknown;
    try {
      await extractPdf(helveticaPdf(deflateSync(CONTENT), '/Filter /FlateDecode'), 'flate.pdf', caps);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(PdfTooLargeError);
    expect(refused instanceof PdfTooLargeError && refused.details).toMatchObject({ cap: 'decodedBytes', limit: CONTENT.length - 100 });
  });
});

describe('a Flate bomb against the budget alone', () => {
  it('zlib stops at the room left under the cap: what was decoded is the cap and one byte, never the whole stream', () => {
    const cap = 1024 * 1024;
    const budget = new PdfBudget('bomb.pdf', { ...PDF_CAPS, decodedBytes: cap });
    // 64 MiB of zeros deflate to about 64 KB.
    expect(() => budget.inflate('deflate', deflateSync(Buffer.alloc(64 * 1024 * 1024)))).toThrow();
    expect(budget.decodedBytes).toBeLessThanOrEqual(cap + 1);
    expect(budget.passed?.cap).toBe('decodedBytes');
  });
});

describe('pdf.js leaves the thread its native built-ins', () => {
  it('Array.prototype.push, JSON.stringify, JSON.parse and Function.prototype.toString are the ones before pdf.js loaded; what Node lacks stays added', async () => {
    await extractPdf(bareCffPdf(embeddedCff()), 'bare-cff.pdf');
    expect(Array.prototype.push).toBe(NATIVE.push);
    expect(JSON.stringify).toBe(NATIVE.stringify);
    expect(JSON.parse).toBe(NATIVE.parse);
    expect(Function.prototype.toString).toBe(NATIVE.toString);
    // pdf.js calls Promise.withResolvers (Node 22's; the legacy build brings it to Node 20).
    expect(typeof Reflect.get(Promise, 'withResolvers')).toBe('function');
  }, 60_000);
});
