// Markdown (#39 item 5): what PDF converters write — headings, paragraphs, GFM pipe tables
// ("| a | b |", the "| --- |" row under the header, "\|" a pipe inside a cell) and <table> markup
// left inside the Markdown. markdown-it (CommonMark with GFM tables, a well-kept parser) turns it
// into HTML, which the HTML source reads (../html): one reader of tables, spans and blank cells
// for both. A paragraph wrapped over lines is one line; a break between two Chinese characters
// is no space (the converter wrapped a sentence that had none).
import MarkdownIt from 'markdown-it';
import { BadDocumentError } from '../../errors.js';
import { HTML_CAPS, HtmlTooLargeError, renderHtml } from '../html/index.js';
import { sourceOf, unpaged, type SourceDocument } from '../printed.js';

export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** Block nesting (quotes, lists) markdown-it follows; past it markdown-it would drop the rest, so the file is refused. */
const MAX_NESTING = HTML_CAPS.markdownNesting;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

function markdownIt(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // An option markdown-it reads (lib/parser_block) that its type declarations leave out.
  Object.assign(md.options, { maxNesting: MAX_NESTING });
  md.renderer.rules.softbreak = (tokens, idx) => {
    const before = tokens[idx - 1]?.content.at(-1) ?? '';
    const after = tokens[idx + 1]?.content[0] ?? '';
    return CJK.test(before) && CJK.test(after) ? '' : '\n';
  };
  return md;
}

/** The Markdown's caps, before markdown-it builds its tokens (each mark can become a cell or an element). */
function refuseOversized(text: string, file: string): void {
  if (text.length > HTML_CAPS.markdownChars) throw new HtmlTooLargeError(file, 1, 'markdownChars', `it has ${text.length.toLocaleString('en-US')} characters`);
  let marks = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 124 || c === 60 || c === 62) {
      // | (a cell), < (a tag), > (a quote level)
      if (++marks > HTML_CAPS.markdownMarks) throw new HtmlTooLargeError(file, line, 'markdownMarks', `it holds more than ${HTML_CAPS.markdownMarks.toLocaleString('en-US')} table pipes, tags and quote marks`);
    }
  }
}

export function readMarkdown(bytes: Uint8Array, file: string): SourceDocument {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    throw new BadDocumentError(file, loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length, 'the Markdown is not valid UTF-8; save it as UTF-8 and load it again');
  }
  refuseOversized(text, file);
  const md = markdownIt();
  const tokens = md.parse(text, {});
  const deepest = tokens.find((t) => t.level >= MAX_NESTING - 1);
  if (deepest) throw new HtmlTooLargeError(file, (deepest.map?.[0] ?? 0) + 1, 'markdownNesting', `its quotes or lists nest ${MAX_NESTING} deep or more`);
  const lines = renderHtml(md.renderer.render(tokens, md.options, {}), file);
  if (lines.length === 0) throw new BadDocumentError(file, 1, 'the Markdown prints no text; expected a budget document');
  // <table> markup with spanning cells keeps its spans (../html); a pipe table prints none.
  return sourceOf(unpaged(file, 'MARKDOWN', lines));
}
