// 项目支出明细表 (payment detail of a project): 序号 | 支出事项 | 支出金额 rows → Payment records, and
// the table's 合计 row → a TableTotal. The project is the one the title quotes (“某项目”…明细表).
import { parseAmount, toHalfWidth, type MoneyUnit } from './amount.js';
import type { Table } from './layout.js';
import type { Payment, TableTotal } from './records.js';

const squeeze = (c: string) => toHalfWidth(c).replace(/\s+/g, '');

export function paymentsFromTable(table: Table, file: string, unit: MoneyUnit): { payments: Payment[]; totals: TableTotal[] } {
  const header = table.rows.find((r) => r.cells.some((c) => /金额/.test(squeeze(c))));
  if (!header) return { payments: [], totals: [] };
  const amountCol = header.cells.findIndex((c) => /金额/.test(squeeze(c)));
  const itemCol = header.cells.findIndex((c) => /事项|内容|摘要|用途|名称/.test(squeeze(c)));
  const serialCol = header.cells.findIndex((c) => /^序号$/.test(squeeze(c)));
  // The header says the unit when it differs from the document's ("支出金额 (元)").
  const cellUnit: MoneyUnit = /[(（]元[)）]/.test(header.cells[amountCol] ?? '') ? '元' : /[(（]万元[)）]/.test(header.cells[amountCol] ?? '') ? '万元' : unit;
  const project = /[“"「]([^”"」]+)[”"」]/.exec(table.title)?.[1] ?? null;
  const payments: Payment[] = [];
  const totals: TableTotal[] = [];
  for (const row of table.rows) {
    if (row === header || row.text === header.text) continue;
    const amount = parseAmount(row.cells[amountCol] ?? '', cellUnit);
    if (!amount || squeeze(row.cells[amountCol] ?? '') === '') continue;
    const source = { file, table: table.title, line: row.line, text: row.text };
    const label = (itemCol >= 0 ? row.cells[itemCol] : undefined)?.trim() || row.cells.find((c) => c.trim() !== '' && !parseAmount(c, cellUnit))?.trim() || '';
    if (/^合\s*计$|^总\s*计$/.test(squeeze(row.cells[serialCol >= 0 ? serialCol : 0] ?? '')) || /^合计$|^总计$/.test(squeeze(label))) {
      totals.push({ table: table.title, unit: null, total: amount.fen, basic: null, project: amount.fen, columns: { [squeeze(header.cells[amountCol] ?? '金额')]: amount.fen }, source });
      continue;
    }
    payments.push({ project, serial: serialCol >= 0 ? squeeze(row.cells[serialCol] ?? '') || null : null, item: label, amount: amount.fen, source });
  }
  return { payments, totals };
}
