// 项目支出明细表 (payment detail of a project): 序号 | 支出事项 | 支出金额 rows → Payment records, and
// the table's 合计 row → a TableTotal. The project is the one the title quotes (“某项目”…明细表).
import { parseAmount, toHalfWidth, type MoneyUnit } from './amount.js';
import type { Table } from './layout.js';
import type { Payment, TableTotal } from './records.js';
import { PAYMENT_DETAIL as DETAIL, TITLE_QUOTES } from './glossary/index.js';
import { paymentColumns, type PaymentColumns } from './structure/listings.js';

const squeeze = (c: string) => toHalfWidth(c).replace(/\s+/g, '');

export function paymentsFromTable(table: Table, file: string, unit: MoneyUnit, columns: PaymentColumns | null = paymentColumns(table)): { payments: Payment[]; totals: TableTotal[] } {
  if (!columns) return { payments: [], totals: [] };
  const { header, amount: amountCol, item: itemCol, serial: serialCol } = columns;
  // The header says the unit when it differs from the document's ("支出金额 (元)").
  const cellUnit: MoneyUnit = columns.unit ?? unit;
  const project = TITLE_QUOTES.quotedName.matches.exec(table.title)?.[1] ?? null;
  const payments: Payment[] = [];
  const totals: TableTotal[] = [];
  for (const row of table.rows) {
    if (row === header || row.text === header.text) continue;
    const amount = parseAmount(row.cells[amountCol] ?? '', cellUnit);
    if (!amount || squeeze(row.cells[amountCol] ?? '') === '') continue;
    const source = { file, table: table.title, line: row.line, text: row.text };
    // The label: the item column's cell, else the row's first cell printing no amount.
    const itemAt = itemCol >= 0 && (row.cells[itemCol] ?? '').trim() !== '' ? itemCol : row.cells.findIndex((c) => c.trim() !== '' && !parseAmount(c, cellUnit));
    const label = itemAt >= 0 ? (row.cells[itemAt] ?? '').trim() : '';
    const serialAt = serialCol >= 0 ? serialCol : 0;
    // The cells a record read, where printed: the serial (or the 合计 it prints), the label, the amount.
    const cellsOf = (...at: number[]) => [...new Set(at)].filter((i) => i >= 0 && (row.cells[i] ?? '').trim() !== '').sort((a, b) => a - b);
    if (DETAIL.totalInSerial.matches.test(squeeze(row.cells[serialAt] ?? '')) || DETAIL.totalLabel.matches.test(squeeze(label))) {
      totals.push({ table: table.title, unit: null, total: amount.fen, basic: null, project: amount.fen, columns: { [columns.amountLabel]: amount.fen }, source, cellsRead: cellsOf(serialAt, itemAt, amountCol) });
      continue;
    }
    payments.push({ project, serial: serialCol >= 0 ? squeeze(row.cells[serialCol] ?? '') || null : null, item: label, amount: amount.fen, source, cellsRead: cellsOf(serialCol, itemAt, amountCol) });
  }
  return { payments, totals };
}
