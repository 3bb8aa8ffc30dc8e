// 政府投资项目 forms: 国家编码 (YYYY-DDDDDD-II-TT-SSSSSS), investment figures, 建设性质.
import { parseAmount, toHalfWidth } from './amount.js';
import type { Table } from './layout.js';
import type { InvestmentProject } from './records.js';

const FULL_CODE = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

/** Decodes a 国家编码; a code cut short keeps what is printed and is flagged, never completed. */
export function decodeProjectCode(printed: string) {
  const code = toHalfWidth(printed).replace(/\s+/g, '');
  const m = FULL_CODE.exec(code);
  if (m) return { code, truncated: false, registrationYear: Number(m[1]), divisionCode: m[2]!, industryCode: m[3]!, typeCode: m[4]!, serial: m[5]! };
  const parts = code.split('-');
  return {
    code,
    truncated: true,
    registrationYear: parts[0] && /^\d{4}$/.test(parts[0]) ? Number(parts[0]) : null,
    divisionCode: parts[1] && /^\d{6}$/.test(parts[1]) ? parts[1] : null,
    industryCode: parts[2] && /^\d{2}$/.test(parts[2]) ? parts[2] : null,
    typeCode: parts[3] && /^\d{2}$/.test(parts[3]) ? parts[3] : null,
    serial: parts[4] && /^\d{6}$/.test(parts[4]) ? parts[4] : null,
  };
}

const wanIn = (text: string): bigint | null => {
  const m = /([\d,.\s]+?)\s*万元/.exec(toHalfWidth(text));
  return m ? parseAmount(m[1]!, '万元')?.fen ?? null : null;
};

export function isInvestmentTable(table: Table): boolean {
  return table.rows.some((r) => r.cells.some((c) => /^(国家编码|项目代码)$/.test(c.replace(/\s+/g, ''))));
}

export function extractInvestmentProject(table: Table, file: string): InvestmentProject | null {
  const rows = table.rows;
  const all = rows.map((r) => r.cells);
  const cellAfter = (label: RegExp): string | null => {
    for (const cells of all) {
      const i = cells.findIndex((c) => label.test(c.replace(/\s+/g, '')));
      if (i >= 0) return cells.slice(i + 1).find((c) => c.trim() !== '')?.trim() ?? null;
    }
    return null;
  };
  const codeRowIdx = rows.findIndex((r) => r.cells.some((c) => /^(国家编码|项目代码)$/.test(c.replace(/\s+/g, ''))));
  const codeRow = rows[codeRowIdx]!;
  const codeIdx = codeRow.cells.findIndex((c) => /^(国家编码|项目代码)$/.test(c.replace(/\s+/g, '')));
  const printed = codeRow.cells.slice(codeIdx + 1).find((c) => c.trim() !== '') ?? '';
  const decoded = decodeProjectCode(printed);
  const name = cellAfter(/^项目名称$/) ?? table.title.replace(/绩效情况表$/, '');
  const joined = rows.map((r) => r.text).join('\n');
  const nature = /☑\s*前期/.test(joined) ? '前期' : /☑\s*新开工/.test(joined) ? '新开工' : /☑\s*续建/.test(joined) ? '续建' : null;
  const findRowText = (re: RegExp) => rows.find((r) => re.test(r.text.replace(/\s+/g, '')))?.text ?? '';
  const plannedRow = rows.find((r) => /实际下达政府投资计划/.test(r.text.replace(/\s+/g, '')));
  let plannedInYear: bigint | null = null;
  if (plannedRow) {
    const i = plannedRow.cells.findIndex((c) => /实际下达政府投资计划/.test(c.replace(/\s+/g, '')));
    plannedInYear = wanIn(plannedRow.cells.slice(i + 1).join(' '));
  }
  const completedRow = rows.find((r) => /实际完成投资/.test(r.cells[0]?.replace(/\s+/g, '') ?? ''));
  const cumulativeRow = rows.find((r) => /累计完成投资/.test(r.cells[0]?.replace(/\s+/g, '') ?? ''));
  const totalRow = findRowText(/^项目总投资/);
  const date = (label: RegExp) => {
    const v = cellAfter(label);
    return v ? toHalfWidth(v).replace(/\s+/g, '') : null;
  };
  return {
    ...decoded,
    name,
    unit: cellAfter(/^项目单位$/),
    totalInvestment: totalRow ? wanIn(totalRow) : null,
    plannedInYear,
    completedInYear: completedRow ? wanIn(completedRow.cells.slice(1).join(' ') || completedRow.cells[0]!.replace(/^[^万]*?②/, '')) : null,
    cumulativeCompleted: cumulativeRow ? wanIn(cumulativeRow.cells.slice(1).join(' ')) : null,
    completionRate: cellAfter(/^项目总体完成率$/),
    ...rowSource('rateSource', rows.find((r) => r.cells.some((c) => /^项目总体完成率$/.test(c.replace(/\s+/g, '')))), file, table.title),
    ...rowSource('totalSource', rows.find((r) => /^项目总投资/.test(r.text.replace(/\s+/g, ''))), file, table.title),
    progress: cellAfter(/工程形象进度文字描述$/),
    startDate: date(/^开工日期$/),
    endDate: date(/^竣工日期$/),
    nature,
    source: { file, table: table.title, line: codeRow.line, text: codeRow.text },
  };
}

function rowSource<K extends string>(key: K, row: { line: number; text: string } | undefined, file: string, table: string): Partial<Record<K, { file: string; table: string; line: number; text: string }>> {
  return row ? ({ [key]: { file, table, line: row.line, text: row.text } } as Partial<Record<K, { file: string; table: string; line: number; text: string }>>) : {};
}
