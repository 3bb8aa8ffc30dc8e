// The parse as a list of stages // 解析流程: source → table model → structure → readers → derived
// facts → residual figures → checks → notes, each a named, typed function of the state so far, in
// the order they run (PARSE_PIPELINE at the end of this file). parseDocument (index.ts) runs them
// all; `npm run parse -- FILE --stage=NAME` stops after one and prints what it shows (src/load/
// pipeline.ts adds the last stage, the load plan). Each stage's output holds its input, so a later
// stage reads any earlier one's; the document's record lists are one object filled in place, as
// the stages go. Pure: no I/O.
import { BadDocumentError } from '../errors.js';
import { amountCellProblem, type MoneyUnit } from './amount.js';
import { forgetDocumentCells } from './cell-memo.js';
import { runChecks } from './checks/registry.js';
import { disclosureDiagnostics, withoutFindings } from './disclosure.js';
import { familyOfTitle } from './families.js';
import { residualFigures } from './figures.js';
import { DEPARTMENT_NAME, DOCUMENT_KINDS } from './glossary/index.js';
import { heldIndex, type HeldIndex } from './held.js';
import { layout, linesOfPrinted, type Layout, type LineCells, type LinePlaceOf, type Table } from './layout.js';
import { renderedText, textCells, type PrintedDocument } from '../source/printed.js';
import { extractMeta } from './meta.js';
import { redactCells, redactNote, redactPersonalData, type Redaction } from './personal-data.js';
import { projectsFromExplanations } from './readers/project-explanation.js';
import { projectsFromProse, projectsFromSelfEvaluations, selfEvaluationsFromProse } from './projects.js';
import { proseAmounts, projectsFromItemisedProse } from './prose-amounts.js';
import type { BudgetUnit, Diagnostic, DocumentMeta, ParsedDocument } from './records.js';
import { readTableBy, type TableContext } from './table-families.js';
import { appendRecords } from './table-records.js';
import { refuseTemplate } from './template.js';
import { threeCostsFromProse } from './three-costs.js';
import { lineUnits, tableUnit, tableUnits } from './units.js';
import { Pipeline, type Stage } from './stage.js';
import { classificationRoles, columnRoles, headerBlocks, standardOf } from './stage-views.js';
import { showStructure, structureOf, type TableStructure } from './structure/index.js';

export { Pipeline, UnknownStageError, type Stage, type StageInfo } from './stage.js';

// ── The states: each stage's output, holding its input ──────────────────────────────────────────

/** What parseDocument is given: the source's printed document (or a text), its text rendering, the file's name, what the source said of it. */
export interface PipelineInput {
  /** The text rendering (renderText of `printed`): the document's text for display and line provenance. */
  text: string;
  file: string;
  /** A PDF page without a text layer, a font without a Unicode map: kept as the first diagnostics. */
  sourceNotes: readonly Diagnostic[];
  /**
   * The source's model (src/source/printed.ts): each line's cells, and where the source has them
   * their boxes, spans and page. The table model takes its cells from it. Absent: the text is read
   * as the text source reads one (each line's tab-separated parts), with `places` if given.
   */
  printed?: PrintedDocument | null;
  /** Without a model: the source's boxes of each line's cells (a PDF's grid), where they are known. */
  places?: readonly (LineCells | null)[] | null;
}

export interface Sourced extends PipelineInput {
  /** The text as read and stored: valid Unicode, no control characters, personal data redacted. */
  redaction: Redaction;
  /** Each line's cells as printed (the model's), personal data redacted cell by cell: what the table model reads. */
  cells: readonly (readonly string[])[];
  /** Each line's place as the parser reads it (the model's pages, boxes and spans), or null. */
  places?: readonly (LinePlaceOf | null)[] | null;
}

/** The pipeline's input for a printed document (its text rendered from it), or for a text with its places if known. */
export function pipelineInput(input: string | PrintedDocument, file: string, sourceNotes: readonly Diagnostic[] = [], places?: readonly (LineCells | null)[] | null): PipelineInput {
  return typeof input === 'string' ? { text: input, file, sourceNotes, places } : { text: renderedText(input), file, sourceNotes, printed: input };
}

/**
 * The document as the parser reads it: each line's cells and place, and the text as stored, personal
 * data redacted. From a printed document: its cells redacted cell by cell (personal-data.ts
 * redactCells) and the text rendered from them; from a text: the text redacted line for line and
 * its tab-separated parts.
 */
function sourced(input: PipelineInput): { redaction: Redaction; cells: readonly (readonly string[])[]; places: readonly (LinePlaceOf | null)[] | null | undefined } {
  if (!input.printed) {
    const redaction = checkedText(input.text, input.file);
    return { redaction, cells: textCells(redaction.text), places: input.places };
  }
  const { cells, places } = linesOfPrinted(input.printed);
  checkUnicode(input.text, input.file);
  const redacted = redactCells(cells);
  const redaction: Redaction = { text: redacted.lines.length ? redacted.cells.map((c) => c.join('\t')).join('\n') : input.text, lines: redacted.lines };
  // The text as stored (index.ts documentText) asks for this text's redaction next: it is this one.
  lastChecked = { text: input.text, redaction };
  return { redaction: { text: redaction.text, lines: [...redaction.lines] }, cells: redacted.cells, places };
}

export interface Modelled extends Sourced {
  layout: Layout;
}

export interface Structured extends Modelled {
  meta: DocumentMeta;
  /** A 决算: tables are read as executed (ACTUAL) amounts. */
  isActual: boolean;
  /** The document being built: meta and each table's unit so far, its record lists empty. */
  doc: ParsedDocument;
  /** Each table's structure: header paths, column and row roles (structure/). */
  structures: ReadonlyMap<Table, TableStructure>;
}

export interface Read extends Structured {
  /** Per table (in the layout's order), the families that read it; the last one claimed it. None: only its figures are kept. */
  readBy: string[][];
}

export interface Derived extends Read {
  /** Per line, the printed values the records above hold (held.ts): what residual figures skip. */
  held: HeldIndex;
}

export type Figured = Derived;
export type Checked = Figured;
export type Parsed = Checked;

// ── The stages, top to bottom ────────────────────────────────────────────────────────────────────

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Valid Unicode: no lone UTF-16 surrogate. Throws BadDocumentError. */
function checkUnicode(text: string, file: string): void {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const at = lone.index;
    const before = text.slice(0, at);
    throw new BadDocumentError(file, before.split('\n').length, `a lone UTF-16 surrogate (U+${text.charCodeAt(at).toString(16).toUpperCase()}) at column ${at - before.lastIndexOf('\n')}; expected Unicode text (the client split a character in two)`);
  }
}

/** Valid Unicode, personal data redacted line for line (personal-data.ts). Throws BadDocumentError. */
export function checkedText(text: string, file: string): Redaction {
  checkUnicode(text, file);
  // The parse and the text as stored (index.ts documentText) both ask for the same text, one after
  // the other: the last text's redaction is kept, and handed out as a copy.
  if (lastChecked?.text !== text) lastChecked = { text, redaction: redactPersonalData(text) };
  const { redaction } = lastChecked;
  return { text: redaction.text, lines: [...redaction.lines] };
}

/** The last text checkedText redacted, with its redaction: one text held, never more. */
let lastChecked: { text: string; redaction: Redaction } | null = null;

export const SOURCE: Stage<PipelineInput, Sourced> = {
  name: 'source',
  purpose: "the text as stored: valid Unicode and UTF-8, no control characters, personal data (填报人, 联系电话) redacted in each line's cells (the printed document's, or a text's tab-separated parts), the text rendered from them",
  run(input) {
    // A new document: the cell answers kept for the last one go (cell-memo.ts).
    forgetDocumentCells();
    const { redaction, cells, places } = sourced(input);
    const { text } = redaction;
    const { file } = input;
    if (text.trim() === '') throw new BadDocumentError(file, 1, 'the file is empty; expected the text of a budget document');
    if (text.includes('\uFFFD')) {
      const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
      throw new BadDocumentError(file, line, 'the text is not valid UTF-8; convert the PDF text to UTF-8 first');
    }
    const control = CONTROL.exec(text);
    if (control) {
      const before = text.slice(0, control.index);
      const line = before.split('\n').length;
      const column = control.index - before.lastIndexOf('\n');
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new BadDocumentError(file, line, `control character U+${code} at column ${column}; expected plain text as extracted from the PDF (remove binary or control characters)`);
    }
    return { ...input, redaction, cells, places };
  },
  show: ({ file, sourceNotes, redaction }) => ({ file, sourceNotes, redactedLines: redaction.lines, lines: redaction.text.split('\n') }),
};

export const TABLE_MODEL: Stage<Sourced, Modelled> = {
  name: 'table-model',
  purpose: 'the text as tables (title, number, unit, rows of cells, header paths) and prose lines (layout.ts); lines with personal labels dropped',
  run: (input) => ({ ...input, layout: layout(input.cells, input.places) }),
  show: ({ layout: lay }) => ({
    tables: lay.tables.map((t) => ({
      title: t.title,
      number: t.number,
      titleLine: t.titleLine,
      unit: t.unit ?? null,
      ...(t.flattened ? { flattened: true } : {}),
      preamble: t.preamble,
      headers: headerBlocks(t),
      rows: t.rows.map((r) => ({ line: r.line, cells: r.cells })),
    })),
    prose: lay.prose,
    piiLinesDropped: lay.piiLinesDropped,
  }),
};

export const STRUCTURE: Stage<Modelled, Structured> = {
  name: 'structure',
  purpose: "what the document is (meta: title, department, year, kinds, unit) and each table's family, unit, header paths and the roles of its columns and rows, read once for the readers (structure/); refuses a text that is no budget document",
  run(input) {
    const { file, layout: lay } = input;
    const meta = extractMeta(input.redaction.text, file, lay);
    if (!Number.isFinite(meta.year) || meta.kinds.length === 0) {
      throw new BadDocumentError(file, meta.source.line, 'not a budget document: expected a title with a year (e.g. "2024年…部门预算") and tables of the 部门预算/决算/绩效 families');
    }
    const doc: ParsedDocument = { meta, totals: [], units: [], lines: [], threeCosts: [], projects: [], indicators: [], investmentProjects: [], selfEvaluations: [], figures: [], proseAmounts: [], payments: [], anomalies: [], diagnostics: [] };
    // Each table in the unit it declares, else the document's (units.ts); the choice is kept.
    doc.tableUnits = tableUnits(lay, { unit: meta.moneyUnit, source: meta.moneyUnitSource ?? null }, file);
    return { ...input, meta, isActual: meta.kinds.includes('FINAL_ACCOUNTS'), doc, structures: new Map(lay.tables.map((t) => [t, structureOf(t, tableUnit(t, meta.moneyUnit))])) };
  },
  show: ({ meta, layout: lay, doc, structures }) => ({
    meta,
    tables: lay.tables.map((t, i) => ({
      title: t.title,
      titleLine: t.titleLine,
      family: familyOfTitle(t.title),
      standard: standardOf(t.title),
      unit: doc.tableUnits?.[i] ?? null,
      columns: columnRoles(t),
      ...withStructure(t, structures.get(t)),
    })),
  }),
};

/** What --stage=structure shows of a table's roles: the classification reader's, and the structure's. */
function withStructure(table: Table, structure: TableStructure | undefined): { classification: unknown; structure: unknown } {
  return { classification: classificationRoles(table, structure ? structure.coded : undefined), structure: structure ? showStructure(structure) : null };
}

export const READERS: Stage<Structured, Read> = {
  name: 'readers',
  purpose: 'each table read by the first family reader that claims it (table-families.ts), its amounts checked against its unit; then the prose: projects, amounts, self-evaluations, 三公 figures',
  run(input) {
    const { file, meta, isActual, doc, layout: lay } = input;
    const unit = meta.moneyUnit;
    const ctx: TableContext = { file, meta, isActual, diagnostics: doc.diagnostics };
    const declaresUnits = lay.tables.some((t) => t.unit);
    const readBy: string[][] = [];
    for (const table of lay.tables) {
      const own = tableUnit(table, unit);
      for (const row of table.rows) {
        for (const cell of row.cells) {
          const problem = amountCellProblem(cell, own);
          if (problem) doc.diagnostics.push({ level: 'WARNING', code: 'AMOUNT_UNREADABLE', message: `${table.title}: ${problem}`, line: row.line, original: cell });
        }
      }
      if (!table.unit && declaresUnits && !meta.moneyUnitSource && table.rows.some((r) => r.cells.some((c) => /\d[.,]\d/.test(c)))) {
        // Other tables of this document declare their units and differ: this one's is an assumption.
        doc.diagnostics.push({ level: 'INFO', code: 'UNIT_ASSUMED', message: `${table.title}: declares no unit; its amounts are read in the document's ${unit} (other tables here declare ${[...new Set(lay.tables.flatMap((t) => (t.unit ? [t.unit.unit] : [])))].join(', ')})`, line: table.titleLine });
      }
      const read = readTableBy(table, { ...ctx, unit: own, structure: input.structures.get(table) });
      readBy.push(read.map((r) => r.family));
      for (const { records } of read) {
        appendRecords(doc, records);
      }
    }
    refuseTemplate(doc, input.redaction.text, file);
    // Sentences print their unit: each prose reader takes "… N 万元" only, so reads 万元.
    const prose: MoneyUnit = '万元';
    doc.projects.push(...projectsFromProse(lay.prose, file, prose));
    doc.projects.push(...projectsFromExplanations(lay.prose, file, doc.diagnostics, doc.meta.department));
    doc.proseAmounts = proseAmounts(lay.prose, file, prose);
    doc.projects.push(...projectsFromItemisedProse(doc.proseAmounts, new Set(doc.projects.map((p) => p.name))));
    const proseEvaluations = selfEvaluationsFromProse(lay.prose, file, prose);
    doc.selfEvaluations.push(...proseEvaluations);
    doc.projects.push(...projectsFromSelfEvaluations(proseEvaluations));
    doc.threeCosts.push(...threeCostsFromProse(lay.prose, file, prose, meta.year, isActual));
    return { ...input, readBy };
  },
  show: ({ doc, layout: lay, readBy }) => {
    const { totals, lines, threeCosts, projects, indicators, investmentProjects, selfEvaluations, proseAmounts: amounts, payments, anomalies, diagnostics } = doc;
    const tables = lay.tables.map((t, i) => ({ title: t.title, titleLine: t.titleLine, readBy: readBy[i] ?? [] }));
    return { tables, totals, lines, threeCosts, projects, indicators, investmentProjects, selfEvaluations, proseAmounts: amounts, payments, tableTimeAnomalies: anomalies, diagnostics };
  },
};

export const DERIVED: Stage<Read, Derived> = {
  name: 'derived',
  purpose: 'facts of the facts: the budget units the records name (本级 or the department is the unit itself), and per line the values the records hold',
  run(input) {
    input.doc.units = unitsOf(input.doc);
    return { ...input, held: heldIndex(input.doc, lineUnits(input.layout, input.meta.moneyUnit)) };
  },
  show: ({ doc, held }) => ({ units: doc.units, held: Object.fromEntries([...held].map(([line, values]) => [line, Object.fromEntries(values)])) }),
};

function unitsOf(doc: ParsedDocument): BudgetUnit[] {
  const names = new Map<string, BudgetUnit>();
  for (const item of [...doc.lines, ...doc.projects]) {
    if (item.unit && !names.has(item.unit)) {
      names.set(item.unit, { name: item.unit, isSelf: DEPARTMENT_NAME.ownUnit.test(item.unit) || item.unit === doc.meta.department, source: item.source });
    }
  }
  return [...names.values()];
}

export const FIGURES: Stage<Derived, Figured> = {
  name: 'figures',
  purpose: 'every number a table prints that no record holds, kept as a Figure with its row and column (nothing is dropped); tables of no family said; refuses a document without one fact',
  run(input) {
    const { doc, file, layout: lay, meta, isActual, held } = input;
    const basis = isActual ? 'ACTUAL' : 'BUDGET';
    for (const table of lay.tables) {
      const figures = residualFigures(table, file, tableUnit(table, meta.moneyUnit), DOCUMENT_KINDS.finalAccounts.matches.test(table.title) ? 'ACTUAL' : basis, held);
      doc.figures.push(...figures);
      if (table.flattened) doc.diagnostics.push({ level: 'WARNING', code: 'FLATTENED_TABLE', message: `${table.title}: printed on one line; ${figures.length} numbers kept as figures with the words before each, their columns unknown (check against the PDF)`, line: table.titleLine });
      if (familyOfTitle(table.title) === 'OTHER') {
        // Money nobody reads as a fact is a WARNING: its figures are kept, their meaning is not known.
        const money = figures.filter((f) => f.measure === 'MONEY').length;
        doc.diagnostics.push({ level: money ? 'WARNING' : 'INFO', code: 'UNKNOWN_TABLE', message: `"${table.title}": no table family of the glossary; ${table.rows.length} rows, ${figures.length} numbers kept as figures${money ? ` (${money} amounts of money no typed record holds)` : ''}`, line: table.titleLine });
      }
    }
    doc.diagnostics.push(...disclosureDiagnostics(lay));
    const facts = doc.figures.filter((f) => f.family !== 'OTHER').length + doc.payments.length + doc.lines.length + doc.projects.length + doc.indicators.length + doc.investmentProjects.length + doc.selfEvaluations.length + doc.threeCosts.length;
    if (facts === 0) {
      const first = lay.tables[0];
      const found = first ? `${lay.tables.length} table(s), none of a known family (first: "${first.title}", line ${first.titleLine})` : 'no table at all';
      throw new BadDocumentError(file, first?.titleLine ?? meta.source.line, `not a budget document of a known family: found ${found}; expected tables of 部门预算 / 部门决算 / 绩效目标 / 绩效自评 (classification lines, project forms, 三公 tables …)`);
    }
    return input;
  },
  show: ({ doc }) => ({ figures: doc.figures, diagnostics: doc.diagnostics }),
};

export const CHECKS: Stage<Figured, Checked> = {
  name: 'checks',
  purpose: 'every rule of the checks registry (checks/registry.ts) over the records and figures, in its order: anomalies citing both sides; a blank table a check found is no longer also a diagnostic',
  run(input) {
    const { doc } = input;
    // The checks read the residual figures too (a total a table prints only as a figure): they run after them.
    // The places carry each line's page (a PDF's, a text's form feeds): the page rules read them.
    doc.anomalies.push(...runChecks({ doc, layout: input.layout, lines: input.redaction.text.split('\n'), places: input.places, sourceNotes: input.sourceNotes }));
    doc.diagnostics = withoutFindings(doc.diagnostics, doc.anomalies);
    return input;
  },
  show: ({ doc }) => ({ anomalies: doc.anomalies }),
};

export const NOTES: Stage<Checked, Parsed> = {
  name: 'notes',
  purpose: "what the reading hid and what the source said: lines of personal data dropped or redacted (said, never shown), the source's notes first",
  run(input) {
    const { doc, layout: lay } = input;
    for (const line of lay.piiLinesDropped) doc.diagnostics.push({ level: 'INFO', code: 'PII_DROPPED', message: 'personal name or telephone line dropped', line });
    // A value hidden from a line that is read on (a table row, prose): said, so a blank where the
    // page prints something is never silent.
    const dropped = new Set(lay.piiLinesDropped);
    for (const line of input.redaction.lines) if (!dropped.has(line)) doc.diagnostics.push({ level: 'INFO', code: 'PERSONAL_DATA_REDACTED', message: 'personal data (a name, telephone number, e-mail address or ID number) on this line is not stored', line });
    // A source's note may quote the page (OCR's low-confidence readings): stored and served, so redacted as the text is.
    const personal = new Set([...lay.piiLinesDropped, ...input.redaction.lines]);
    doc.diagnostics.unshift(...input.sourceNotes.map(({ level, code, message, line }) => ({ level, code, message: redactNote(message, personal.has(line)), line })));
    return input;
  },
  show: ({ doc }) => ({ diagnostics: doc.diagnostics }),
};

/** The parse, stage by stage: parseDocument is PARSE_PIPELINE.run(…).doc. */
export const PARSE_PIPELINE = Pipeline.start<PipelineInput>()
  .then(SOURCE)
  .then(TABLE_MODEL)
  .then(STRUCTURE)
  .then(READERS)
  .then(DERIVED)
  .then(FIGURES)
  .then(CHECKS)
  .then(NOTES);
