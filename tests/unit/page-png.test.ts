// The page image's pixels (#39 item 2, src/api/page-png.ts): PPM in, boxes in PDF points painted
// black at the image's scale, PNG out — read back with node:zlib and checked pixel by pixel.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, paintBlack, parsePpm, pixelBox, type PointBox } from '../../src/api/page-png.js';
type PointBoxes = PointBox[];
import { redactedBoxes, rotated } from '../../src/api/page-images.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { placesJson } from '../../src/load/places.js';
import { extractPdf } from '../../src/source/pdf/extract.js';
import { renderPdf } from '../../src/source/pdf/render.js';

const white = (width: number, height: number) => ({ width, height, pixels: new Uint8Array(width * height * 3).fill(255) });

describe('page pixels', () => {
  it('CRC-32 of "IEND" is the value every PNG ends with (ae426082)', () => {
    expect(crc32(Buffer.from('IEND', 'latin1')).toString(16)).toBe('ae426082');
    expect(crc32(Buffer.from('123456789', 'latin1')).toString(16)).toBe('cbf43926');
  });

  it('reads a P6 header with a comment', () => {
    const img = parsePpm(Buffer.concat([Buffer.from('P6\n# by hand\n2 1\n255\n', 'latin1'), Buffer.from([1, 2, 3, 4, 5, 6])]));
    expect([img.width, img.height, [...img.pixels]]).toEqual([2, 1, [1, 2, 3, 4, 5, 6]]);
    expect(() => parsePpm(Buffer.from('P5\n1 1\n255\n\0', 'latin1'))).toThrow(/P6/);
    expect(() => parsePpm(Buffer.from('P6\n2 2\n255\n\0\0\0', 'latin1'))).toThrow(/cut short/);
  });

  it('a box in points covers the pixels points × scale, grown to whole pixels and clipped', () => {
    // 100 dpi: 72 pt = 100 px. [36, 72, 108, 90] pt → x 50..150, y 100..125, and 2 px of margin.
    expect(pixelBox([36, 72, 108, 90], 100 / 72, 1000, 1000)).toEqual([48, 98, 152, 127]);
    expect(pixelBox([36, 72, 108, 90], 100 / 72, 1000, 1000, 0)).toEqual([50, 100, 150, 125]);
    expect(pixelBox([-10, -10, 5, 5], 1, 100, 100, 0)).toEqual([0, 0, 5, 5]);
    expect(pixelBox([200, 200, 300, 300], 1, 100, 100)).toBeNull();
  });

  it('paints exactly the box black and encodes a PNG whose rows read back', () => {
    const img = white(20, 10);
    paintBlack(img, [[4, 2, 8, 5]], 1);
    const png = encodePng(img);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const ihdr = png.subarray(16, 29);
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([20, 10, 8, 2]);
    const idatLen = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLen));
    expect(raw.length).toBe(10 * (20 * 3 + 1));
    for (let y = 0; y < 10; y++)
      for (let x = 0; x < 20; x++) {
        // pad 2: x 2..10, y 0..7.
        const inside = x >= 2 && x < 10 && y >= 0 && y < 7;
        expect(raw[y * 61 + 1 + x * 3], `${x},${y}`).toBe(inside ? 0 : 255);
      }
  });
});

describe('which bands a page paints', () => {
  const place = (page: number, box?: number[]) => JSON.stringify(box ? { page, box, cells: [box] } : { page });
  const diag = (code: string, line: number) => JSON.stringify({ level: 'INFO', code, message: '', line });
  const E = 1e6;
  it("a redacted line: the page's width, from its top down to where the next line starts", () => {
    const places = [place(1, [1, 1, 9, 9]), place(2, [10, 10, 20, 20]), place(2, [30, 30, 40, 40])];
    const diagnostics = [diag('PERSONAL_DATA_REDACTED', 2), diag('AMOUNT_REPAIRED', 3), diag('PII_DROPPED', 1)];
    // Page 2: line 2 down to line 3, and the head of the page down to line 2 (line 1's continuation).
    expect(redactedBoxes(diagnostics, places, 2)).toEqual({ boxes: [[0, 10, E, 30], [0, 0, E, 10]] });
    // Line 1's next line opens page 2: line 1 is painted to page 1's foot and page 2 from its head to line 2.
    expect(redactedBoxes(diagnostics, places, 1)).toEqual({ boxes: [[0, 1, E, E]] });
    expect(redactedBoxes([diag('PII_DROPPED', 1)], places, 2)).toEqual({ boxes: [[0, 0, E, 10]] });
    expect(redactedBoxes(diagnostics, places, 3)).toEqual({ boxes: [] });
  });
  it("the last line of a document: down to its page's foot", () => {
    expect(redactedBoxes([diag('PERSONAL_DATA_REDACTED', 2)], [place(1, [1, 1, 9, 9]), place(1, [1, 20, 9, 29])], 1)).toEqual({ boxes: [[0, 20, E, E]] });
  });
  it('withholds a page where a redacted line has no box, and every page when its place is unknown', () => {
    expect(redactedBoxes([diag('PERSONAL_DATA_REDACTED', 1)], [place(2)], 2)).toHaveProperty('withheld');
    expect(redactedBoxes([diag('PERSONAL_DATA_REDACTED', 1)], [place(2)], 1)).toEqual({ boxes: [] });
    expect(redactedBoxes([diag('PERSONAL_DATA_REDACTED', 5)], [place(2)], 1)).toHaveProperty('withheld');
  });
});

describe('a redacted line painted over its own printed lines', () => {
  const diag = (code: string, line: number) => JSON.stringify({ level: 'INFO', code, message: '', line });
  const row = (page: number, box: number[]) => JSON.stringify({ page, box, cells: [box, box] });
  const E = 1e6;
  it('a table row whose next line is on its page: its box only; one the break may have cut: its box and the next page’s head', () => {
    const places = [row(1, [10, 10, 90, 20]), row(1, [10, 20, 90, 30]), row(2, [10, 40, 90, 50])];
    expect(redactedBoxes([diag('PII_DROPPED', 1)], places, 1)).toEqual({ boxes: [[10, 10, 90, 20]] });
    expect(redactedBoxes([diag('PII_DROPPED', 2)], places, 1)).toEqual({ boxes: [[10, 20, 90, 30]] });
    expect(redactedBoxes([diag('PII_DROPPED', 2)], places, 2)).toEqual({ boxes: [[0, 0, E, 40]] });
    // The document's last row: its box, and the next page whole (none here is printed on).
    expect(redactedBoxes([diag('PII_DROPPED', 3)], places, 2)).toEqual({ boxes: [[10, 40, 90, 50]] });
    expect(redactedBoxes([diag('PII_DROPPED', 3)], places, 3)).toEqual({ boxes: [[0, 0, E, E]] });
  });

  // 上海市普陀区人民政府办公室单位25年预算.pdf page 3 (pdftoppm -r 60 -f 3 -l 3): the paragraph
  // "上海市普陀区人民政府办公室是协助区政府领导处理…" is printed over three lines, the third
  // "事务管理局合署办公。" short, and "主要职能包括：" under it.
  it('a wrapped paragraph whose place says its printed lines: those three boxes, not a band down to the next line', async () => {
    const pages = await extractPdf(readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室单位25年预算.pdf')), 'office.pdf');
    const { lines } = renderPdf(pages);
    const at = lines.findIndex((l) => l.text.startsWith('上海市普陀区人民政府办公室是协助区政府领导处理'));
    const paragraph = lines[at]!;
    expect(paragraph.page).toBe(3);
    expect(paragraph.text.endsWith('事务管理局合署办公。')).toBe(true);
    expect(paragraph.more).toHaveLength(2);
    const next = lines[at + 1]!;
    expect(next.text).toMatch(/^主要职能包括/);
    const stored = placesJson(lines.map((l) => ({ page: l.page, box: l.box, cells: l.cells, more: l.more })), lines.length)!;
    const found = redactedBoxes([diag('PERSONAL_DATA_REDACTED', at + 1)], stored, 3) as { boxes: PointBoxes };
    expect(found.boxes).toEqual([paragraph.box, ...paragraph.more.map((m) => m.box)]);
    // One printed line under another, the last one short, the next line untouched.
    const [first, second, third] = found.boxes as [PointBox, PointBox, PointBox];
    expect(first[3]).toBeLessThanOrEqual(second[1]);
    expect(second[3]).toBeLessThanOrEqual(third[1]);
    expect(third[2] - third[0]).toBeLessThan((first[2] - first[0]) / 3);
    expect(third[3]).toBeLessThanOrEqual(next.box[1]);
  }, 60_000);
});

describe('a rotated page', () => {
  // A 100 × 200 pt page, a box at its top-left corner: where it stands once /Rotate turns the page clockwise.
  it('moves the box with the page', () => {
    expect(rotated([0, 0, 10, 20], 0, 100, 200)).toEqual([0, 0, 10, 20]);
    // 90: the page is 200 wide; its left edge becomes the top, its top-left corner the top-right.
    expect(rotated([0, 0, 10, 20], 90, 100, 200)).toEqual([180, 0, 200, 10]);
    expect(rotated([0, 0, 10, 20], 180, 100, 200)).toEqual([90, 180, 100, 200]);
    // 270: the top-left corner goes to the bottom-left.
    expect(rotated([0, 0, 10, 20], 270, 100, 200)).toEqual([0, 90, 20, 100]);
  });
});
