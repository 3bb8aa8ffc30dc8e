// What POST /ingest takes (src/api/ingest-http.ts, src/api/multipart.ts): the document's name,
// bytes and `replace` from a raw body or a multipart/form-data upload, and the client mistakes
// refused before anything is read — each with its status and the argument at fault.
import { describe, expect, it } from 'vitest';
import { uploadOf } from '../../src/api/ingest-http.js';
import { HttpError } from '../../src/api/http/errors.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const url = (query = '') => new URL(`http://localhost/ingest${query}`);
const PAGE = Buffer.from('<!DOCTYPE html><table><tr><td>合计</td><td>8</td></tr></table>');

/** A multipart body as curl -F writes it. */
function multipart(boundary: string, parts: { name: string; filename?: string; bytes: Buffer | string }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.filename ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.bytes) ? p.bytes : Buffer.from(p.bytes));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

function refused(work: () => unknown): HttpError & { argument?: string } {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    return err as HttpError & { argument?: string };
  }
  throw new Error('not refused');
}

describe('POST /ingest: the upload', () => {
  it('a PDF as application/pdf, named by ?name=, replace by ?replace=true', () => {
    expect(uploadOf('application/pdf', url('?name=2025_单位预算.pdf&replace=true'), PDF)).toEqual({ name: '2025_单位预算.pdf', bytes: PDF, replace: true });
    expect(uploadOf('text/plain; charset=utf-8', url('?name=a.txt'), Buffer.from('正文'))).toMatchObject({ name: 'a.txt', replace: false });
  });

  it('a multipart upload: the file field, its file name (UTF-8, bytes kept exactly, CRLF inside them too), replace as a field', () => {
    const bytes = Buffer.concat([PDF, Buffer.from('\r\n--not-the-boundary\r\n'), Buffer.from([0, 255, 13, 10])]);
    const body = multipart('----x7', [
      { name: 'replace', bytes: 'true' },
      { name: 'file', filename: '上海市普陀区 单位预算.pdf', bytes },
    ]);
    const upload = uploadOf('multipart/form-data; boundary=----x7', url(), body);
    expect(upload.name).toBe('上海市普陀区 单位预算.pdf');
    expect(upload.replace).toBe(true);
    expect(Buffer.compare(upload.bytes, bytes)).toBe(0);
    // A `name` field (or ?name=) names it instead of the file's name.
    expect(uploadOf('multipart/form-data; boundary="----x7"', url('?name=b.pdf'), body).name).toBe('b.pdf');
  });

  it('refuses what is not one named document: 400 with the argument, 415 for another type', () => {
    expect(refused(() => uploadOf('application/pdf', url(), PDF))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', argument: 'name' });
    expect(refused(() => uploadOf('application/pdf', url('?name=a.txt'), PDF)).message).toBe('The file is a PDF; name it .pdf, not "a.txt".');
    expect(refused(() => uploadOf('text/plain', url('?name=a.pdf'), Buffer.from('text'))).argument).toBe('name');
    expect(refused(() => uploadOf('application/pdf', url('?name=a%2Fb.pdf'), PDF)).argument).toBe('name');
    expect(refused(() => uploadOf('application/pdf', url('?name=a.exe'), PDF)).argument).toBe('name');
    expect(refused(() => uploadOf('application/json', url('?name=a.pdf'), PDF))).toMatchObject({ status: 415 });
    expect(refused(() => uploadOf('multipart/form-data; boundary=q', url(), multipart('q', [{ name: 'other', bytes: 'x' }]))).argument).toBe('file');
    expect(refused(() => uploadOf('multipart/form-data', url(), PDF)).message).toMatch(/names no boundary/);
    expect(refused(() => uploadOf('multipart/form-data; boundary=q', url(), Buffer.from('--q\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end'))).message).toMatch(/closing boundary is missing/);
  });
});

// Web pages and Markdown (#39 item 5): text/html and text/markdown are taken as the document, under a
// name that says the same kind; other types are still a 415. Before: both were a 415 and .html / .md names a 400.
describe('POST /ingest: web pages and Markdown', () => {
  it('text/html under .html / .htm, text/markdown (or text/x-markdown) under .md, a page as text/plain or octet-stream by its name', () => {
    expect(uploadOf('text/html; charset=gbk', url('?name=2024_预算.html'), PAGE)).toEqual({ name: '2024_预算.html', bytes: PAGE, replace: false });
    expect(uploadOf('application/xhtml+xml', url('?name=a.HTM&replace=1'), PAGE)).toMatchObject({ name: 'a.HTM', replace: true });
    expect(uploadOf('text/markdown', url('?name=converted.md'), Buffer.from('| a |\n| - |'))).toMatchObject({ name: 'converted.md' });
    expect(uploadOf('text/x-markdown', url('?name=converted.markdown'), Buffer.from('# t'))).toMatchObject({ name: 'converted.markdown' });
    expect(uploadOf('application/octet-stream', url('?name=page.html'), PAGE)).toMatchObject({ name: 'page.html' });
    expect(uploadOf('text/plain', url('?name=notes.md'), Buffer.from('# t'))).toMatchObject({ name: 'notes.md' });
  });

  it('a body sent as text/html must be named .html/.htm, as text/markdown .md; a name over 200 characters or another type is refused', () => {
    const asTxt = refused(() => uploadOf('text/html', url('?name=page.txt'), PAGE));
    expect([asTxt.status, asTxt.argument, asTxt.message]).toEqual([400, 'name', 'The body is sent as text/html; name it .html or .htm, not "page.txt".']);
    expect(refused(() => uploadOf('text/markdown', url('?name=page.html'), PAGE)).argument).toBe('name');
    expect(refused(() => uploadOf('text/html', url(`?name=${'页'.repeat(196)}.html`), PAGE)).argument).toBe('name');
    expect(refused(() => uploadOf('text/csv', url('?name=a.html'), PAGE)).status).toBe(415);
    expect(refused(() => uploadOf('toString', url('?name=a.html'), PAGE)).status).toBe(415);
    expect(refused(() => uploadOf('text/html', url('?name=budget.xlsx'), PAGE)).argument).toBe('name');
  });
});
