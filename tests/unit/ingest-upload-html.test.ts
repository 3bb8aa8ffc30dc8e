// POST /ingest's content types for web pages and Markdown (#39 item 5, src/api/ingest-http.ts):
// text/html and text/markdown are taken as the document, under a name that says the same kind;
// other types are still a 415. Before: both were a 415 and .html / .md names a 400.
import { describe, expect, it } from 'vitest';
import { uploadOf } from '../../src/api/ingest-http.js';
import { HttpError } from '../../src/api/http/errors.js';

const url = (query = '') => new URL(`http://localhost/ingest${query}`);
const PAGE = Buffer.from('<!DOCTYPE html><table><tr><td>合计</td><td>8</td></tr></table>');

function refused(work: () => unknown): HttpError & { argument?: string } {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    return err as HttpError & { argument?: string };
  }
  throw new Error('not refused');
}

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
