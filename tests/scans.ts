// The suite's own scans (#39 item 3): pages of a PDF the suite has, printed to gray pixels
// (poppler's pdftoppm) and wrapped as pictures in a PDF of their own — a page with no text layer,
// as a scanner makes one. Written at test time, never committed. Used by tests/unit/ocr-scan.test.ts
// and bench (OCR pages a minute, amounts exact).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { parsePgm } from '../src/source/ocr/gray-image.js';
import { pdfOf, streamObject } from './hostile-pdfs.js';

/** The page's size in points (pdfinfo), as its picture's page gets. */
function pageSize(pdf: string, n: number): [number, number] {
  const info = execFileSync('pdfinfo', ['-f', String(n), '-l', String(n), pdf], { encoding: 'utf8' });
  const m = /Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  if (!m) throw new Error(`no size for page ${n} of ${pdf}`);
  return [Number(m[1]), Number(m[2])];
}

/** Pages `numbers` of `pdf` as an image-only PDF: each page one gray picture at `dpi` (FlateDecode), no text. */
export function scanOf(pdf: string, numbers: readonly number[], dpi = 200): Buffer {
  const objects: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: number[] = [];
  for (const n of numbers) {
    const [w, h] = pageSize(pdf, n);
    const img = parsePgm(execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(n), '-l', String(n), pdf], { maxBuffer: 256 * 1024 * 1024 }));
    const pageId = objects.length + 1;
    kids.push(pageId);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${pageId + 2} 0 R >> >> /Contents ${pageId + 1} 0 R >>`);
    objects.push(streamObject('', Buffer.from(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`)));
    objects.push(streamObject(`/Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(img.pixels)));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return pdfOf(objects);
}

/** `pdf` with pages `numbers` replaced by their scans (pdfseparate / pdfunite), as bytes. */
export function withScannedPages(pdf: string, numbers: readonly number[], dpi = 200): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'budget-graph-scan-'));
  try {
    execFileSync('pdfseparate', [pdf, join(dir, 'page-%d.pdf')]);
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    for (const n of numbers) writeFileSync(join(dir, `page-${n}.pdf`), scanOf(pdf, [n], dpi));
    const out = join(dir, 'out.pdf');
    execFileSync('pdfunite', [...Array.from({ length: count }, (_, k) => join(dir, `page-${k + 1}.pdf`)), out]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The JPEG's pixel size and components, from its start-of-frame marker (SOF0-SOF15 except
 * DHT/JPG/DAC): the picture's /ColorSpace must say as many components as the JPEG holds, as
 * img2pdf writes it — pdftoppm's -gray -jpeg writes three (a grey picture in YCbCr), and declared
 * /DeviceGray its pixels were read a third of a pixel each, the page sheared into stripes that
 * OCR read no word of.
 */
function jpegSize(jpeg: Buffer): [number, number, number] {
  for (let i = 2; i + 9 < jpeg.length; ) {
    if (jpeg[i] !== 0xff) throw new Error('jpegSize: not a JPEG marker');
    const marker = jpeg[i + 1]!;
    const length = jpeg.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return [jpeg.readUInt16BE(i + 7), jpeg.readUInt16BE(i + 5), jpeg[i + 9]!];
    i += 2 + length;
  }
  throw new Error('jpegSize: no start-of-frame marker');
}

/**
 * Pages `numbers` of `pdf` as a scanner's PDF: each page one gray JPEG at `dpi` (pdftoppm -jpeg,
 * at `quality`), embedded as it is (/DCTDecode), as img2pdf makes one. A 300-dpi A4 page is
 * 8.7 M pixels in ~0.56 MB of file at quality 75 (pdftoppm's default), ~0.4 MB at 50.
 */
export function jpegScanOf(pdf: string, numbers: readonly number[], dpi = 300, quality = 75): Buffer {
  const objects: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: number[] = [];
  for (const n of numbers) {
    const [w, h] = pageSize(pdf, n);
    const jpeg = execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-jpeg', '-jpegopt', `quality=${quality}`, '-f', String(n), '-l', String(n), pdf], { maxBuffer: 256 * 1024 * 1024 });
    const [pw, ph, components] = jpegSize(jpeg);
    const colours = components === 1 ? '/DeviceGray' : components === 3 ? '/DeviceRGB' : '/DeviceCMYK';
    const pageId = objects.length + 1;
    kids.push(pageId);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${pageId + 2} 0 R >> >> /Contents ${pageId + 1} 0 R >>`);
    objects.push(streamObject('', Buffer.from(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`)));
    objects.push(streamObject(`/Type /XObject /Subtype /Image /Width ${pw} /Height ${ph} /ColorSpace ${colours} /BitsPerComponent 8 /Filter /DCTDecode`, jpeg));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return pdfOf(objects);
}
