// PDFs through the ingest API (issue #39 item 5): POST /ingest takes a PDF as published (its
// bytes as application/pdf, or a multipart upload) with the write token, and loads it as its
// text loads: the same records, UNCHANGED for the same bytes again, 409 for a second document of
// the same department, year and kind, 401 without the token. A hostile PDF is a 400 BAD_DOCUMENT
// naming the file and the cap, and the graph is unchanged.
// Before: /ingest did not exist (the explorer page answered it), and the GraphQL mutation takes
// `.txt` names and text only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { startHttpServer } from '../../src/api/http-server.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { flateBomb, imageBomb } from '../hostile-pdfs.js';
import { startApi, type ApiFixture } from './helpers.js';

const TOKEN = 'pdf-ingest-secret';
const auth = { authorization: `Bearer ${TOKEN}` };
// A unit's 单位预算 as published (WPS 表格, 21 pages): "预算单位：上海市普陀区人民政府办公室", 2025, p. 1.
const UNIT_BUDGET = '上海市普陀区人民政府办公室单位25年预算.pdf';
const PDF = readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', UNIT_BUDGET));

let api: ApiFixture;
let ingestUrl: string;

beforeAll(async () => {
  api = await startApi(TOKEN);
  ingestUrl = new URL('/ingest', api.server.url).href;
}, 180_000);
afterAll(async () => api?.stop());

const post = (query: string, body: Uint8Array | string, headers: Record<string, string>) => api.ingest(query, body, headers);
const graphSize = () => api.graphSize();

describe('POST /ingest with a PDF', () => {
  it('without the token, or with a wrong one: 401 UNAUTHENTICATED, nothing read or written', async () => {
    const before = await graphSize();
    const none = await post(`?name=${encodeURIComponent(UNIT_BUDGET)}`, PDF, { 'content-type': 'application/pdf' });
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await post(`?name=${encodeURIComponent(UNIT_BUDGET)}`, PDF, { 'content-type': 'application/pdf', authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    // A server without a token takes no writes at all.
    const readOnly = await startHttpServer({ db: api.db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined });
    try {
      const res = await fetch(new URL('/ingest?name=x.pdf', readOnly.url), { method: 'POST', headers: { 'content-type': 'application/pdf', ...auth }, body: PDF });
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).errors[0].message).toMatch(/Writes are disabled/);
    } finally {
      await readOnly.stop();
    }
    expect(await graphSize()).toEqual(before);
  });

  it('a real PDF loads as its text loads: the same records (but text a page clip cuts, which only a PDF shows); the same bytes again are UNCHANGED; its text under another name is a 409, with replace it replaces the PDF', async () => {
    const loaded = await post(`?name=${encodeURIComponent(UNIT_BUDGET)}`, PDF, { 'content-type': 'application/pdf', ...auth });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ file: UNIT_BUDGET, status: 'LOADED' });
    expect(loaded.body.records).toBeGreaterThan(50);
    const res = await api.gql(`{ documents(first: 100, filter: {year: 2025}) { nodes { file kinds year unitPrinted } } }`);
    expect(res.data.documents.nodes).toContainEqual({ file: UNIT_BUDGET, kinds: ['UNIT_BUDGET'], year: 2025, unitPrinted: '上海市普陀区人民政府办公室' });

    const size = await graphSize();
    const again = await post(`?name=${encodeURIComponent(UNIT_BUDGET)}`, PDF, { 'content-type': 'application/pdf', ...auth });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ file: UNIT_BUDGET, status: 'UNCHANGED', records: loaded.body.records, nodesCreated: 0 });
    expect(await graphSize()).toEqual(size);

    // The PDF's text, as text: the same document (same department, year and kind) under another name.
    const source = await readSource(PDF, UNIT_BUDGET);
    const text = source.text;
    // All but what only the PDF's drawing shows: text its page's clip cuts through (TEXT_CUT, p. 9's
    // cell "…务支出", its second line cut at the frame), which a text has no clip to show.
    const cut = parseDocument(source.printed, UNIT_BUDGET, source.notes).anomalies.filter((a) => a.kind === 'TEXT_CUT').length;
    expect(cut).toBe(1);
    const conflict = await post('?name=unit-2025.txt', text, { 'content-type': 'text/plain; charset=utf-8', ...auth });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors[0].extensions.code).toBe('CONFLICT');
    const replaced = await post('?name=unit-2025.txt&replace=true', text, { 'content-type': 'text/plain; charset=utf-8', ...auth });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ file: 'unit-2025.txt', status: 'REPLACED', replacedFiles: [UNIT_BUDGET], records: loaded.body.records - cut });
  }, 180_000);

  it('as a multipart upload (curl -F file=@…): named by its file name; and back from the text with replace', async () => {
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), UNIT_BUDGET);
    form.append('replace', 'true');
    const res = await fetch(ingestUrl, { method: 'POST', headers: auth, body: form });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ file: UNIT_BUDGET, status: 'REPLACED', replacedFiles: ['unit-2025.txt'] });
  }, 180_000);

  it('a name that is not its content: a PDF named .txt, a text sent as application/pdf, a folder in the name: 400 BAD_USER_INPUT', async () => {
    const asTxt = await post('?name=unit.txt', PDF, { 'content-type': 'application/pdf', ...auth });
    expect(asTxt.status).toBe(400);
    expect(asTxt.body.errors[0]).toMatchObject({ message: 'The file is a PDF; name it .pdf, not "unit.txt".', extensions: { code: 'BAD_USER_INPUT', argument: 'name' } });
    const notPdf = await post('?name=unit.pdf', 'plain text', { 'content-type': 'application/pdf', ...auth });
    expect(notPdf.status).toBe(400);
    const folder = await post(`?name=${encodeURIComponent('../x.pdf')}`, PDF, { 'content-type': 'application/pdf', ...auth });
    expect(folder.status).toBe(400);
    const json = await post('?name=x.pdf', '{}', { 'content-type': 'application/json', ...auth });
    expect(json.status).toBe(415);
  });

  it('a flate bomb and an image bomb: 400 BAD_DOCUMENT naming the file, the page and the cap; the graph unchanged', async () => {
    const before = await graphSize();
    const flate = await post('?name=bomb.pdf', flateBomb(), { 'content-type': 'application/pdf', ...auth });
    expect(flate.status).toBe(400);
    expect(flate.body.errors[0].message).toMatch(/^bomb\.pdf: page 1: the PDF was refused: its compressed streams decode to more than 32 MiB/);
    expect(flate.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_DOCUMENT', file: 'bomb.pdf', page: 1, cap: 'decodedBytes', limit: 32 * 1024 * 1024 });
    const image = await post('?name=image-bomb.pdf', imageBomb(), { 'content-type': 'application/pdf', ...auth });
    expect(image.status).toBe(400);
    expect(image.body.errors[0].extensions).toMatchObject({ reason: 'BAD_DOCUMENT', file: 'image-bomb.pdf', cap: 'imagePixels' });
    expect(await graphSize()).toEqual(before);
    // The worker that refused them reads the next document.
    const again = await post(`?name=${encodeURIComponent(UNIT_BUDGET)}`, PDF, { 'content-type': 'application/pdf', ...auth });
    expect(again.body.status).toBe('UNCHANGED');
  }, 120_000);

  it('the mutation removeDocument removes a PDF by its .pdf name too (it took .txt names only: 400)', async () => {
    const loaded = await post(`?name=${encodeURIComponent(UNIT_BUDGET)}`, PDF, { 'content-type': 'application/pdf', ...auth });
    expect(['LOADED', 'REPLACED', 'UNCHANGED']).toContain(loaded.body.status);
    const removed = await api.gql(`mutation($n: String!) { removeDocument(name: $n) }`, { n: UNIT_BUDGET }, auth);
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeDocument).toBe(true);
    const res = await api.gql(`{ documents(first: 100, filter: {year: 2025}) { nodes { file } } }`);
    expect(res.data.documents.nodes.map((d: { file: string }) => d.file)).not.toContain(UNIT_BUDGET);
    // Loaded again for the DELETE test below.
    const back = await post(`?name=${encodeURIComponent(UNIT_BUDGET)}`, PDF, { 'content-type': 'application/pdf', ...auth });
    expect(back.body.status).toBe('LOADED');
  }, 120_000);

  it('DELETE /ingest?name= removes a PDF: the graph as before it was loaded; the token needed', async () => {
    const unauthorised = await fetch(`${ingestUrl}?name=${encodeURIComponent(UNIT_BUDGET)}`, { method: 'DELETE' });
    expect(unauthorised.status).toBe(401);
    const removed = await fetch(`${ingestUrl}?name=${encodeURIComponent(UNIT_BUDGET)}`, { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ file: UNIT_BUDGET, removed: true });
    const res = await api.gql(`{ documents(first: 100, filter: {year: 2025}) { nodes { file } } }`);
    expect(res.data.documents.nodes.map((d: { file: string }) => d.file)).not.toContain(UNIT_BUDGET);
    const twice = await fetch(`${ingestUrl}?name=${encodeURIComponent(UNIT_BUDGET)}`, { method: 'DELETE', headers: auth });
    expect(await twice.json()).toEqual({ file: UNIT_BUDGET, removed: false });
  });
});
