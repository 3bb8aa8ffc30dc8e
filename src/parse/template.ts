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
 * Refuses a blank template: its publisher is a placeholder (上海市XX局) and no table prints an
 * amount. A real document that prints "XX" somewhere, or a template someone filled in, is read.
 */
export function refuseTemplate(doc: ParsedDocument, text: string, file: string): void {
  const { department } = doc.meta;
  const at = doc.meta.publisher?.departmentSource ?? doc.meta.source;
  const placeholder = PLACEHOLDER.exec(department.replace(/\s+/g, ''));
  if (!placeholder || !noAmounts(doc)) return;
  const count = [...text.matchAll(PLACEHOLDERS)].length;
  throw new BadDocumentError(
    file,
    at.line,
    `a blank template, not a department's data: the publisher is printed as "${department}" (the placeholder "${placeholder[0]}" where a name belongs; ${count} placeholders in the text) and no table prints an amount; load the document the department published from it`,
  );
}
