// Performance indicators (绩效指标, three levels) from target forms and self-evaluations.
// Flattened rows lose their leading empty cells; the indicator vocabulary puts each cell
// back in its column.
import type { Table } from './layout.js';
import type { Diagnostic, Indicator } from './records.js';
import { INDICATOR_FORM as FORM } from './glossary/index.js';
import { indicatorColumns, type IndicatorColumns } from './structure/listings.js';

const LEVEL1 = FORM.level1.matches;
const LEVEL2 = FORM.level2.matches;

const clean = (c: string) => c.replace(/\s+/g, '');
/** A cell that is a value, not an indicator's name: a threshold, a number, a yes/no. */
const VALUE_LIKE = FORM.valueLike.matches;

const BENEFIT = FORM.benefitLevel2.matches;
const OUTPUT = FORM.outputLevel2.matches;
/** The level-1 a level-2 name belongs to when the form printed it under the other one (产出 ↔ 效益). */
function impliedLevel1(level2: string, level1: string | null): string | null {
  if (!level1) return null;
  const suffix = level1.endsWith('目标') ? '目标' : '指标';
  if (BENEFIT.test(level2) && FORM.outputLevel1.matches.test(level1)) return `效益${suffix}`;
  if (OUTPUT.test(level2) && FORM.benefitLevel1.matches.test(level1)) return `产出${suffix}`;
  return null;
}

export function extractIndicators(table: Table, file: string, owner: string | null, diagnostics: Diagnostic[], columns: IndicatorColumns | null = indicatorColumns(table)): Indicator[] {
  if (!columns) return [];
  const { headerIndex: headerIdx, achieved: hasActual, target: hasTarget, reason: hasReason } = columns;
  const out: Indicator[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  // Up to the next block's header (structure/listings.ts) or a row ending the indicators (说明, 备注 …).
  for (const row of table.rows.slice(headerIdx + 1, columns.end)) {
    if (FORM.sectionEnd.matches.test(clean(row.cells[0] ?? ''))) break;
    // The row's filled cells and, beside them, each one's index in the row (the cells it read).
    const kept = row.cells.flatMap((c, at) => (c.trim() !== '' && !FORM.heading.matches.test(clean(c)) ? [{ text: c.trim(), at }] : []));
    const cells = kept.map((c) => c.text);
    const cellAt = kept.map((c) => c.at);
    if (cells.length === 0) continue;
    let i = 0;
    let realigned = false;
    const [first, second] = cells;
    // Some forms print a second-level name in the first-level column (质量指标 | 质量指标): keep it as printed.
    const doubled = first !== undefined && second !== undefined && LEVEL2.test(clean(first)) && clean(first) === clean(second);
    if (first !== undefined && (LEVEL1.test(clean(first)) || doubled)) {
      level1 = clean(first);
      level2 = null;
      i++;
    }
    /** A level printed alone with no indicator under it: the level's name. */
    let levelOnly: string | null = null;
    const next = cells[i];
    if (next !== undefined && LEVEL2.test(clean(next)) && (cells.length - i >= 2 || cells.length === 1)) {
      level2 = clean(next);
      levelOnly = cells.length - i === 1 ? level2 : null;
      i++;
      // A 效益 sub-level printed under 产出 (or the reverse) belongs to the level it names.
      const implied = impliedLevel1(level2, level1);
      if (implied) {
        diagnostics.push({ level: 'INFO', code: 'INDICATOR_LEVEL_IMPLIED', message: `${table.title}: ${level2} filed under ${implied} (printed after ${level1})`, line: row.line });
        level1 = implied;
      }
    }
    let rest = cells.slice(i);
    // Where each of `rest` is printed; undefined for a name taken from the level (read from its own cell).
    let restAt: (number | undefined)[] = cellAt.slice(i);
    // A level printed alone with no indicator under it: kept, its name the level's.
    if (levelOnly !== null) {
      rest = [levelOnly];
      restAt = [undefined];
    }
    const [head] = rest;
    if (head === undefined) continue;
    // A row that starts at its name although the column before it is empty in the
    // original: the cell count tells, and the vocabulary confirms.
    if (row.cells[0]?.trim() !== '' && i === 0 && level1) realigned = true;
    const want = (hasTarget || !hasActual ? 2 : 1) + (hasActual ? 1 : 0) + (hasReason ? 1 : 0);
    // "服务对象满意度指标 | ≥95% | 95%": the name cell is empty, the level names the indicator.
    if (level2 && i > 0 && levelOnly === null && rest.length < want - (hasReason ? 1 : 0) && VALUE_LIKE.test(clean(head))) {
      rest = [level2, ...rest];
      restAt = [undefined, ...restAt];
    }
    // A name split over two cells by the PDF ("每周发布推入 | 文数量(篇)") is joined back;
    // values stay at the right-hand end where the form puts them.
    const valueCells = Math.min(rest.length - 1, want - 1 - (hasReason && rest.length < want ? 1 : 0));
    const nameCells = rest.length - valueCells;
    const name = rest.slice(0, nameCells).join('');
    const values = rest.slice(nameCells);
    const valuesFrom = hasTarget || !hasActual ? 1 : 0;
    const target = valuesFrom ? values[0] ?? null : null;
    const actual = hasActual ? values[valuesFrom] ?? null : null;
    // The reason follows the achieved value where the form prints one, else the target.
    const reasonFrom = valuesFrom + (hasActual ? 1 : 0);
    const reason = hasReason ? values.slice(reasonFrom).join(' ') || null : null;
    if (nameCells > 1) {
      diagnostics.push({ level: 'INFO', code: 'INDICATOR_CELLS_JOINED', message: `${table.title}: joined ${nameCells} cells into the indicator name "${name}"`, line: row.line, original: row.text });
    }
    if (realigned) diagnostics.push({ level: 'INFO', code: 'INDICATOR_REALIGNED', message: `${table.title}: row lost its leading empty cells; placed under ${level1}/${level2 ?? '?'}`, line: row.line, original: row.text });
    // The cells read: the levels printed on this row (cellAt's first i), the name's, and the values taken.
    const valueAt = restAt.slice(nameCells);
    const taken = [...(valuesFrom ? valueAt.slice(0, 1) : []), ...(hasActual ? valueAt.slice(valuesFrom, valuesFrom + 1) : []), ...(hasReason ? valueAt.slice(reasonFrom) : [])];
    const read = [...cellAt.slice(0, i), ...restAt.slice(0, nameCells), ...taken].filter((at) => at !== undefined);
    out.push({ level1, level2, name, target, actual, reason, project: owner, source: { file, table: table.title, line: row.line, text: row.text }, cellsRead: [...new Set(read)].sort((a, b) => a - b) });
  }
  return out;
}
