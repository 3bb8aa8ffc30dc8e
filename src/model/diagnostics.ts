// Diagnostic // 读取说明: what the reader says about how it read a document — a cell repaired or
// unreadable, a table left unread, a unit taken from the document, personal data hidden. Stored
// with the document and served (Document.diagnostics): never a number read with doubt without a
// word the reader of the graph can see.

/** How much a diagnostic matters. */
export const DIAGNOSTIC_LEVELS = {
  INFO: 'How something was read (a repair, a choice among readings, a line hidden): the figures stand.',
  WARNING: 'Something printed was not read, or read with doubt: check the line before relying on what it prints.',
} as const;
export type DiagnosticLevel = keyof typeof DIAGNOSTIC_LEVELS;
