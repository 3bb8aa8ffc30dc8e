// The printed page (#39 item 2): a PDF document's page is served as a PNG rendered from the kept
// original, every line whose personal data the loader redacted painted black over its box; the
// PDF's bytes are reachable by no URL; removing the document removes its original.
//
// What the page prints was read on the rendered page, not from the parser: `pdftoppm -r 60 -f 2
// -l 2 -png tests/fixtures/personal-data-form.pdf` shows under its 收支总表 the lines 项目负责人：
// 尚明芳, 联系人 柳如烟, 联 系 人：江小白, 经办人员：龙傲天, 联系电话（座机）：021-52564588, a sentence
// with an e-mail address and 13912345678, and a table 填报人 | 林黛玉、薛宝钗 | 联系电话 | 28336292 /
// 手机号码 | 13800138000 | 身份证号 | 11010519491231002X; page 1 is blank. 上海市普陀区财政局2024年度
// 部门决算 page 8 is A4 landscape (pdfinfo: 841.92 x 595.32 pts). `pdftoppm -r 50 -f 1 -l 1 -png
// tests/fixtures/personal-data-footer.pdf` (LibreOffice, from the .html beside it) shows a title, a
// 收支总表, 项目负责人：尚明芳, 二、部门支出总表 and a one-row table 填报人 | 林黛玉 | 联系电话 |
// 28336292 in the page's upper third, and its page number "- 1 -" centred at its foot.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { QueryRunner } from '../../src/db/run.js';
import type { Database } from '../../src/db/connection.js';
import { loadFiles } from '../../src/load/directory.js';
import { originalsDir, originalPath } from '../../src/load/originals.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { PAGE_IMAGE_LIMITS, redactedBoxes, rotated } from '../../src/api/page-images.js';
import { pixelBox, type PointBox } from '../../src/api/page-png.js';
import { testDatabase, wipe } from './helpers.js';
import { scratchDirs } from '../scratch-dirs.js';

const scratch = scratchDirs();

const FINAL = '上海市普陀区财政局2024年度部门决算';
const FORM = 'personal-data-form';
const FOOTER = 'personal-data-footer';
const TEXT = '002_94a530100b90bc43';
const TOKEN = 'page-images-token-0123456789';
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = await testDatabase();
  await wipe(db);
  await loadFiles(new QueryRunner(db), [join(projectRoot, 'tests', 'fixtures', 'real', `${FINAL}.pdf`), join(projectRoot, 'tests', 'fixtures', `${FORM}.pdf`), join(projectRoot, 'tests', 'fixtures', `${FOOTER}.pdf`), join(projectRoot, 'data', `${TEXT}.txt`)]);
  server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: TOKEN });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

const pageUrl = (id: string, page: number | string) => new URL(`/documents/${encodeURIComponent(id)}/pages/${page}.png`, server.url).href;
const get = (url: string, headers: Record<string, string> = PREFLIGHT) => fetch(url, { headers });

/** Our PNGs: 8-bit RGB, filter 0 on every row (src/api/page-png.ts); anything else fails here. */
function decodePng(bytes: Buffer): { width: number; height: number; rgb: Buffer } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < bytes.length) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 3 + 1)]).toBe(0);
    raw.copy(rgb, y * width * 3, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  }
  return { width, height, rgb };
}

/** pdftoppm's binary PPM (P6, 8-bit): the page as printed, nothing painted. */
function decodePpm(bytes: Buffer): { width: number; height: number; rgb: Buffer } {
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
  const [width, height] = [Number(head[1]), Number(head[2])];
  return { width, height, rgb: bytes.subarray(head[0].length, head[0].length + width * height * 3) };
}

async function pageSource(id: string) {
  const rec = (await new QueryRunner(db).read('document-page-source', { id })).records[0]!;
  return { sha256: rec.get('sha256') as string | null, diagnostics: rec.get('diagnostics') as string[], places: rec.get('places') as string[] };
}

/** Whether every pixel of the box (without the painter's margin) is black. */
function allBlack(img: { width: number; height: number; rgb: Buffer }, box: PointBox, scale: number): boolean {
  const px = pixelBox(box, scale, img.width, img.height, 0)!;
  for (let y = px[1]; y < px[3]; y++) for (let x = px[0]; x < px[2]; x++) for (let c = 0; c < 3; c++) if (img.rgb[(y * img.width + x) * 3 + c] !== 0) return false;
  return true;
}

describe('a PDF document’s printed page', () => {
  it('is a PNG of the page at 100 dpi', async () => {
    const res = await get(pageUrl(FINAL, 8));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const img = decodePng(Buffer.from(await res.arrayBuffer()));
    // 841.92 × 595.32 pt at 100/72 px per point.
    expect(Math.abs(img.width - (841.92 * 100) / 72)).toBeLessThanOrEqual(1);
    expect(Math.abs(img.height - (595.32 * 100) / 72)).toBeLessThanOrEqual(1);
    expect(Number(res.headers.get('x-page-scale'))).toBeCloseTo(100 / 72, 2);
    // A printed page: dark ink on white, not a blank or a black image.
    const dark = img.rgb.filter((v) => v < 128).length / img.rgb.length;
    expect(dark).toBeGreaterThan(0.002);
    expect(dark).toBeLessThan(0.3);
  });

  it('has every line whose personal data was redacted painted black, on the form’s page 2', async () => {
    const src = await pageSource(FORM);
    const found = redactedBoxes(src.diagnostics, src.places, 2);
    expect('boxes' in found).toBe(true);
    const boxes = (found as { boxes: PointBox[] }).boxes;
    // At least the six lines and two table rows under the table (read on the page); each a box.
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    const res = await get(pageUrl(FORM, 2));
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
    writeFileSync(join(projectRoot, 'test-results', 'page-image-personal-data-form-p2.png'), png);
    const img = decodePng(png);
    const scale = Number(res.headers.get('x-page-scale'));
    for (const box of boxes) expect(allBlack(img, box, scale)).toBe(true);
    // The title and table above them are not painted: above the first band, ink on white.
    const top = Math.floor(Math.min(...boxes.map((b) => b[1])) * scale) - 3;
    const above = img.rgb.subarray(0, top * img.width * 3);
    expect(top).toBeGreaterThan(100);
    expect(above.filter((v) => v === 0).length / above.length).toBeLessThan(0.05);
    expect(above.filter((v) => v < 128).length).toBeGreaterThan(1000);
  });

  it('a redacted table row is painted over its own box: what is printed below it stays (the page number at the foot)', async () => {
    const src = await pageSource(FOOTER);
    const found = redactedBoxes(src.diagnostics, src.places, 1) as { boxes: PointBox[] };
    // The 填报人 row, the page's lowest redacted line: painted over its box, not down to the foot.
    const row = found.boxes.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(row[2]).toBeLessThan(595);
    const res = await get(pageUrl(FOOTER, 1));
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
    writeFileSync(join(projectRoot, 'test-results', 'page-image-personal-data-footer-p1.png'), png);
    const served = decodePng(png);
    const scale = Number(res.headers.get('x-page-scale'));
    expect(allBlack(served, row, scale)).toBe(true);
    // The page as printed, unpainted, at the same size: below the row (and its painter's margin)
    // the served page is the printed page, pixel for pixel, and it prints there: "- 1 -".
    const ppm = execFileSync('pdftoppm', ['-r', (PAGE_IMAGE_LIMITS.maxScale * 72).toFixed(4), '-f', '1', '-l', '1', join(projectRoot, 'tests', 'fixtures', `${FOOTER}.pdf`)], { maxBuffer: 64 * 1024 * 1024 });
    const printed = decodePpm(ppm);
    expect([printed.width, printed.height]).toEqual([served.width, served.height]);
    const from = (Math.ceil(row[3] * scale) + 3) * served.width * 3;
    const below = served.rgb.subarray(from);
    expect(below.equals(printed.rgb.subarray(from))).toBe(true);
    // The page number's ink: dark pixels in the page's lowest tenth.
    const foot = printed.rgb.subarray(Math.floor(printed.height * 0.9) * printed.width * 3);
    expect(foot.filter((v) => v < 128).length).toBeGreaterThan(20);
  });

  it('every served page of every document: each redacted line’s box is black', async () => {
    let crawled = 0;
    for (const id of [FINAL, FORM, FOOTER]) {
      const src = await pageSource(id);
      for (let page = 1; ; page++) {
        const res = await get(pageUrl(id, page));
        if (res.status === 404) break;
        expect(res.status).toBe(200);
        const img = decodePng(Buffer.from(await res.arrayBuffer()));
        const found = redactedBoxes(src.diagnostics, src.places, page) as { boxes: PointBox[] };
        for (const box of found.boxes) expect(allBlack(img, box, Number(res.headers.get('x-page-scale')))).toBe(true);
        crawled++;
      }
    }
    // The 决算's pages and the form's two.
    expect(crawled).toBeGreaterThan(10);
  }, 120_000);

  it('is refused without the preflight header, for another Host, for a bad or missing page', async () => {
    expect((await get(pageUrl(FINAL, 1), {})).status).toBe(400);
    const host = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const u = new URL(pageUrl(FINAL, 1));
        const r = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host: 'evil.example', ...PREFLIGHT } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        r.on('error', reject);
        r.end();
      }, reject);
    });
    expect(host).toBe(421);
    for (const bad of ['0', '-1', 'x', '1e3', '99999999999']) expect((await get(pageUrl(FINAL, bad))).status).toBe(400);
    const beyond = await get(pageUrl(FINAL, 999));
    expect(beyond.status).toBe(404);
    expect(((await beyond.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect((await get(pageUrl('no-such-document', 1))).status).toBe(404);
    // A text document has no printed page: its text view stays.
    expect((await get(pageUrl(TEXT, 1))).status).toBe(404);
  });

  it('never serves the PDF’s bytes', async () => {
    const { sha256 } = await pageSource(FINAL);
    expect(existsSync(originalPath(originalsDir(), sha256)!)).toBe(true);
    for (const path of [`/documents/${encodeURIComponent(FINAL)}`, `/documents/${encodeURIComponent(FINAL)}/pages/1.pdf`, `/documents/${encodeURIComponent(FINAL)}.pdf`, `/${sha256}.pdf`, `/documents/${sha256}.pdf`, `/documents/..%2F${sha256}.pdf/pages/1.png`]) {
      const res = await get(new URL(path, server.url).href);
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.status, path).not.toBe(200);
      expect(body.subarray(0, 5).toString('latin1'), path).not.toBe('%PDF-');
    }
  });

  it('goes with its document: removing it removes the original', async () => {
    const { sha256 } = await pageSource(FORM);
    const path = originalPath(originalsDir(), sha256)!;
    expect(existsSync(path)).toBe(true);
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query: 'mutation($name: String!) { removeDocument(name: $name) }', variables: { name: `${FORM}.pdf` } }) });
    expect(((await res.json()) as { data: { removeDocument: boolean } }).data.removeDocument).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect((await get(pageUrl(FORM, 2))).status).toBe(404);
    // The other documents' originals stay.
    expect(readdirSync(originalsDir()).filter((f) => f.endsWith('.pdf')).sort()).toEqual([`${(await pageSource(FINAL)).sha256}.pdf`, `${(await pageSource(FOOTER)).sha256}.pdf`].sort());
  });
  // The form with /Rotate 90 on its pages (pdfinfo: "Page 2 rot: 90"): pdf.js measures its boxes
  // on the unrotated page, pdftoppm turns the page clockwise; the band must turn with it (before,
  // painted where the unrotated box is, it covered nothing printed: 0 dark pixels there at 72 dpi,
  // 179 where the turned box of 收入合计's row lies).
  it('a rotated page: the bands are painted where the turned page prints the lines', async () => {
    const dir = scratch('rotated-');
    const bytes = readFileSync(join(projectRoot, 'tests', 'fixtures', `${FORM}.pdf`)).toString('latin1').replace(/\/Type\s*\/Page(?!s)/g, '/Type /Page /Rotate 90');
    const file = join(dir, `${FORM}-rotated.pdf`);
    writeFileSync(file, Buffer.from(bytes, 'latin1'));
    await loadFiles(new QueryRunner(db), [file], { replace: true });
    const id = `${FORM}-rotated`;
    const src = await pageSource(id);
    const res = await get(pageUrl(id, 2));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-page-rotate')).toBe('90');
    const [w, h] = res.headers.get('x-page-points')!.split(' ').map(Number) as [number, number];
    const img = decodePng(Buffer.from(await res.arrayBuffer()));
    expect(img.width).toBeGreaterThan(img.height);
    const boxes = (redactedBoxes(src.diagnostics, src.places, 2) as { boxes: PointBox[] }).boxes;
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(allBlack(img, rotated(box, 90, w, h), Number(res.headers.get('x-page-scale')))).toBe(true);
  }, 120_000);
});
