// parseDocument: text + file name → typed records, anomalies and diagnostics. Pure: no I/O.
import { BadDocumentError } from '../errors.js';
import { layout, type LineCells } from './layout.js';
import { residualFigures } from './figures.js';
import { heldIndex } from './held.js';
import { proseAmounts, projectsFromItemisedProse } from './prose-amounts.js';
import { extractMeta } from './meta.js';
import { amountCellProblem, type MoneyUnit } from './amount.js';
import { runChecks } from './checks/registry.js';
import { lineUnits, tableUnit, tableUnits } from './units.js';
import { refuseTemplate } from './template.js';
import { projectsFromProse, projectsFromSelfEvaluations, selfEvaluationsFromProse } from './projects.js';
import { readTable, type TableContext, type TableRecords } from './table-families.js';
import { familyOfTitle } from './families.js';
import { disclosureDiagnostics, withoutFindings } from './disclosure.js';
import { threeCostsFromProse } from './three-costs.js';
import { redactPersonalData, type Redaction } from './personal-data.js';
import type { BudgetUnit, Diagnostic, ParsedDocument } from './records.js';

export type * from './records.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The text every reader and the store see: checked (valid Unicode, no control characters) and
 * with its personal data redacted line for line (personal-data.ts). Throws BadDocumentError.
 */
export function documentText(text: string, file: string): string {
  return checkedText(text, file).text;
}

function checkedText(text: string, file: string): Redaction {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const at = lone.index;
    const before = text.slice(0, at);
    throw new BadDocumentError(file, before.split('\n').length, `a lone UTF-16 surrogate (U+${text.charCodeAt(at).toString(16).toUpperCase()}) at column ${at - before.lastIndexOf('\n')}; expected Unicode text (the client split a character in two)`);
  }
  return redactPersonalData(text);
}

/**
 * `sourceNotes`: what the source said about reading the file (a PDF page without a text layer, a
 * font without a Unicode map), kept as the document's diagnostics first, in the same place as the
 * parser's own: one way to report a document's troubles. `places`: the source's boxes of each
 * line's cells (SourceDocument.places), where a PDF's grid tells which header cells span columns.
 */
export function parseDocument(input: string, file: string, sourceNotes: readonly Diagnostic[] = [], places?: readonly (LineCells | null)[] | null): ParsedDocument {
  const redaction = checkedText(input, file);
  const text = redaction.text;
  if (text.trim() === '') throw new BadDocumentError(file, 1, 'the file is empty; expected the text of a budget document');
  if (text.includes('\uFFFD')) {
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new BadDocumentError(file, line, 'the text is not valid UTF-8; convert the PDF text to UTF-8 first');
  }
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const before = text.slice(0, control.index);
    const line = before.split('\n').length;
    const column = control.index - before.lastIndexOf('\n');
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new BadDocumentError(file, line, `control character U+${code} at column ${column}; expected plain text as extracted from the PDF (remove binary or control characters)`);
  }
  const lay = layout(text, places);
  const meta = extractMeta(text, file, lay);
  if (!Number.isFinite(meta.year) || meta.kinds.length === 0) {
    throw new BadDocumentError(file, meta.source.line, 'not a budget document: expected a title with a year (e.g. "2024年…部门预算") and tables of the 部门预算/决算/绩效 families');
  }
  const doc: ParsedDocument = { meta, totals: [], units: [], lines: [], threeCosts: [], projects: [], indicators: [], investmentProjects: [], selfEvaluations: [], figures: [], proseAmounts: [], payments: [], anomalies: [], diagnostics: [] };
  const isActual = meta.kinds.includes('FINAL_ACCOUNTS');
  const unit = meta.moneyUnit;
  const ctx: TableContext = { file, meta, isActual, diagnostics: doc.diagnostics };
  // Each table in the unit it declares, else the document's (units.ts); the choice is kept.
  doc.tableUnits = tableUnits(lay, { unit, source: meta.moneyUnitSource ?? null }, file);
  const declaresUnits = lay.tables.some((t) => t.unit);

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
    for (const records of readTable(table, { ...ctx, unit: own })) {
      for (const [key, values] of Object.entries(records) as [keyof TableRecords, unknown[]][]) (doc[key] as unknown[]).push(...values);
    }
  }
  refuseTemplate(doc, text, file);
  // Sentences print their unit: each prose reader takes "… N 万元" only, so reads 万元.
  const prose: MoneyUnit = '万元';
  doc.projects.push(...projectsFromProse(lay.prose, file, prose));
  doc.proseAmounts = proseAmounts(lay.prose, file, prose);
  doc.projects.push(...projectsFromItemisedProse(doc.proseAmounts, new Set(doc.projects.map((p) => p.name))));
  const proseEvaluations = selfEvaluationsFromProse(lay.prose, file, prose);
  doc.selfEvaluations.push(...proseEvaluations);
  doc.projects.push(...projectsFromSelfEvaluations(proseEvaluations));
  doc.threeCosts.push(...threeCostsFromProse(lay.prose, file, prose, meta.year, isActual));
  doc.units = unitsOf(doc);
  // Whatever a table prints that the records above do not hold becomes a Figure: nothing is dropped.
  const held = heldIndex(doc, lineUnits(lay, unit));
  const basis = isActual ? 'ACTUAL' : 'BUDGET';
  for (const table of lay.tables) {
    const figures = residualFigures(table, file, tableUnit(table, unit), /决算/.test(table.title) ? 'ACTUAL' : basis, held);
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
    const found = lay.tables.length ? `${lay.tables.length} table(s), none of a known family (first: "${lay.tables[0]!.title}", line ${lay.tables[0]!.titleLine})` : 'no table at all';
    throw new BadDocumentError(file, lay.tables[0]?.titleLine ?? meta.source.line, `not a budget document of a known family: found ${found}; expected tables of 部门预算 / 部门决算 / 绩效目标 / 绩效自评 (classification lines, project forms, 三公 tables …)`);
  }
  // Every check of the registry (checks/registry.ts) over the records read, in its declared order.
  doc.anomalies.push(...runChecks({ doc, layout: lay, lines: text.split('\n') }));
  // A blank table a check found (an anomaly citing its title line) is that finding, not also a diagnostic.
  doc.diagnostics = withoutFindings(doc.diagnostics, doc.anomalies);
  for (const line of lay.piiLinesDropped) doc.diagnostics.push({ level: 'INFO', code: 'PII_DROPPED', message: 'personal name or telephone line dropped', line });
  // A value hidden from a line that is read on (a table row, prose): said, so a blank where the
  // page prints something is never silent.
  const dropped = new Set(lay.piiLinesDropped);
  for (const line of redaction.lines) if (!dropped.has(line)) doc.diagnostics.push({ level: 'INFO', code: 'PERSONAL_DATA_REDACTED', message: 'personal data (a name, telephone number, e-mail address or ID number) on this line is not stored', line });
  doc.diagnostics.unshift(...sourceNotes.map(({ level, code, message, line }) => ({ level, code, message, line })));
  return doc;
}

function unitsOf(doc: ParsedDocument): BudgetUnit[] {
  const names = new Map<string, BudgetUnit>();
  for (const item of [...doc.lines, ...doc.projects]) {
    if (item.unit && !names.has(item.unit)) {
      names.set(item.unit, { name: item.unit, isSelf: /本级/.test(item.unit) || item.unit === doc.meta.department, source: item.source });
    }
  }
  return [...names.values()];
}
