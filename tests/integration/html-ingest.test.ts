// Web pages and Markdown through the ingest API (#39 item 5): POST /ingest takes text/html and
// text/markdown with the write token, through the same path as text and PDFs — the same
// records as the document's text, UNCHANGED for the same bytes again, 409 for a second document
// of the same department, year and kind (REPLACED with replace=true), a hostile page a 400
// BAD_DOCUMENT naming its cap and line with the graph unchanged. The page is data/000 saved as
// HTML by LibreOffice, the Markdown node-html-markdown's of it (scripts/convert-html-markdown.ts).
// Before: text/html and text/markdown were a 415, .html and .md names a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { htmlWithLibreOffice, markdownOf } from '../../scripts/convert-html-markdown.js';
import { startApi, type ApiFixture } from './helpers.js';

const TOKEN = 'html-ingest-secret';
const auth = { authorization: `Bearer ${TOKEN}` };
const FILE = '000_5c682a4da5e2a113.txt';
const TEXT = readFileSync(`data/${FILE}`);
let HTML: Buffer;
let MARKDOWN: Buffer;

let api: ApiFixture;
let ingestUrl: string;

beforeAll(async () => {
  HTML = htmlWithLibreOffice([{ name: FILE, text: TEXT.toString('utf8') }]).get(FILE)!;
  MARKDOWN = Buffer.from(markdownOf(HTML.toString('utf8')));
  api = await startApi(TOKEN);
  ingestUrl = new URL('/ingest', api.server.url).href;
}, 180_000);
afterAll(async () => api?.stop());

const post = (query: string, body: Uint8Array | string, headers: Record<string, string>) => api.ingest(query, body, headers);
const graphSize = () => api.graphSize();

describe('POST /ingest with a web page or Markdown', () => {
  it('without the token: 401, nothing read', async () => {
    const none = await post('?name=page.html', HTML, { 'content-type': 'text/html' });
    expect(none.status).toBe(401);
  });

  it("the page is the document its text is: 409 beside data/000's text; with replace it loads; UNCHANGED again; the Markdown replaces it, and the text replaces that, each with the same records", async () => {
    const before = await graphSize();
    const conflict = await post('?name=000.html', HTML, { 'content-type': 'text/html; charset=utf-8', ...auth });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(await graphSize()).toEqual(before);

    const page = await post('?name=000.html&replace=true', HTML, { 'content-type': 'text/html', ...auth });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ file: '000.html', status: 'REPLACED', replacedFiles: [FILE] });
    expect(page.body.records).toBeGreaterThan(300);
    const size = await graphSize();
    const again = await post('?name=000.html', HTML, { 'content-type': 'text/html', ...auth });
    expect(again.body).toMatchObject({ status: 'UNCHANGED', nodesCreated: 0, records: page.body.records });
    expect(await graphSize()).toEqual(size);

    const md = await post('?name=000.md&replace=true', MARKDOWN, { 'content-type': 'text/markdown', ...auth });
    expect(md.status).toBe(200);
    expect(md.body).toMatchObject({ file: '000.md', status: 'REPLACED', replacedFiles: ['000.html'], records: page.body.records });
    const text = await post(`?name=${FILE}&replace=true`, TEXT, { 'content-type': 'text/plain; charset=utf-8', ...auth });
    expect(text.body).toMatchObject({ status: 'REPLACED', replacedFiles: ['000.md'], records: page.body.records });
  }, 180_000);

  it('a hostile page (colspan=100000, nesting 300 deep) is a 400 BAD_DOCUMENT naming the cap and the line; the graph unchanged', async () => {
    const before = await graphSize();
    const wide = await post('?name=wide.html', '<table>\n<tr><td colspan="100000">1</td></tr></table>', { 'content-type': 'text/html', ...auth });
    expect(wide.status).toBe(400);
    expect(wide.body.errors[0].extensions).toMatchObject({ reason: 'BAD_DOCUMENT', file: 'wide.html', line: 2, cap: 'columns' });
    const deep = await post('?name=deep.html', `<html><body>${'<div>'.repeat(300)}x`, { 'content-type': 'text/html', ...auth });
    expect(deep.body.errors[0].extensions).toMatchObject({ reason: 'BAD_DOCUMENT', cap: 'depth' });
    expect(await graphSize()).toEqual(before);
  }, 60_000);

  it('a page sent as text/html under a .txt name, or Markdown as text/markdown under .html: 400 naming the argument', async () => {
    const asTxt = await post('?name=page.txt', HTML, { 'content-type': 'text/html', ...auth });
    expect(asTxt.status).toBe(400);
    expect(asTxt.body.errors[0]).toMatchObject({ message: 'The body is sent as text/html; name it .html or .htm, not "page.txt".', extensions: { code: 'BAD_USER_INPUT', argument: 'name' } });
    const mdAsHtml = await post('?name=page.html', MARKDOWN, { 'content-type': 'text/markdown', ...auth });
    expect(mdAsHtml.status).toBe(400);
  });

  it('removeDocument and DELETE /ingest take .md and .html names', async () => {
    const excerpt = await post('?name=000-excerpt.md', readFileSync('tests/fixtures/html/000-excerpt.md'), { 'content-type': 'text/markdown', ...auth });
    expect(excerpt.status).toBe(200);
    const removed = await api.gql(`mutation($n: String!) { removeDocument(name: $n) }`, { n: '000-excerpt.md' }, auth);
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeDocument).toBe(true);
    const res = await fetch(`${ingestUrl}?name=000.html`, { method: 'DELETE', headers: auth });
    expect(await res.json()).toEqual({ file: '000.html', removed: false });
  }, 60_000);
});
