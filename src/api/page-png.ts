// A rendered page as pixels, painted and encoded without an image library (#39 item 2):
// pdftoppm writes binary PPM (P6, 8-bit RGB), boxes are painted black on it, and it leaves as a
// PNG (IHDR, one zlib IDAT, IEND, each with its CRC-32) — node:zlib does the compression.
import { deflateSync } from 'node:zlib';

/** Row-major 8-bit RGB pixels. */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Binary PPM (P6, maxval 255) → pixels. Throws on anything else: pdftoppm wrote it. */
export function parsePpm(bytes: Uint8Array): RgbImage {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x36) throw new Error('not a binary PPM (P6)');
  const fields: number[] = [];
  let at = 2;
  while (fields.length < 3 && at < bytes.length) {
    const c = bytes[at]!;
    if (c === 0x23) while (at < bytes.length && bytes[at] !== 0x0a) at++;
    else if (c >= 0x30 && c <= 0x39) {
      let v = 0;
      while (at < bytes.length && bytes[at]! >= 0x30 && bytes[at]! <= 0x39) v = v * 10 + bytes[at++]! - 0x30;
      fields.push(v);
      continue;
    }
    at++;
  }
  at++; // the one whitespace byte after maxval
  const [width = 0, height = 0, maxval = 0] = fields;
  if (maxval !== 255) throw new Error(`a PPM of maxval ${maxval}; expected 8-bit`);
  if (width < 1 || height < 1 || bytes.length - at < width * height * 3) throw new Error(`a PPM of ${width} × ${height} cut short`);
  return { width, height, pixels: bytes.subarray(at, at + width * height * 3) };
}

/** A box in PDF points from the page's top-left corner: [x0, top, x1, bottom]. */
export type PointBox = readonly [number, number, number, number];

/**
 * The pixels a box covers at `scale` pixels per point, grown outwards to whole pixels and by
 * `padPx` on each side (a glyph's ink may stand a little outside the box pdf.js measured), and
 * clipped to the image. Null when nothing of it is on the image.
 */
export function pixelBox(box: PointBox, scale: number, width: number, height: number, padPx = 2): [number, number, number, number] | null {
  const x0 = Math.max(0, Math.floor(Math.min(box[0], box[2]) * scale) - padPx);
  const y0 = Math.max(0, Math.floor(Math.min(box[1], box[3]) * scale) - padPx);
  const x1 = Math.min(width, Math.ceil(Math.max(box[0], box[2]) * scale) + padPx);
  const y1 = Math.min(height, Math.ceil(Math.max(box[1], box[3]) * scale) + padPx);
  return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null;
}

/** Paints each box solid black (in place): what was printed there does not leave. */
export function paintBlack(img: RgbImage, boxes: readonly PointBox[], scale: number): void {
  for (const box of boxes) {
    const px = pixelBox(box, scale, img.width, img.height);
    if (!px) continue;
    const [x0, y0, x1, y1] = px;
    for (let y = y0; y < y1; y++) img.pixels.fill(0, (y * img.width + x0) * 3, (y * img.width + x1) * 3);
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309, as PNG asks) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The image as a PNG: 8-bit RGB, no interlace, filter 0 (none) on every row. */
export function encodePng(img: RgbImage): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const stride = img.width * 3;
  const raw = Buffer.alloc((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++) raw.set(img.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', new Uint8Array(0))]);
}
