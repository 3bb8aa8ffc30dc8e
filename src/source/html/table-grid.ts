// An HTML <table> → its rows as the text rendering prints them, laid out by the HTML table model:
// a cell spanning columns (colspan) prints its text in its first column and leaves the columns it
// covers blank; a cell spanning rows (rowspan) prints in its first row and leaves its column blank
// in the rows below — as the PDF reader lays out a ruled grid's spanning cell (pdf/render.ts
// tableRows), so every source gives the layout the same rows. Each row's spans go with it (the
// printed cell each of its cells is part of), as a PDF's cell boxes do: the table model keeps them. A blank cell stays a blank cell:
// nothing moves left into it. A table whose cells hold tables is a page's layout, not data: its
// cells are read as blocks of the page.
import { HTML_CAPS, HtmlTooLargeError } from './caps.js';
import type { LineWriter, PageRenderer } from './render.js';
import { attr, isElement, lineOf, type Element } from './tree.js';
import type { CellSpan } from '../printed.js';

interface Slot {
  x: number;
  y: number;
  text: string;
}

const childElements = (el: Element, ...tags: string[]) => el.childNodes.filter((n): n is Element => isElement(n) && tags.includes(n.tagName));

/** The standard's rules for a non-negative integer attribute: leading digits, or the fallback. */
function spanValue(raw: string | undefined, fallback: number): number {
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(raw ?? '');
  return m?.[1] ? Number(m[1].slice(0, 12)) : fallback;
}

/** Row groups in the order a browser shows them: the first <thead> on top, the first <tfoot> at the bottom. */
function rowGroups(table: Element): Element[][] {
  const groups: { el: Element; rows: Element[] }[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') groups.push({ el: child, rows: [child] });
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) groups.push({ el: child, rows: childElements(child, 'tr') });
  }
  const head = groups.find((g) => g.el.tagName === 'thead');
  const foot = groups.find((g) => g.el.tagName === 'tfoot');
  const ordered = [...(head ? [head] : []), ...groups.filter((g) => g !== head && g !== foot), ...(foot ? [foot] : [])];
  // Bare <tr>s next to each other are one group (parse5 puts them in a <tbody>; a fragment may not).
  const out: Element[][] = [];
  for (const g of ordered) {
    const last = out.at(-1);
    if (g.el.tagName === 'tr' && last && groups.find((x) => x.rows === last)?.el.tagName === 'tr') last.push(...g.rows);
    else out.push(g.el.tagName === 'tr' ? [...g.rows] : g.rows);
  }
  return out;
}

/** Whether any cell of the table (not of a table inside it) holds a table. */
function holdsTable(table: Element): boolean {
  const stack: Element[] = rowGroups(table).flat().flatMap((tr) => childElements(tr, 'td', 'th'));
  while (stack.length) {
    const el = stack.pop()!;
    if (el.tagName === 'table') return true;
    for (const c of el.childNodes) if (isElement(c)) stack.push(c);
  }
  return false;
}

/** Grid cells laid out so far in the document, against HTML_CAPS.cells. */
const laidOut = new WeakMap<PageRenderer, number>();

/** Writes the table's caption and rows to `w`. */
export function tableRows(table: Element, depth: number, page: PageRenderer, w: LineWriter): void {
  const { file } = page;
  for (const caption of childElements(table, 'caption')) page.contents(caption, w, depth + 1);
  const groups = rowGroups(table);
  if (holdsTable(table)) {
    for (const tr of groups.flat()) for (const cell of childElements(tr, 'td', 'th')) page.contents(cell, w, depth + 3);
    return;
  }
  const rows: (Slot | undefined)[][] = [];
  let width = 0;
  let cells = laidOut.get(page) ?? 0;
  for (const trs of groups) {
    const top = rows.length;
    for (let i = 0; i < trs.length; i++) rows.push([]);
    // The row a cell is laid out in, made when first reached (every row of the group was pushed above).
    const rowAt = (r: number): (Slot | undefined)[] => (rows[r] ??= []);
    trs.forEach((tr, i) => {
      const y = top + i;
      const row = rowAt(y);
      let x = 0;
      for (const cell of childElements(tr, 'td', 'th')) {
        while (row[x]) x++;
        const colspan = Math.max(1, spanValue(attr(cell, 'colspan'), 1));
        // rowspan="0" runs to the end of its row group; a rowspan past it is cut there, as browsers show it.
        const rowspan = spanValue(attr(cell, 'rowspan'), 1);
        const height = Math.min(rowspan === 0 ? trs.length - i : rowspan, trs.length - i);
        if (x + colspan > HTML_CAPS.columns) throw new HtmlTooLargeError(file, lineOf(cell), 'columns', `a table is ${(x + colspan).toLocaleString('en-US')} columns wide${colspan > 1 ? ` (a cell spans ${colspan.toLocaleString('en-US')} columns)` : ''}`);
        cells += colspan * height;
        if (cells > HTML_CAPS.cells) throw new HtmlTooLargeError(file, lineOf(cell), 'cells', `its tables hold more than ${HTML_CAPS.cells.toLocaleString('en-US')} cells`);
        const slot: Slot = { x, y, text: page.cellText(cell, depth + 3) };
        for (let r = y; r < y + height; r++) for (let c = x; c < x + colspan; c++) rowAt(r)[c] = slot;
        x += colspan;
        width = Math.max(width, x);
      }
    });
  }
  // Blank cells a short row leaves at its end are printed too (the grid is as wide as its widest row).
  const padded = (laidOut.get(page) ?? 0) + width * rows.length;
  if (padded > HTML_CAPS.cells) throw new HtmlTooLargeError(file, lineOf(table), 'cells', `its tables hold more than ${HTML_CAPS.cells.toLocaleString('en-US')} cells`);
  laidOut.set(page, Math.max(cells, padded));
  // A table printing no spanning cell says no more of its cells than its text: its rows carry no
  // spans, and the layout reads its blank header cells as the text's (a label carried right).
  const spanning = rows.some((row, y) => row.some((slot, x) => slot !== undefined && (slot.x !== x || slot.y !== y)));
  rows.forEach((row, y) => {
    const starts = (s: Slot | undefined, x: number): s is Slot => s !== undefined && s.x === x && s.y === y;
    // A row under spanning cells only prints nothing of its own (pdf/render.ts does the same).
    if (!Array.from({ length: width }, (_, x) => row[x]).some(starts)) return;
    const cells = Array.from({ length: width }, (_, x) => {
      const slot = row[x];
      return starts(slot, x) ? slot.text : '';
    });
    // The printed cell each cell is part of: its first column, and whether it began on a row above
    // (a rowspan: its text is that row's, not a blank of this one). A column no cell reaches is a cell of its own.
    w.row(
      cells,
      spanning
        ? Array.from({ length: width }, (_, x): CellSpan => {
            const slot = row[x];
            return slot ? { start: slot.x, above: slot.y < y } : { start: x, above: false };
          })
        : null,
    );
  });
}
