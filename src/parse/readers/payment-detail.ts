// 项目支出明细表: its 合计 rows are kept even when no payment row is read
import { paymentsFromTable } from '../payments.js';
import { structureIn, type TableFamilyReader, unitOf } from './reader.js';

export const paymentDetailReader: TableFamilyReader = {
  family: 'PAYMENT_DETAIL',
  extract(table, ctx) {
    const { file } = ctx;
    const structure = structureIn(table, ctx);
    if (structure.family !== 'PAYMENT_DETAIL') return null;
    const { payments, totals } = paymentsFromTable(table, file, unitOf(ctx), structure.payment);
    return { records: { payments, totals }, claimed: payments.length > 0 };
  },
};
