// Web pages (#37 item 1, #39 item 5): many governments publish their disclosures as HTML. The
// page's bytes are decoded in the charset it declares (charset.ts), built into the tree a browser
// builds (tree.ts, parse5) within caps (caps.ts), and written as the canonical text rendering:
// blocks as lines, tables as rows of tab-separated cells with their spans laid out (render.ts,
// table-grid.ts). A page prints no pages: its facts keep their line numbers (places null).
import { BadDocumentError } from '../../errors.js';
import { sourceOf, unpaged, type PrintedLine, type SourceDocument } from '../printed.js';
import { decodePage } from './charset.js';
import { PageRenderer } from './render.js';
import { parseHtmlTree } from './tree.js';

export { HTML_CAPS, HtmlTooLargeError } from './caps.js';

export const HTML_FILE = /\.html?$/i;

/**
 * Whether bytes are a web page by their start (after a byte order mark and white space, or
 * comments): <!DOCTYPE html>, <html>, <head>, <body> or <table> — the HTML standard's sniffing
 * patterns that no text rendering of a budget document opens with.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 512)).replace(/^(\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '');
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|table)[\s>/]/i.test(head);
}

/** The rendering of an HTML string already decoded (the Markdown source gives its HTML here too). */
export function renderHtmlText(html: string, file: string): string[] {
  return new PageRenderer(file).lines(parseHtmlTree(html, file));
}

/** The printed lines of an HTML string: blocks, and table rows with their cells' spans. */
export function renderHtml(html: string, file: string): PrintedLine[] {
  return new PageRenderer(file).render(parseHtmlTree(html, file));
}

export function readHtml(bytes: Uint8Array, file: string): SourceDocument {
  const page = decodePage(bytes, file);
  const lines = renderHtml(page.text, file);
  if (lines.length === 0) throw new BadDocumentError(file, 1, 'the page prints no text (only markup, scripts or hidden content); expected a budget document');
  return sourceOf(unpaged(file, 'HTML', lines));
}
