// Text a page's clip cuts through (pdf/extract.ts CutText), said as a source note with its page and
// box: the reader of the page sees part of each glyph (a reviewer's 部分文字未正常显示), while the
// text layer either drops them (their centre hidden: not read) or reads them whole. The glyphs'
// text is quoted as evidence only; it is never content.
import type { Box, PdfPage } from './pdf/geometry.js';
import type { RenderedLine } from './pdf/render.js';
import type { SourceNote } from './printed.js';

/** The source note's code: the parse's TEXT_CUT rule reads it (src/parse/checks/pages.ts). */
export const CUT_TEXT_NOTE = 'TEXT_CUT_BY_CLIP';

/** How many of the cut glyphs a note quotes. */
const QUOTED = 24;

const pt = (x: number) => Math.round(x);
const boxSaid = (b: Box) => `${pt(b[0])},${pt(b[1])}-${pt(b[2])},${pt(b[3])} pt`;

/** The rendered line (1-based) printed nearest the box on its page, above or below it; 1 when the page prints none. */
function nearestLine(lines: readonly RenderedLine[], page: number, box: Box): number {
  let best = { line: 1, gap: Infinity };
  lines.forEach((l, i) => {
    for (const placed of [{ page: l.page, box: l.box }, ...l.more]) {
      if (placed.page !== page) continue;
      const gap = Math.max(0, placed.box[1] - box[3], box[1] - placed.box[3]);
      if (gap < best.gap) best = { line: i + 1, gap };
    }
  });
  return best.line;
}

/** One note a line of text a clip cuts: WARNING when some of its glyphs are not read, INFO when all are. */
export function cutTextNotes(pages: readonly PdfPage[], lines: readonly RenderedLine[]): SourceNote[] {
  const out: SourceNote[] = [];
  for (const page of pages) {
    for (const cut of page.cut ?? []) {
      const count = [...cut.text].length;
      const quoted = [...cut.text].slice(0, QUOTED).join('');
      const read = cut.unread === 0 ? 'read as printed' : cut.unread === count ? 'not read' : `${cut.unread} of them not read`;
      out.push({
        level: cut.unread > 0 ? 'WARNING' : 'INFO',
        code: CUT_TEXT_NOTE,
        message: `page ${page.number}: ${count} character(s) printed partly outside the page's visible area (its clip cuts them through, box ${boxSaid(cut.box)}), ${read}; the glyphs drawn there read “${quoted}${count > QUOTED ? '…' : ''}”`,
        line: nearestLine(lines, page.number, cut.box),
      });
    }
  }
  return out;
}
