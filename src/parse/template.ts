// Blank templates circulate beside real disclosures (附件2：部门决算模板: 上海市XX局, "XXX 万元",
// tables with their codes and no figures). They are forms to fill in, not a department's data:
// refused, with a sentence saying so, rather than loaded as one more department.
import { BadDocumentError } from '../errors.js';
import type { ParsedDocument } from './records.js';
import { COVER } from './glossary/index.js';

/** A placeholder where a name belongs: XX, ＸＸ, ××, 某某. */
const PLACEHOLDER = COVER.placeholder.matches;
/** Every placeholder in a text (to count them). */
const PLACEHOLDERS = new RegExp(PLACEHOLDER.source, 'g');
/**
 * A placeholder where a figure belongs, with the unit it is to be counted in: "XXX 万元", "XX%",
 * "XX 辆" (a template's prose states every figure so). A real document may carry one left over; a blank form
 * carries them wherever it states a figure.
 */
const FIGURE_PLACEHOLDERS = new RegExp(`(?:${PLACEHOLDER.source})\\s*${COVER.figurePlaceholderUnit.matches.source}`, 'g');
/** How many such placeholders make a document without amounts a blank form (the template prints 107). */
const FIGURE_PLACEHOLDERS_OF_A_FORM = 3;

/** True when no record read from a table holds an amount other than zero. */
function noAmounts(doc: ParsedDocument): boolean {
  const some = (values: (bigint | null | undefined)[]) => values.some((v) => v !== null && v !== undefined && v !== 0n);
  if (doc.lines.some((l) => some([l.total, l.basic, l.project, ...Object.values(l.columns)]))) return false;
  if (doc.totals.some((t) => some([t.total, t.basic, t.project, ...Object.values(t.columns ?? {})]))) return false;
  if (doc.threeCosts.some((t) => some([t.total, t.abroad, t.reception, t.vehicles, t.vehiclePurchase, t.vehicleRunning]))) return false;
  if (doc.projects.some((p) => some([p.amount, p.executed]))) return false;
  if (doc.investmentProjects.some((p) => some([p.totalInvestment, p.plannedInYear, p.completedInYear, p.cumulativeCompleted]))) return false;
  return !doc.payments.some((p) => p.amount !== 0n);
}

/**
 * Refuses a blank template: no table prints an amount, and its publisher is a placeholder
 * (上海市XX局) or, the name typed in, its text still prints placeholders where the figures belong
 * ("XXX 万元"). A real document that prints "XX" somewhere, or a template someone filled in, is read.
 */
export function refuseTemplate(doc: ParsedDocument, text: string, file: string): void {
  if (!noAmounts(doc)) return;
  const { department } = doc.meta;
  const at = doc.meta.publisher?.departmentSource ?? doc.meta.source;
  const placeholder = PLACEHOLDER.exec(department.replace(/\s+/g, ''));
  if (placeholder) {
    const count = [...text.matchAll(PLACEHOLDERS)].length;
    throw new BadDocumentError(
      file,
      at.line,
      `a blank template, not a department's data: the publisher is printed as "${department}" (the placeholder "${placeholder[0]}" where a name belongs; ${count} placeholders in the text) and no table prints an amount; load the document the department published from it`,
    );
  }
  const figures = [...text.matchAll(FIGURE_PLACEHOLDERS)];
  const first = figures[0];
  if (!first || figures.length < FIGURE_PLACEHOLDERS_OF_A_FORM) return;
  const line = text.slice(0, first.index).split('\n').length;
  throw new BadDocumentError(
    file,
    line,
    `a blank template, not a department's data: no table prints an amount and the text prints ${figures.length} placeholders where its figures belong (the first "${first[0]}", line ${line}), though it names "${department}"; load the document the department published from it`,
  );
}
