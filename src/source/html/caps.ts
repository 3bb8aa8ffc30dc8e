// Caps on what reading one web page (or one Markdown file) may cost, so that a hostile page is
// refused in bounded time and memory instead of growing the parse worker's heap: the elements the
// parser builds, how deep they nest, how wide a table is once its colspans are laid out, and how
// many cells its grid holds. The bundled documents saved as HTML by LibreOffice
// (scripts/convert-html-markdown.ts) hold at most 44,328 elements (004: 45 tables, 5,639 cells),
// nested 9 deep, in tables 21 columns wide at most (000): each cap is several times what one
// department's document of one year needs, office-suite markup included.
import { BadDocumentError } from '../../errors.js';

export const HTML_CAPS = {
  /** Elements the parser creates (each a few hundred bytes of tree): a page of 16 MiB of `<td>`s would be 1.8 million. */
  elements: 250_000,
  /** Elements nested inside one another: browsers flatten at 512; no page's content is deeper than a few dozen. */
  depth: 256,
  /** Columns of one table once its colspans are laid out (the HTML spec itself clamps a colspan to 1,000). */
  columns: 256,
  /** Grid cells of all tables (rows × columns, a spanned cell counted for each column and row it covers). */
  cells: 200_000,
  /** Characters of a Markdown file (its text rendering is capped at 1.5 million: src/load/document-caps.ts). */
  markdownChars: 4_000_000,
  /** Quotes and lists nested in a Markdown file (markdown-it would drop what is deeper). */
  markdownNesting: 50,
  /** Pipes and angle brackets of a Markdown file: each may become a table cell or an element. */
  markdownMarks: 400_000,
} as const;

export type HtmlCap = keyof typeof HTML_CAPS;

/** A page over one of HTML_CAPS: `details` carry reason DOCUMENT_TOO_LARGE, the `cap`, its `limit` and the line. */
export class HtmlTooLargeError extends BadDocumentError {
  constructor(file: string, line: number, cap: HtmlCap, what: string) {
    super(file, line, `the ${cap.startsWith('markdown') ? 'Markdown' : 'HTML'} was refused: ${what}, more than one budget document has (cap ${cap}, ${HTML_CAPS[cap].toLocaleString('en-US')}); expected one budget document`);
    Object.assign(this.details, { reason: 'DOCUMENT_TOO_LARGE', cap, limit: HTML_CAPS[cap] });
  }
}
