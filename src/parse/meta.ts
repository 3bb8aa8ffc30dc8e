// Document metadata: title, department, year and the families of tables present.
import { toHalfWidth } from './amount.js';
import type { Layout } from './layout.js';
import type { DocumentKind, DocumentMeta } from './records.js';
import { documentUnit } from './units.js';

export function extractMeta(text: string, file: string, lay: Layout): DocumentMeta {
  const lines = text.split(/\r?\n/);
  // The title: the first non-empty lines, joined when a line break cut it.
  const head: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length && head.length < 3; i++) {
    const t = lines[i]!.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
    if (t && !/^目\s*录$/.test(t)) head.push({ line: i + 1, text: t });
  }
  let title = head[0]?.text ?? '';
  if (head[1] && !/部门(预|决)算|申报表|绩效/.test(title)) title += head[1].text;
  else if (head[1] && /^\d{4}\s*年度?(部门(预|决)算)?$/.test(head[1].text.replace(/\s+/g, ''))) title += head[1].text;
  title = title.replace(/\s+/g, '');
  const yearMatch = /(\d{4})\s*年/.exec(toHalfWidth(title)) ?? /[(（]\s*(\d{4})\s*年度\s*[)）]/.exec(toHalfWidth(lines.slice(0, 10).join(' ')));
  const year = yearMatch ? Number(yearMatch[1]) : NaN;

  const department = departmentFrom(title, lay) ?? title;
  const kinds = new Set<DocumentKind>();
  const titles = lay.tables.map((t) => t.title).join('\n');
  if (/部门预算/.test(title) || /预算表/.test(titles)) kinds.add('BUDGET');
  if (/决算/.test(title) || /决算表/.test(titles)) kinds.add('FINAL_ACCOUNTS');
  if (/绩效目标(申报)?表/.test(titles) || /绩效目标申报表/.test(title)) kinds.add('PERFORMANCE_TARGETS');
  if (/自评表/.test(titles)) kinds.add('SELF_EVALUATION');
  if (lay.tables.some((t) => t.rows.some((r) => /国家编码|项目代码/.test(r.text)))) kinds.add('INVESTMENT_PROJECTS');
  if (/决算/.test(title)) kinds.delete('BUDGET');
  const unit = documentUnit(text, lay, file);
  return {
    file,
    title,
    department,
    year,
    kinds: [...kinds],
    moneyUnit: unit.unit,
    moneyUnitSource: unit.source,
    roundingNote: /尾数误差|四舍五入/.test(text),
    source: { file, table: '标题', line: head[0]?.line ?? 1, text: head[0]?.text ?? '' },
  };
}

/** The department as printed: "部门：…" in a table preamble, else the title minus year and kind. */
function departmentFrom(title: string, lay: Layout): string | null {
  for (const t of lay.tables) {
    for (const p of t.preamble) {
      const m = /^(?:部门|部门名称|项目主管部门|单位名称)\s*[:：]\s*(.+)$/.exec(p);
      if (m && m[1]!.trim()) return m[1]!.replace(/\s+/g, '').trim();
    }
  }
  const stripped = title
    .replace(/\d{4}年度?/g, '')
    .replace(/(部门预算|部门决算|整体支出绩效目标申报表|项目支出绩效目标申报表|[(（]\d{4}年度[)）])/g, '')
    .trim();
  return stripped || null;
}
