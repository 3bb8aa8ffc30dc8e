// parseDocument: text + file name → typed records, anomalies and diagnostics. Pure: no I/O. The
// stages it runs, in order, are src/parse/pipeline.ts.
import type { LineCells } from './layout.js';
import { checkedText, PARSE_PIPELINE, pipelineInput } from './pipeline.js';
import type { PrintedDocument } from '../source/printed.js';
import type { Diagnostic, ParsedDocument } from './records.js';

export type * from './records.js';

/**
 * The text every reader and the store see: checked (valid Unicode, no control characters) and
 * with its personal data redacted line for line (personal-data.ts). Throws BadDocumentError.
 */
export function documentText(text: string, file: string): string {
  return checkedText(text, file).text;
}

/**
 * `input`: the source's printed document (SourceDocument.printed: the table model takes its cells
 * from it, its text rendering is the document's text), or a text, read as the text source reads one.
 * `sourceNotes`: what the source said about reading the file (a PDF page without a text layer, a
 * font without a Unicode map), kept as the document's diagnostics first, in the same place as the
 * parser's own: one way to report a document's troubles. `places`, with a text only: the source's
 * boxes of each line's cells, where a PDF's grid tells which header cells span columns.
 */
export function parseDocument(input: string | PrintedDocument, file: string, sourceNotes: readonly Diagnostic[] = [], places?: readonly (LineCells | null)[] | null): ParsedDocument {
  return PARSE_PIPELINE.run(pipelineInput(input, file, sourceNotes, places)).doc;
}
