// A page's element tree → its printed lines (src/source/printed.ts): one line per block (a
// paragraph, a heading, a list item, a <br>) of one cell, a table's rows as lines of cells with
// their spans (table-grid.ts); the text rendering prints them with the cells between tabs. Scripts,
// styles, navigation and what the page hides are not its text. Headings are "# …" and list items
// "- …" / "1. …", as the bundled texts print them (the layout reads a "#" line as a heading).
import { defaultTreeAdapter } from 'parse5';
import type { Element, ParentNode } from './tree.js';
import { attr, isElement, lineOf } from './tree.js';
import { HTML_CAPS, HtmlTooLargeError } from './caps.js';
import { tableRows } from './table-grid.js';
import { lineText, textLine, type CellSpan, type PrintedLine } from '../printed.js';

/** Never the document's text: code, styling, page furniture, embedded media and form controls' lists. */
const DROPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'select', 'button', 'textarea', 'map', 'datalist']);

/** Elements that start and end a line (the HTML standard's block-level content, as browsers lay it out). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'ol', 'p', 'plaintext', 'pre', 'section',
  'summary', 'ul', 'xmp', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
]);

const HEADING = /^h([1-6])$/;
/** Han, kana, full-width forms and CJK punctuation: a line break between two of them is no space. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

/** What a page hides is not printed: the hidden attribute, or display:none in its own style. */
const hidden = (el: Element) => attr(el, 'hidden') !== undefined || /display\s*:\s*none/i.test(attr(el, 'style') ?? '');

/** The lines being written: text is gathered until a block ends the line. */
class LineWriter {
  /** The lines written: a block's one cell, a table row's cells with their spans (table-grid.ts). */
  readonly lines: PrintedLine[] = [];
  private buf = '';
  private prefix = '';
  /** Inside <pre>: line breaks and spaces as written. */
  pre = 0;
  constructor(readonly inCell: boolean) {}

  text(s: string): void {
    if (!this.pre) {
      this.buf += s;
      return;
    }
    s.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i) this.end();
      this.buf += part;
    });
  }

  /** The next line (a heading's "# ", a list item's "- ") opens with this. */
  opens(prefix: string): void {
    if (!this.inCell) this.prefix = prefix;
  }

  end(): void {
    // HTML's white space: runs of spaces, tabs and line breaks are one space (not in <pre>, whose
    // tabs are kept: a text table pasted into a page); a no-break space is a space.
    let t = this.pre ? this.buf.replace(/\s+$/, '') : this.buf.replace(/[ \t\n\r\f]+/g, ' ').trim();
    t = t.replace(/\u00a0/g, ' ');
    if (this.inCell) t = t.replace(/\t/g, ' ').trim();
    this.buf = '';
    if (t.trim() === '') return;
    // A block is one cell; <pre>'s text keeps its tabs, read as a text's: cells between them.
    this.lines.push(this.pre ? textLine(this.prefix + t) : { cells: [{ text: this.prefix + t }], box: null });
    this.prefix = '';
  }

  /** A table row, written as it is (its cells already made), with the printed cell each cell is part of. */
  row(cells: string[], spans: CellSpan[] | null): void {
    this.end();
    this.lines.push({ cells: cells.map((text, k) => (spans?.[k] ? { text, span: spans[k] } : { text })), box: null });
  }

  /** A block ended: an unused prefix does not carry over to the next block. */
  closeBlock(): void {
    this.end();
    this.prefix = '';
  }
}

export class PageRenderer {
  constructor(readonly file: string) {}

  /** The page's lines as text (cells between tabs). */
  lines(root: ParentNode): string[] {
    return this.render(root).map(lineText);
  }

  /** The page's printed lines: blocks, and table rows with their cells' spans. */
  render(root: ParentNode): PrintedLine[] {
    const w = new LineWriter(false);
    this.children(root, w, 0);
    w.closeBlock();
    return w.lines;
  }

  /** A cell's content on one line: its own lines joined (no space between two Chinese characters). */
  cellText(cell: Element, depth: number): string {
    const w = new LineWriter(true);
    this.children(cell, w, depth);
    w.end();
    return w.lines.map(lineText).reduce((out, l) => (out === '' ? l : CJK.test(out.at(-1) ?? '') && CJK.test(l[0] ?? '') ? out + l : `${out} ${l}`), '');
  }

  /** An element's content as blocks of their own (a layout table's cell). */
  contents(el: Element, w: LineWriter, depth: number): void {
    w.closeBlock();
    this.children(el, w, depth);
    w.closeBlock();
  }

  private children(node: ParentNode, w: LineWriter, depth: number): void {
    if (depth > HTML_CAPS.depth) throw new HtmlTooLargeError(this.file, lineOf(node), 'depth', `its elements nest more than ${HTML_CAPS.depth} deep`);
    for (const child of node.childNodes) {
      if (defaultTreeAdapter.isTextNode(child)) w.text(child.value);
      else if (isElement(child)) this.element(child, w, depth + 1);
    }
  }

  private element(el: Element, w: LineWriter, depth: number): void {
    const tag = el.tagName;
    if (DROPPED.has(tag) || hidden(el) || attr(el, 'role') === 'navigation') return;
    if (tag === 'br') return w.end();
    if (tag === 'hr') return w.closeBlock();
    if (tag === 'input') {
      // A check box or radio button prints its state, as the texts' ☑ / ☐.
      const type = (attr(el, 'type') ?? '').toLowerCase();
      if (type === 'checkbox' || type === 'radio') w.text(attr(el, 'checked') !== undefined ? '☑' : '☐');
      return;
    }
    if (tag === 'table') {
      w.closeBlock();
      tableRows(el, depth, this, w);
      return w.closeBlock();
    }
    const block = BLOCK.has(tag);
    if (block) w.closeBlock();
    const heading = HEADING.exec(tag);
    if (heading) w.opens(`${'#'.repeat(Number(heading[1]))} `);
    if (tag === 'li') w.opens(listMark(el));
    if (tag === 'pre' || tag === 'listing' || tag === 'xmp' || tag === 'plaintext') w.pre++;
    this.children(el, w, depth);
    if (tag === 'pre' || tag === 'listing' || tag === 'xmp' || tag === 'plaintext') w.pre--;
    if (block) w.closeBlock();
  }
}

export type { LineWriter };

/** "- " in a bulleted list, "n. " in a numbered one (its start attribute honoured). */
function listMark(li: Element): string {
  const parent = li.parentNode;
  const list = parent && isElement(parent) ? parent : null;
  if (list?.tagName !== 'ol') return '- ';
  const start = Number.parseInt(attr(list, 'start') ?? '1', 10);
  const items = list.childNodes.filter((n): n is Element => isElement(n) && n.tagName === 'li');
  return `${(Number.isFinite(start) ? start : 1) + items.indexOf(li)}. `;
}
