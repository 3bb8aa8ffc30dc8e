// Projects (项目) wherever a document lists them: project tables with codes, key-project
// tables, the prose list of 项目支出, target forms and self-evaluation forms.
import { parseAmount, parsePercent, toHalfWidth, type MoneyUnit } from './amount.js';
import type { ProseLine, Row, Table } from './layout.js';
import type { Diagnostic, FundingLine, Project, SelfEvaluation, Source, TableTotal } from './records.js';
import { PROJECT_FORM, PROJECT_LISTS, TASK_FORM, DOCUMENT_KINDS, UNIT_MARKS } from './glossary/index.js';
import { listingColumns, taskFundingLabels, type ListingColumns } from './structure/listings.js';
import { projectForm, type ProjectForm } from './structure/form-fields.js';
import { group } from './matches.js';

const CODE = /^2\d{2}(?:\d{2}){0,2}$/;
const cellText = (c: string | undefined) => (c ?? '').replace(/\s+/g, '');

/** Of the given cell indexes of a row, those printing something, ascending and once each (the cells a record read). */
function filledOf(row: Row, at: readonly (number | undefined)[]): number[] {
  const filled = at.filter((i): i is number => i !== undefined && i >= 0 && (row.cells[i] ?? '').trim() !== '');
  return [...new Set(filled)].sort((a, b) => a - b);
}

/** A project listing with the fields most listings do not print left empty. */
function listing(fields: Pick<Project, 'name' | 'amount' | 'sourceKind' | 'source'> & Partial<Project>): Project {
  return { level: null, parent: null, unit: null, executed: null, executionRate: null, functionCode: null, functionName: null, key: false, goal: null, ...fields };
}


/** 部门预算绩效管理项目情况表 style: 科目编码 | 科目名称 | 项目名称 | 项目金额 | 绩效目标 … */
export function projectsFromCodedTable(table: Table, file: string, unit: MoneyUnit, diagnostics: Diagnostic[], unitTotals: TableTotal[] = [], columns: ListingColumns = listingColumns(table)): Project[] {
  const { PROJECT_NAME: nameCol, CODE: codeCol, AMOUNT: amountCol, GOAL: goalCol, JUSTIFICATION: basisCol } = columns;
  if (!nameCol || !codeCol || !amountCol) return [];
  const out: Project[] = [];
  let currentUnit: string | null = null;
  for (const row of table.rows.slice(nameCol.row + 1)) {
    const code = cellText(row.cells[codeCol.index]);
    const name = (row.cells[nameCol.index] ?? '').trim();
    if (!CODE.test(code)) {
      const label = (row.cells[0] ?? '').trim();
      const unitAmount = label && !name ? parseAmount(row.cells[amountCol.index] ?? '', unit) : null;
      if (unitAmount) {
        // A 预算单位 row heads its projects and prints their total.
        currentUnit = label;
        unitTotals.push({ table: table.title, unit: label, total: unitAmount.fen, basic: null, project: unitAmount.fen, columns: { 项目金额: unitAmount.fen }, source: { file, table: table.title, line: row.line, text: row.text }, cellsRead: filledOf(row, [0, amountCol.index]) });
      }
      else {
        // A row cut over two lines: its tail continues the previous project's text cells.
        const prev = out[out.length - 1];
        if (prev && !name && !code) {
          const extra = goalCol ? (row.cells[goalCol.index] ?? '').trim() : '';
          if (extra) prev.goal = `${prev.goal ?? ''}${extra}`;
          diagnostics.push({ level: 'INFO', code: 'ROW_JOINED', message: `${table.title}: joined a wrapped row to the project above`, line: row.line });
        }
      }
      continue;
    }
    const key = /^[★☆*]/.test(name);
    const amount = parseAmount(row.cells[amountCol.index] ?? '', unit);
    out.push({
      name: name.replace(/^[★☆*]\s*/, ''),
      level: null,
      parent: null,
      unit: currentUnit,
      amount: amount?.fen ?? null,
      executed: null,
      executionRate: null,
      functionCode: code,
      functionName: cellText(row.cells[codeCol.index + 1]) || null,
      key,
      goal: goalCol ? (row.cells[goalCol.index] ?? '').trim() || null : null,
      ...(basisCol ? { justification: (row.cells[basisCol.index] ?? '').trim() || null } : {}),
      sourceKind: 'PROJECT_TABLE',
      source: { file, table: table.title, line: row.line, text: row.text },
      // Its code, 科目名称, name, amount, goal and 立项依据 cells, where printed.
      cellsRead: filledOf(row, [codeCol.index, codeCol.index + 1, nameCol.index, amountCol.index, goalCol?.index, basisCol?.index]),
    });
  }
  return out;
}

/** 重点项目 table: 项目名称（一级项目） | 预算数（万元） | 绩效目标, with names wrapped over lines. */
export function projectsFromKeyTable(table: Table, file: string, unit: MoneyUnit, diagnostics: Diagnostic[], columns: ListingColumns = listingColumns(table)): Project[] {
  const { PROJECT_NAME: nameCol, BUDGET: amountCol } = columns;
  if (!nameCol || !amountCol || columns.CODE) return [];
  const level1 = columns.firstLevel === true;
  const out: Project[] = [];
  // The row the lines without an amount continue: the last project, or a row printed without a
  // name, whose wrapped goal text is its own and must not run on into the project above.
  let current: Project | Nameless | null = null;
  const nameless: Nameless[] = [];
  for (const row of table.rows.slice(nameCol.row + 1)) {
    const name = (row.cells[nameCol.index] ?? '').trim();
    const amountCell = row.cells[amountCol.index] ?? '';
    const amount = amountCell.trim() ? parseAmount(amountCell, unit) : null;
    if (PROJECT_LISTS.level1.matches.test(name) && !amount) continue;
    const goalCell = (row.cells[amountCol.index + 1] ?? '').trim();
    if (!amount) {
      // Wrapped name or goal text: continues the row above.
      if (current && 'printedName' in current) current.printedName += name;
      else if (current && name && current.source.line >= row.line - 3) current.name += name;
      if (current) current.goal = `${current.goal ?? ''}${goalCell}`;
      continue;
    }
    if (amount.repair) diagnostics.push({ level: 'INFO', code: 'AMOUNT_REPAIRED', message: `${table.title}: ${amount.repair}`, line: row.line, original: amountCell });
    if (!name) {
      current = { printedName: '', goal: goalCell || null, amountCell: amountCell.trim(), source: { file, table: table.title, line: row.line, text: row.text } };
      nameless.push(current);
      continue;
    }
    current = listing({
      name,
      level: level1 ? 1 : null,
      amount: amount.fen,
      key: true,
      goal: (row.cells[amountCol.index + 1] ?? '').trim() || null,
      sourceKind: 'KEY_PROJECT_TABLE',
      source: { file, table: table.title, line: row.line, text: row.text },
      // Its name, amount and goal cells on this row (a wrapped name's rest is on the lines below).
      cellsRead: filledOf(row, [nameCol.index, amountCol.index, amountCol.index + 1]),
    });
    out.push(current);
  }
  for (const row of nameless) {
    const goal = row.goal ? `; its goal text, on no project: ${row.goal}` : '';
    const printed = row.printedName ? `; below it the name column prints only "${row.printedName}"` : '';
    diagnostics.push({ level: 'WARNING', code: 'PROJECT_NAME_MISSING', message: `${table.title}: a row has an amount (${row.amountCell}) but no project name; kept out of the project list${printed}${goal}`, line: row.source.line, original: row.source.text });
  }
  return out;
}

/** A 重点项目 row printed with an amount but no name: what it prints, for its diagnostic. */
interface Nameless {
  /** Whatever the name column prints on its continuation lines (a scan's noise, or a name the reader does not guess from). */
  printedName: string;
  goal: string | null;
  amountCell: string;
  source: Source;
}

const PROSE_ITEM = PROJECT_LISTS.proseItem.matches;
const FUNCTION_MARK = PROJECT_LISTS.functionMark.matches;

/**
 * The prose list under 项目支出 (第三部分): "3. 某管理 1,234.56 万元，主要用于…". An item naming a 类 /
 * 款 / 项 ("“…（类）…（款）行政运行（项）”938.99万元，主要用于…", a budget's 财政拨款支出主要内容) is a
 * function line the tables print, read as a prose amount, not a project.
 */
export function projectsFromProse(prose: ProseLine[], file: string, unit: MoneyUnit): Project[] {
  const out: Project[] = [];
  for (const p of prose) {
    const m = PROSE_ITEM.exec(toHalfWidth(p.text));
    if (!m || FUNCTION_MARK.test(group(m, 1))) continue;
    const amount = parseAmount(group(m, 2), unit);
    if (!amount) continue;
    out.push(listing({ name: group(m, 1).trim(), amount: amount.fen, sourceKind: 'PROSE_LIST', source: { file, table: '正文', line: p.line, text: p.text } }));
  }
  return out;
}

/** A 主要内容 cell describes the task ("主要用于…", numbered sentences) rather than naming a project. */
function isDescription(text: string): boolean {
  return TASK_FORM.descriptionStart.matches.test(text) || TASK_FORM.numberedSentence.matches.test(text) || TASK_FORM.sentencePunctuation.matches.test(text) || text.length > 40;
}

const BASIC_EXPENDITURE = TASK_FORM.basicExpenditure.matches;
/** 基本支出 and its parts by name: a task row so named is not a project. */
const BASIC_CATEGORY = TASK_FORM.basicCategory.matches;
const BASIC_TASK = TASK_FORM.basicTask.matches;

/**
 * 整体支出绩效目标表 年度主要任务 rows: 任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金.
 * The 任务名称 is often a 功能分类 项 name (一般行政管理事务); the 主要内容 the project.
 */
export function projectsFromTargetForm(table: Table, file: string, unit: MoneyUnit, columns: ListingColumns = listingColumns(table)): Project[] {
  const taskHeader = columns.TASK_NAME;
  if (!taskHeader) return [];
  const out: Project[] = [];
  let task: string | null = null;
  // The funding sources the amount's cells after 总额 are, in order (structure/listings.ts).
  const fundingLabels = taskFundingLabels(table, taskHeader);
  for (const row of table.rows.slice(taskHeader.row + 1)) {
    if (TASK_FORM.tasksEnd.matches.test(row.text)) break;
    const cells = row.cells.map((c) => c.trim());
    const amountIdx = cells.findIndex((c, i) => i > 0 && c !== '' && parseAmount(c, unit) !== null);
    const amountCell = cells[amountIdx];
    if (amountIdx < 1 || amountCell === undefined) continue;
    // The row label 年度主要任务 can share a cell with the first task ("年度主要任务 一般管理事务").
    const textCells = cells.slice(0, amountIdx).flatMap((c, at) => {
      const text = c.replace(TASK_FORM.mainTasksPrefix.matches, '');
      return text === '' ? [] : [{ text, at }];
    });
    const texts = textCells.map((c) => c.text);
    // The last two texts: the task and its 主要内容 (a row of one text is a project under the task above).
    const [before, last] = texts.slice(-2);
    // The cells of those texts (the task's when it is printed on this row).
    const textAt = textCells.slice(-2).map((c) => c.at);
    let name: string | null = null;
    if (before !== undefined && last !== undefined) {
      task = before;
      name = last;
    } else if (before !== undefined) {
      name = before;
    }
    if (!name) continue;
    // "综合管理 | 主要用于…": the task itself is the project and the cell after it a description.
    let goal: string | null = null;
    let taskRow = false;
    if (texts.length >= 2 && task !== null && isDescription(name)) {
      goal = name;
      name = task;
      task = null;
      taskRow = true;
    }
    // 基本支出 (staff and running costs) is not a project: its rows stay figures of the form. Under
    // a task that is an item of 基本支出 (在职人员经费, 机构公用经费 … under 行政运行); a 任务名称 row
    // with its own 主要内容 is a task the form declares, a project like the others, unless it is
    // named 基本支出 or one of its parts: the basic running costs, which the documents' own count
    // of projects leaves out (tests/unit/lost-and-misplaced-facts.test.ts gives the lines).
    if (taskRow ? BASIC_CATEGORY.test(cellText(name)) : BASIC_EXPENDITURE.test(cellText(name)) || (task !== null && BASIC_TASK.test(cellText(task)))) continue;
    const amount = parseAmount(amountCell, unit);
    const funding: FundingLine[] = [];
    const after = cells.flatMap((c, at) => (at > amountIdx && c !== '' ? [{ cell: c, at }] : []));
    const fundingAt: number[] = [];
    after.forEach(({ cell, at }, k) => {
      const source = fundingLabels[k];
      const value = parseAmount(cell, unit);
      if (source && value) {
        funding.push({ source, budget: value.fen, executed: null, line: { file, table: table.title, line: row.line, text: row.text } });
        fundingAt.push(at);
      }
    });
    out.push({
      ...(funding.length ? { funding } : {}),
      name,
      level: task ? 2 : null,
      parent: task,
      unit: null,
      amount: amount?.fen ?? null,
      executed: null,
      executionRate: null,
      functionCode: null,
      functionName: null,
      key: false,
      goal,
      sourceKind: 'TARGET_FORM',
      source: { file, table: table.title, line: row.line, text: row.text },
      // Its task and 主要内容 cells, its amount and the funding sources' amounts after it.
      cellsRead: filledOf(row, [...textAt, amountIdx, ...fundingAt]),
    });
  }
  return out;
}

/** 项目支出绩效目标申报表 / 项目支出绩效自评表: one project per form, with its money row. */
export function projectFromForm(
  table: Table,
  file: string,
  unit: MoneyUnit,
  form: ProjectForm | null = projectForm(table),
): { project: Project; evaluation: SelfEvaluation | null } | null {
  if (!form) return null;
  const { nameRow, moneyRow, unitRow, goalHeaderAt: goalHeader } = form;
  const nameAt = nameRow.cells.findIndex((c, i) => i > 0 && c.trim() !== '');
  const name = nameAt > 0 ? nameRow.cells[nameAt]?.trim() : undefined;
  // "项目名称 | 预算数（万元） | 绩效目标" is a list's header, not a form's name row.
  if (!name || PROJECT_FORM.listHeader.matches.test(name)) return null;
  const isSelfEval = DOCUMENT_KINDS.selfEvaluation.matches.test(table.title);
  const source: Source = { file, table: table.title, line: nameRow.line, text: nameRow.text };
  let budget: bigint | null = null;
  let executed: bigint | null = null;
  let rate: string | null = null;
  let evalSource = source;
  // The cells the evaluation read: the name row's label and name, or the money row's label (资金总额) and figures.
  let evalRead = [0, nameAt];
  if (moneyRow) {
    const valueAt = moneyRow.cells.flatMap((c, i) => (i > 0 && c.trim() !== '' && !PROJECT_FORM.fundsTotal.matches.test(c) ? [i] : []));
    const values = valueAt.map((i) => moneyRow.cells[i] ?? '');
    const amounts = values.map((v) => parseAmount(v, unit));
    budget = amounts[0]?.fen ?? null;
    const rateAt = values.findIndex((v) => parsePercent(v) !== null);
    if (isSelfEval) {
      executed = amounts[1]?.fen ?? null;
      rate = rateAt < 0 ? null : parsePercent(values[rateAt] ?? '');
    }
    evalSource = { file, table: table.title, line: moneyRow.line, text: moneyRow.text };
    const taken = [budget === null ? undefined : valueAt[0], executed === null ? undefined : valueAt[1], rate === null ? undefined : valueAt[rateAt]];
    evalRead = filledOf(moneyRow, [moneyRow.cells.findIndex((c) => PROJECT_FORM.fundsTotal.matches.test(c)), ...taken]);
  }
  // 年度总体目标 / 总体目标完成情况: the texts are on the row after the one naming 年初设定目标 | 全年实际完成情况.
  const goalTexts = goalHeader >= 0 ? (table.rows[goalHeader + 1]?.cells ?? []).map((c) => c.trim()).filter((c) => c !== '' && !PROJECT_FORM.goalRowLabel.matches.test(cellText(c))) : [];
  const periodCell = form.period;
  const project: Project = {
    name,
    level: isSelfEval ? 2 : null,
    parent: null,
    unit: unitRow ? (unitRow.cells.slice(1).filter((c) => c.trim() !== '' && !PROJECT_FORM.unitLabelEnd.matches.test(c)).pop() ?? null) : null,
    amount: budget,
    executed,
    executionRate: rate,
    functionCode: null,
    functionName: null,
    key: PROJECT_FORM.keyProject.matches.test(table.rows.map((r) => r.text).join('\n')),
    goal: goalTexts[0] ?? null,
    // The amount (and a self-evaluation's executed and rate) read on the money row: its cells there.
    ...(moneyRow ? { amountSource: evalSource, amountRead: { cellsRead: evalRead } } : {}),
    ...(periodCell ? { period: periodCell } : {}),
    sourceKind: isSelfEval ? 'SELF_EVALUATION' : 'TARGET_FORM',
    source,
    // The cells of its source line it read: the 项目名称 label and the name printed after it.
    cellsRead: [0, nameAt],
  };
  const funding = moneyRow ? fundingFromForm(table, moneyRow, file, unit) : [];
  if (funding.length) project.funding = funding;
  const evaluation = isSelfEval ? { project: name, origin: 'TABLE' as const, budget, executed, rate, achieved: goalTexts[1] ?? null, source: evalSource, cellsRead: evalRead } : null;
  return { project, evaluation };
}

const FUNDING_LABEL = PROJECT_FORM.fundingLabel.matches;

/**
 * 资金来源 of a project form, in either layout the families use:
 * pairs on the total's own row ("资金总额 | 100.00 | 其中：财政拨款 | 100.00 | 其他资金 | 0.00"), or
 * one row per source under it ("区级财政资金 | 100.00 | 99.00 | 99.00%"; budget then executed).
 */
export function fundingFromForm(table: Table, moneyRow: Row, file: string, unit: MoneyUnit): FundingLine[] {
  const out: FundingLine[] = [];
  const label = (c: string) => cellText(c).replace(PROJECT_FORM.ofWhich.matches, '').replace(UNIT_MARKS.wanInBrackets.matches, '');
  const lineOf = (r: Row): Source => ({ file, table: table.title, line: r.line, text: r.text });
  const cells = moneyRow.cells;
  for (const [i, cell] of cells.slice(0, -1).entries()) {
    const name = label(cell);
    if (!name || PROJECT_FORM.fundsTotal.matches.test(name) || !FUNDING_LABEL.test(name) || parseAmount(cell, unit)) continue;
    const amount = parseAmount(cells[i + 1] ?? '', unit);
    if (amount && cellText(cells[i + 1]) !== '') out.push({ source: name, budget: amount.fen, executed: null, line: lineOf(moneyRow), cellsRead: [i, i + 1] });
  }
  if (out.length) return out;
  const start = table.rows.indexOf(moneyRow);
  const isLabel = (c: { text: string }) => !parseAmount(c.text, unit) && !parsePercent(c.text);
  // The column of the sources' labels, from the first source row: a row whose label stands further
  // right belongs to a block printed beside the sources (a target form's 年度资金申请 breakdown:
  // 当年财政拨款, 上年结转资金), not to them.
  let labelAt: number | null = null;
  for (const row of table.rows.slice(start + 1)) {
    // The row's filled cells, each with its index (the cells the source read).
    const filled = row.cells.flatMap((c, i) => (cellText(c) !== '' ? [{ i, text: cellText(c) }] : []));
    const named = filled.find(isLabel);
    if (!named || !FUNDING_LABEL.test(named.text)) break;
    labelAt ??= named.i;
    if (named.i > labelAt) continue;
    const amounts = filled.filter((c) => !parsePercent(c.text)).flatMap((c) => {
      const amount = parseAmount(c.text, unit);
      return amount ? [{ i: c.i, fen: amount.fen }] : [];
    });
    const [budget, next] = amounts;
    if (budget === undefined) continue; // a source the form lists but left empty
    // An amount after another label is that label's (the block beside: "其中：财政资金 | 100 |
    // 其中：当年财政拨款 | 120"), never this source's executed.
    const executed = next && !filled.some((c) => c.i > budget.i && c.i < next.i && isLabel(c)) ? next : undefined;
    // 执行率 as printed: a percentage, or whatever that column holds (a form may print an amount there).
    const rate = filled.find((c) => parsePercent(c.text)) ?? (amounts.length > 2 ? filled.filter((c) => parseAmount(c.text, unit))[2] : undefined);
    const cellsRead = [named.i, budget.i, executed?.i, rate?.i].filter((i): i is number => i !== undefined).sort((a, b) => a - b);
    out.push({ source: label(named.text), budget: budget.fen, executed: executed?.fen ?? null, rate: rate ? (parsePercent(rate.text) ?? rate.text) : null, line: lineOf(row), cellsRead });
  }
  return out;
}

const PROSE_EVAL = PROJECT_LISTS.proseEvaluation.matches;
const NUMBERED = PROJECT_LISTS.numbered.matches;


/** "(1) 某事务绩效自评综述：项目全年预算数 100.00 万元, 执行数 99.00 万元, 预算执行率 99.0%". */
export function selfEvaluationsFromProse(prose: ProseLine[], file: string, unit: MoneyUnit): SelfEvaluation[] {
  const out: SelfEvaluation[] = [];
  for (const [i, line] of prose.entries()) {
    let text = toHalfWidth(line.text);
    // A numbered 自评综述 cut over lines (and the blank line between them) continues on the next
    // prose lines: before "自评综述", inside it ("自评综 / 述："), or inside "预算执行 / 率 100%".
    // At most two lines are taken, none starting an item of its own.
    if (!PROSE_EVAL.test(text) && NUMBERED.test(text)) {
      let joined = text;
      for (const next of prose.slice(i + 1, i + 3)) {
        if (NUMBERED.test(next.text)) break;
        joined += toHalfWidth(next.text).trim();
        if (PROSE_EVAL.test(joined)) {
          text = joined;
          break;
        }
      }
    }
    const m = PROSE_EVAL.exec(text);
    if (!m) continue;
    out.push({
      project: group(m, 1).trim(),
      origin: 'PROSE',
      budget: parseAmount(group(m, 2), unit)?.fen ?? null,
      executed: parseAmount(group(m, 3), unit)?.fen ?? null,
      rate: group(m, 4).replace(/\s+/g, ''),
      source: { file, table: '正文', line: line.line, text: line.text },
    });
  }
  return out;
}

/**
 * A 自评综述 names a project the 决算 evaluated even when no form follows for it: each one is
 * a project listing with its budget, executed amount and rate (identity merges it with a form).
 */
export function projectsFromSelfEvaluations(evaluations: SelfEvaluation[]): Project[] {
  return evaluations
    .filter((e) => e.origin === 'PROSE')
    .map((e) => listing({ name: e.project, amount: e.budget, executed: e.executed, executionRate: e.rate, sourceKind: 'SELF_EVALUATION', source: e.source }));
}
