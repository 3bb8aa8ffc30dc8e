// parseDocument: text + file name → typed records, anomalies and diagnostics. Pure: no I/O. The
// stages it runs, in order, are src/parse/pipeline.ts.
import type { LineCells } from './layout.js';
import { checkedText, PARSE_PIPELINE } from './pipeline.js';
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
 * `sourceNotes`: what the source said about reading the file (a PDF page without a text layer, a
 * font without a Unicode map), kept as the document's diagnostics first, in the same place as the
 * parser's own: one way to report a document's troubles. `places`: the source's boxes of each
 * line's cells (SourceDocument.places), where a PDF's grid tells which header cells span columns.
 */
export function parseDocument(input: string, file: string, sourceNotes: readonly Diagnostic[] = [], places?: readonly (LineCells | null)[] | null): ParsedDocument {
  return PARSE_PIPELINE.run({ text: input, file, sourceNotes, places }).doc;
}
