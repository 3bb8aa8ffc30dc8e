// A page rendered to 8-bit gray pixels (pdftoppm -gray writes binary PGM, P5): the one image
// form the OCR stage handles, parsed and written here without an image library.

/** Row-major 8-bit gray pixels, 0 black … 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Binary PGM (P5, maxval ≤ 255) → pixels. Throws on anything else: pdftoppm -gray wrote it. */
export function parsePgm(bytes: Uint8Array): GrayImage {
  // Header: "P5", width, height, maxval, separated by whitespace (and # comments), one whitespace byte, then pixels.
  let at = 0;
  const fields: number[] = [];
  const magic = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (magic !== 'P5') throw new Error(`not a binary PGM (starts with ${JSON.stringify(magic)})`);
  at = 2;
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
  at++; // the single whitespace byte after maxval
  const [width = 0, height = 0, maxval = 0] = fields;
  if (maxval < 1 || maxval > 255) throw new Error(`a PGM of maxval ${maxval}; expected 8-bit gray`);
  if (bytes.length - at < width * height) throw new Error(`a PGM of ${width} × ${height} cut short`);
  return { width, height, pixels: bytes.slice(at, at + width * height) };
}

export function toPgm(img: GrayImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1'), img.pixels]);
}
