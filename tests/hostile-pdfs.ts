// Hostile PDFs, written at test time (never committed: a few of them are megabytes): each is a
// valid PDF that costs a reader far more than its size. Used by tests/unit/hostile-pdf.test.ts,
// tests/integration/pdf-ingest.test.ts and `npm run stress` (bench/stress/pdf-attacks.ts).
//
// - flateBomb: one page whose content stream is FlateDecode of 1 GiB of zeros (~1 MB of file).
// - nestedFlateBomb: the same stream compressed twice, /Filter [/FlateDecode /FlateDecode] (a few KB).
// - imageBomb: one page drawing a 40,000 × 40,000 greyscale image of zeros (1.6 G pixels, ~1.6 MB).
// - pageTreeBomb: a page tree declaring 100,000 pages (one page object reached through a tree of shared kids).
// - operatorFlood: one page drawing a form of 20,000 operators 500 times (10 M operators, a few KB).
// - fontWithoutUnicode: a page of text in a font with no ToUnicode map and glyph names that say nothing.
// - manyImages: one page drawing many distinct large greyscale images of zeros, each under the image cap.
// - type3ImageGlyphs: a page of text in a Type3 font whose glyphs each draw a large image (pdf.js decodes these).
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/** A PDF from its objects (1-based numbers, in order) with a correct xref table; object 1 is the catalog. */
export function pdfOf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(b);
    at += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object: its dictionary entries and its (already encoded) bytes. */
export function streamObject(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

/**
 * A zlib stream of `bytes` zero bytes (a multiple of 1 MiB), built without compressing them all:
 * 1 MiB of zeros deflated and sync-flushed (non-final blocks, ending on a byte) is repeated, then
 * a final empty block and the Adler-32 of that many zeros (a = 1, b = n mod 65521).
 */
export function deflatedZeros(bytes: number): Buffer {
  const MIB = 1024 * 1024;
  if (bytes % MIB !== 0) throw new Error('deflatedZeros: a multiple of 1 MiB');
  const unit = deflateRawSync(Buffer.alloc(MIB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((bytes % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: bytes / MIB }, () => unit), Buffer.from([0x03, 0x00]), adler]);
}

const catalog = '<< /Type /Catalog /Pages 2 0 R >>';
const onePage = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const page = (resources: string) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${resources} >> /Contents 4 0 R >>`;

const GIB = 1024 * 1024 * 1024;

/** One page whose content stream inflates to `bytes` of zeros (default 1 GiB). */
export function flateBomb(bytes = GIB): Buffer {
  return pdfOf([catalog, onePage, page(''), streamObject('/Filter /FlateDecode', deflatedZeros(bytes))]);
}

/** The same, compressed twice: a few kilobytes that inflate to `bytes`. */
export function nestedFlateBomb(bytes = GIB): Buffer {
  return pdfOf([catalog, onePage, page(''), streamObject('/Filter [/FlateDecode /FlateDecode]', deflateSync(deflatedZeros(bytes), { level: 9 }))]);
}

/** One page drawing a side × side greyscale image of zeros (default 40,000: 1.6 G pixels). */
export function imageBomb(side = 40_000): Buffer {
  const image = streamObject(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflatedZeros(Math.ceil((side * side) / 1024 / 1024) * 1024 * 1024));
  return pdfOf([catalog, onePage, page('/XObject << /Im0 5 0 R >>'), streamObject('', Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q\nBT /F1 12 Tf 72 720 Td (image) Tj ET')), image]);
}

/**
 * A page tree declaring `pages` pages (default 100,000) in a few objects: the root's kids are one
 * node repeated, whose kids are one page repeated. Every page number reaches a page.
 */
export function pageTreeBomb(pages = 100_000): Buffer {
  const fanOut = Math.ceil(Math.sqrt(pages));
  const inner = Math.ceil(pages / fanOut);
  const kids = (ref: string, n: number) => `[${Array.from({ length: n }, () => ref).join(' ')}]`;
  return pdfOf([
    catalog,
    `<< /Type /Pages /Kids ${kids('3 0 R', fanOut)} /Count ${fanOut * inner} >>`,
    `<< /Type /Pages /Parent 2 0 R /Kids ${kids('4 0 R', inner)} /Count ${inner} >>`,
    '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >> /Contents 5 0 R >>',
    streamObject('', Buffer.from('BT /F1 12 Tf 72 720 Td (page) Tj ET')),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** One page drawing a form of `perForm` operators `times` times (default 10 M operators in a few KB). */
export function operatorFlood(perForm = 20_000, times = 500): Buffer {
  const form = streamObject('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Filter /FlateDecode', deflateSync(Buffer.from('0 0 m 1 1 l\n'.repeat(perForm / 2))));
  return pdfOf([catalog, onePage, page('/XObject << /Fm0 5 0 R >>'), streamObject('/Filter /FlateDecode', deflateSync(Buffer.from('/Fm0 Do\n'.repeat(times)))), form]);
}

/**
 * A page of text in a simple font whose encoding names its glyphs /g1 … /g9 and that has no
 * ToUnicode map: what the glyphs mean cannot be known (a subset font exported without its map).
 */
export function fontWithoutUnicode(): Buffer {
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+SubsetSong /Encoding << /Type /Encoding /Differences [1 /g1 /g2 /g3 /g4 /g5 /g6 /g7 /g8 /g9] >> >>';
  const text = 'BT /F1 12 Tf 72 720 Td (\\001\\002\\003\\004\\005) Tj 0 -20 Td (\\006\\007\\010\\011) Tj ET';
  return pdfOf([catalog, onePage, page('/Font << /F1 5 0 R >>'), streamObject('', Buffer.from(text)), font]);
}

/**
 * A page of text in a Type3 font whose `glyphs` glyphs (a, b, c …) each draw a `side` × `side`
 * greyscale image of zeros: the one kind of image pdf.js decodes for the text reader (a Type3
 * glyph's drawing is part of its font), so the one the document's pixel cap still counts.
 */
export function type3ImageGlyphs(glyphs = 4, side = 2_000): Buffer {
  const names = Array.from({ length: glyphs }, (_, k) => String.fromCharCode(97 + k));
  // Objects 1-4 catalog, pages, page, content; 5 the font; then each glyph's procedure and image.
  const procAt = (k: number) => 6 + 2 * k;
  const font = `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /FirstChar 97 /LastChar ${96 + glyphs} /Widths [${names.map(() => 1000).join(' ')}] /Encoding << /Type /Encoding /Differences [97 ${names.map((n) => `/${n}`).join(' ')}] >> /CharProcs << ${names.map((n, k) => `/${n} ${procAt(k)} 0 R`).join(' ')} >> /Resources << /XObject << ${names.map((n, k) => `/I${n} ${procAt(k) + 1} 0 R`).join(' ')} >> >> >>`;
  const objects: (string | Buffer)[] = [catalog, onePage, page('/Font << /T3 5 0 R >>'), streamObject('', Buffer.from(`BT /T3 12 Tf 72 720 Td (${names.join('')}) Tj ET`)), font];
  const bytes = Math.ceil((side * side) / 1024 / 1024) * 1024 * 1024;
  for (const n of names) {
    objects.push(streamObject('', Buffer.from(`1000 0 d0 q 1000 0 0 1000 0 0 cm /I${n} Do Q`)));
    objects.push(streamObject(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflatedZeros(bytes)));
  }
  return pdfOf(objects);
}

/** One page drawing `count` distinct `side` × `side` greyscale images of zeros, each over the whole page. */
export function manyImages(count: number, side: number): Buffer {
  const names = Array.from({ length: count }, (_, k) => `Im${k}`);
  const image = streamObject(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflatedZeros(Math.ceil((side * side) / 1024 / 1024) * 1024 * 1024));
  const draw = names.map((n) => `q 595 0 0 842 0 0 cm /${n} Do Q`).join('\n');
  return pdfOf([catalog, onePage, page(`/XObject << ${names.map((n, k) => `/${n} ${5 + k} 0 R`).join(' ')} >>`), streamObject('', Buffer.from(draw)), ...names.map(() => image)]);
}
