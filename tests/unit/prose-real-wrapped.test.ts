// Prose amounts as the real Shanghai PDFs print them (#37 "never a wrong number without a word"):
// a 类 name wrapped at a line's end before its "（类）N万元", and a justified line whose every
// character the PDF spaces out ("本 年 收 入 合 计 2946.25 万 元"). The amounts and words below are
// copied from the page images (pdftoppm -r 80), never from the parser's output.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../src/parse/index.js';
import { proseAmounts } from '../../src/parse/prose-amounts.js';
import type { ProseLine } from '../../src/parse/layout.js';
import { readSource } from '../../src/source/index.js';

const REAL = 'tests/fixtures/real';
const WAN = 1_000_000n; // fen in one 万元
const wan = (text: string) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * WAN + BigInt(fraction.padEnd(6, '0'));
};
const lines = (...texts: string[]): ProseLine[] => texts.map((text, i) => ({ line: i + 1, text, heading: false }));
const amountOf = (read: ReturnType<typeof proseAmounts>, words: string) => read.filter((a) => a.item.includes(words)).map((a) => a.amount);

describe('a 类 name wrapped before its "（类）N万元"', () => {
  // 上海市普陀区财政局2024年度部门决算.pdf p. 21, (二): the first line ends with 一般公共服务支出, the
  // next opens with （类）2106.66万元.
  const printed = lines(
    '一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出',
    '（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；',
    '卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占',
    '15.16%；',
  );

  it('reads the name from the line before', () => {
    const read = proseAmounts(printed, 'x.pdf', '万元');
    expect(amountOf(read, '一般公共服务支出')).toEqual([wan('2106.66')]);
    expect(read.find((a) => a.amount === wan('2106.66'))!.item).not.toBe('（类）');
    // The other 类 keep their own names.
    expect(amountOf(read, '社会保障和就业支出')).toEqual([wan('326.72')]);
    expect(amountOf(read, '卫生健康支出')).toEqual([wan('60.99')]);
  });

  it('does not carry a name onto a numbered item in brackets ("（一）N万元" is its own)', () => {
    const read = proseAmounts(lines('一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出', '（一）基本支出2336.91万元。'), 'x.pdf', '万元');
    expect(read.map((a) => a.item)).toEqual(['一般公共预算财政拨款支出', '基本支出']);
  });
});

describe('a letter-spaced (justified) line', () => {
  // 24年普陀区财政局（测试问题版本）.pdf p. 18, 二、收入决算情况说明: "本年收入合计 2946.25 万元，其中：
  // 财政拨款收入 2940.05 万元，占 99.79%; 其他收入 6.2 万元，占 0.21%。", the first line justified
  // so that the PDF's text spaces every character.
  it('reads the amounts whatever the spaces between the characters', () => {
    const read = proseAmounts(lines('本 年 收 入 合 计 2946.25 万 元 ， 其 中 ：财 政 拨 款 收 入2940.05 万元，占 99.79%；其他收入 6.2 万元，占 0.21%。'), 'x.pdf', '万元');
    expect(amountOf(read, '本年收入')).toEqual([wan('2946.25')]);
    expect(amountOf(read, '财政拨款收入')).toEqual([wan('2940.05')]);
    expect(amountOf(read, '其他收入')).toEqual([wan('6.2')]);
  });

  // 合计 is a verb of the sentence here, as in every 本年收入合计 N 万元 read (PROSE_ITEM.trailingVerbs).
  it('cites the line as printed, spaces and all', () => {
    const printed = '本 年 收 入 合 计 2946.25 万 元 ， 其 中 ：';
    const read = proseAmounts(lines(printed), 'x.pdf', '万元');
    expect(read.map((a) => [a.item, a.amount, a.source.text])).toEqual([['本年收入', wan('2946.25'), printed]]);
  });
});

describe('a threshold is no amount', () => {
  // 财政局 2025 p. 22, 五、国有资产占有使用情况: "部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。"
  it('"单价100万元（含）以上" states no amount, and the amounts around it still read', () => {
    const read = proseAmounts(lines('2025年部门预算安排购置车辆0辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。', '公务接待费0.95万元，单价 50 万元以下的不计。'), 'x.pdf', '万元');
    expect(read.map((a) => [a.item, a.amount])).toEqual([['公务接待费', wan('0.95')]]);
  });
});

describe('a list ends with its sentence', () => {
  // 上海市普陀区人民政府办公室25年预算.pdf p. 6: "…收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，…其他收入0万元。"
  // then, on a line of its own, "支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元，…": 支出 is no part of 收入.
  it('an amount after the full stop that ended the line before is no item of that list', () => {
    const read = proseAmounts(lines(
      '2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万',
      '元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。',
      '支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。',
    ), 'x.pdf', '万元');
    expect(read.filter((a) => a.item === '其他收入').map((a) => a.parent)).toEqual(['上海市普陀区人民政府办公室收入']);
    expect(read.filter((a) => a.item === '支出').map((a) => [a.amount, a.parent])).toEqual([[wan('9101.68'), null]]);
    expect(read.filter((a) => a.item === '财政拨款支出').map((a) => a.parent)).toEqual(['支出']);
  });

  it('a list wrapped over lines without a stop goes on', () => {
    const read = proseAmounts(lines('收入预算100万元，其中：财政拨款收入60万元，', '其他收入40万元。'), 'x.pdf', '万元');
    expect(read.map((a) => [a.item, a.parent])).toEqual([['收入', null], ['财政拨款收入', '收入'], ['其他收入', '收入']]);
  });
});

describe('the real PDFs', () => {
  const docs = new Map<string, ParsedDocument>();
  beforeAll(async () => {
    for (const file of ['上海市普陀区财政局2024年度部门决算.pdf', '24年普陀区财政局（测试问题版本）.pdf', '上海市普陀区财政局部门25年预算.pdf']) {
      const source = await readSource(readFileSync(`${REAL}/${file}`), file);
      docs.set(file, parseDocument(source.text, file, source.notes, source.places));
    }
  }, 120_000);

  it('财政局 2024 决算 p. 21: 一般公共服务支出（类）2106.66万元 under its name, cited on the line that prints the amount', () => {
    const d = docs.get('上海市普陀区财政局2024年度部门决算.pdf')!;
    const found = d.proseAmounts.filter((p) => p.item.includes('一般公共服务支出') && p.amount === wan('2106.66'));
    expect(found).toHaveLength(1);
    expect(found[0]!.source.text).toContain('2106.66');
    expect(d.proseAmounts.filter((p) => p.item === '（类）' || p.item === '(类)')).toEqual([]);
  });

  it('财政局 2024 决算 (planted copy) p. 18: 本年收入合计 2946.25 万元 from the justified line', () => {
    const d = docs.get('24年普陀区财政局（测试问题版本）.pdf')!;
    const found = d.proseAmounts.filter((p) => p.item.includes('本年收入') && p.amount === wan('2946.25'));
    expect(found).toHaveLength(1);
    // "其中：" lists its parts under it.
    expect(d.proseAmounts.filter((p) => p.amount === wan('2940.05') && p.source.line === found[0]!.source.line).map((p) => [p.item, p.parent])).toEqual([['财政拨款收入', '本年收入']]);
  });

  it('财政局 2025 p. 7: 支出预算3,121.42万元 opens its own sentence, no part of 收入预算', () => {
    const d = docs.get('上海市普陀区财政局部门25年预算.pdf')!;
    const spending = d.proseAmounts.filter((p) => p.item === '支出' && p.amount === wan('3121.42'));
    expect(spending.map((p) => p.parent)).toEqual([null]);
  });

  it('财政局 2025 p. 22 (五、国有资产占有使用情况): 单价100万元（含）以上 is a threshold, no amount', () => {
    const d = docs.get('上海市普陀区财政局部门25年预算.pdf')!;
    expect(d.proseAmounts.filter((p) => p.item.includes('单价')).map((p) => p.source.text)).toEqual([]);
  });

  it('财政局 2025 p. 22 (四、绩效目标设置情况): the four projects of a justified line, each once', () => {
    // "其中：中介机构服务费418.80万元，财政业务费10.00万元，信息化系统日常维护费166.66万元，援滇干部工作经费3.00万元。"
    const d = docs.get('上海市普陀区财政局部门25年预算.pdf')!;
    // The sentence's line: the one stating 涉及项目预算资金598.46万元 (p. 24 names three of the projects again).
    const line = d.proseAmounts.find((p) => p.amount === wan('598.46'))!.source.line;
    for (const [words, amount] of [['中介机构服务费', '418.80'], ['财政业务费', '10.00'], ['信息化系统日常维护费', '166.66'], ['援滇干部工作经费', '3.00']] as const) {
      expect(d.proseAmounts.filter((p) => p.source.line === line && p.item.includes(words)).map((p) => [p.amount, p.parent]), words).toEqual([[wan(amount), '涉及项目预算资金']]);
    }
  });
});

describe('an amount printed alone under its label', () => {
  // dept_budget.pdf (司法局 2026) p. 23, 人民调解项目经费情况说明: "六、年度预算安排" on one line, "795万元" alone on the next.
  it('takes the label line above as its item', () => {
    const read = proseAmounts([
      { line: 1, text: '2025年1月1日-2025年12月31日', heading: false },
      { line: 2, text: '六、年度预算安排', heading: true },
      { line: 3, text: '795万元', heading: false },
    ], 'x.pdf', '万元');
    expect(read.map((a) => [a.item, a.amount])).toEqual([['年度预算安排', wan('795')]]);
  });

  it('does not take a sentence above as a label', () => {
    const read = proseAmounts(lines('主要用于以下方面。', '795万元'), 'x.pdf', '万元');
    expect(read.map((a) => a.item)).toEqual(['']);
  });

  it('司法局 2026 p. 23: 年度预算安排 795万元', async () => {
    const file = 'dept_budget.pdf';
    const source = await readSource(readFileSync(`${REAL}/${file}`), file);
    const d = parseDocument(source.text, file, source.notes, source.places);
    expect(d.proseAmounts.filter((p) => p.amount === wan('795')).map((p) => p.item)).toEqual(['年度预算安排']);
  }, 60_000);
});

describe('"N万" without 元 (#37: 项目经费情况说明 pages print their budget so)', () => {
  // 上海市普陀区商务委员会25年预算.pdf p. 24, 六、年度预算安排, over two printed lines.
  const printed = lines(
    '2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，支持企业协同化发展',
    '180.00万，支持企业国际化发展50.00万，合计1170.00万。',
  );

  it('reads each part as 万元, the wrapped name included', () => {
    const read = proseAmounts(printed, 'x.pdf', '万元');
    expect(amountOf(read, '支持企业规模化发展')).toEqual([wan('870.00')]);
    expect(amountOf(read, '支持企业创新化发展')).toEqual([wan('70.00')]);
    expect(amountOf(read, '支持企业协同化发展')).toEqual([wan('180.00')]);
    expect(amountOf(read, '支持企业国际化发展')).toEqual([wan('50.00')]);
    expect(read.filter((a) => a.amount === wan('1170.00')).length).toBe(2);
  });

  it('leaves counts and areas in 万 alone: no two decimals, or no clause end after 万', () => {
    const read = proseAmounts(lines('全年接待100万人次，服务面积3.50万平方米，覆盖人口12万，其中支持企业发展20.00万元。'), 'x.pdf', '万元');
    expect(read.map((a) => a.amount)).toEqual([wan('20.00')]);
  });

  // 上海市普陀区财政局2024年度部门决算.pdf p. 22: "…支出决算为1511.89万" ends a printed line, its 元
  // opens the next.
  it('reads an amount whose 元 went to the next line', () => {
    const read = proseAmounts(lines('年初预算为1560.05万元，支出决算为1511.89万', '元，主要是…'), 'x.pdf', '万元');
    expect(read.map((a) => a.amount)).toEqual([wan('1560.05'), wan('1511.89')]);
  });
});
