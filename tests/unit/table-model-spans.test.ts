// The table model keeps each printed cell's spans, from an HTML table's markup and from a PDF's
// ruled grid (#37 item 1): a cell spanning columns (colspan) labels every column under it, and a
// cell spanning rows (rowspan) is read on the rows it covers, not as a blank. The page: tests/fixtures/html/spans-expenditure-table.html, transcribed from
// 上海市普陀区商务委员会25年预算.pdf p. 12-13 (2025年部门支出预算总表; `pdftoppm -r 80 -f 12 -l 13`), its
// 类 and 款 cells merged over the rows under them as web pages print them. Every figure below is
// the page's (单位：元).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../src/parse/index.js';
import { layout } from '../../src/parse/layout.js';
import { structureOf } from '../../src/parse/structure/index.js';
import { cellsOf, readSource, type SourceDocument } from '../../src/source/index.js';

const FILE = 'spans-expenditure-table.html';
let source: SourceDocument;
let doc: ParsedDocument;

beforeAll(async () => {
  source = await readSource(readFileSync(`tests/fixtures/html/${FILE}`), FILE);
  doc = parseDocument(source.text, FILE, source.notes, cellsOf(source));
});

const lineOf = (text: string) => source.text.split('\n').indexOf(text) + 1;

describe('the HTML source gives each table row its cells’ spans', () => {
  it('功能分类科目编码 spans 类 | 款 | 项; 功能分类科目名称, 合计, 基本支出, 项目支出 span the 类 | 款 | 项 row', () => {
    const header = lineOf('功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出');
    expect(source.spans?.[header - 1]?.map((s) => s.start)).toEqual([0, 0, 0, 3, 4, 5, 6]);
    const parts = lineOf('类\t款\t项\t\t\t\t');
    expect(source.spans?.[parts - 1]?.map((s) => s.above)).toEqual([false, false, false, true, true, true, true]);
  });

  it('a line that is no table row has none', () => {
    expect(source.spans?.[lineOf('预算主管部门：上海市普陀区商务委员会') - 1]).toBeNull();
  });

  it('a table printing no spanning cell carries none (its blank cells read as the text’s)', async () => {
    const excerpt = await readSource(readFileSync('tests/fixtures/html/000-excerpt.html'), '000-excerpt.html');
    expect(excerpt.spans ?? null).toBeNull();
  });
});

describe('header paths keep the spans', () => {
  it('each column under a spanning label has it in its path', () => {
    const table = layout(source.text, cellsOf(source)).tables.find((t) => t.title.includes('支出预算总表'))!;
    expect(structureOf(table, '元').header.paths).toEqual([
      '项目/功能分类科目编码/类',
      '项目/功能分类科目编码/款',
      '项目/功能分类科目编码/项',
      '项目/功能分类科目名称',
      '支出预算/合计',
      '支出预算/基本支出',
      '支出预算/项目支出',
    ]);
  });
});

describe('a cell spanning rows is read on the rows it covers', () => {
  const line = (code: string) => doc.lines.find((l) => l.code === code);

  it('reads every function line the page prints, the 类 and 款 taken from the cells spanning them', () => {
    expect(doc.lines.map((l) => l.code)).toEqual(['201', '20113', '2011301', '2011302', '2011350', '2011399', '206', '20605', '2060503', '208', '20805', '2080501', '2080502', '2080505', '2080506', '2080599']);
    expect([line('2011301')?.name, line('2011301')?.total, line('2011301')?.basic, line('2011301')?.project]).toEqual(['行政运行', 938_991_300n, 938_991_300n, null]);
    expect([line('2011302')?.name, line('2011302')?.total, line('2011302')?.basic, line('2011302')?.project]).toEqual(['一般行政管理事务', 454_500_000n, null, 454_500_000n]);
    expect([line('2080505')?.name, line('2080505')?.total]).toEqual(['机关事业单位基本养老保险缴费支出', 141_088_600n]);
    expect([line('2080599')?.name, line('2080599')?.total]).toEqual(['其他行政事业单位养老支出', 1_326_000n]);
    expect([line('20113')?.name, line('20113')?.total, line('20113')?.basic, line('20113')?.project]).toEqual(['商贸事务', 2_160_173_300n, 1_229_173_300n, 931_000_000n]);
  });

  it('a 类 printed by a spanning cell is printed, not carried from the row above (no CODE_CLASS_CARRIED)', () => {
    expect(doc.diagnostics.filter((d) => d.code === 'CODE_CLASS_CARRIED')).toEqual([]);
  });

  it('every parent is the sum of its children, as on the page: no anomaly', () => {
    expect(doc.anomalies.map((a) => a.message)).toEqual([]);
  });

  it('the spanning cell’s own line keeps its text; the rows it covers keep their blank as printed', () => {
    const table = layout(source.text, cellsOf(source)).tables.find((t) => t.title.includes('支出预算总表'))!;
    const admin = table.rows.find((r) => r.cells.includes('行政运行'))!;
    expect(admin.cells.slice(0, 3)).toEqual(['', '', '01']);
    expect(admin.fromAbove?.slice(0, 3)).toEqual([{ line: lineOf('201\t\t\t一般公共服务支出\t21,601,733.00\t12,291,733.00\t9,310,000.00'), text: '201' }, { line: lineOf('\t13\t\t商贸事务\t21,601,733.00\t12,291,733.00\t9,310,000.00'), text: '13' }, null]);
  });
});

describe('a PDF’s ruled grid gives the same: a cell spanning rows is known on the rows it covers', () => {
  // 上海市普陀区商务委员会25年预算.pdf (`pdftoppm -r 80 -f N -l N`): p. 12's 功能分类科目名称, 合计,
  // 基本支出, 项目支出 each span the header's two lower rows; p. 21's 机关运行经费预算数 spans all three
  // header rows, and 合计, 因公出国(境)费, 公务接待费 the two under “三公”经费预算数.
  const PDF = '上海市普陀区商务委员会25年预算.pdf';
  let tables: ReturnType<typeof layout>['tables'];
  beforeAll(async () => {
    const pdf = await readSource(readFileSync(`tests/fixtures/real/${PDF}`), PDF);
    tables = layout(pdf.text, cellsOf(pdf)).tables;
  }, 60_000);
  const texts = (cells: ({ text: string } | null)[] | undefined) => cells?.map((c) => c?.text ?? null);

  it('p. 12: the 类 | 款 | 项 row lies under 功能分类科目名称 | 合计 | 基本支出 | 项目支出', () => {
    const parts = tables.find((t) => t.title.endsWith('部门支出预算总表'))!.rows.find((r) => r.cells.join('') === '类款项')!;
    expect(texts(parts.fromAbove)).toEqual([null, null, null, '功能分类科目名称', '合计', '基本支出', '项目支出']);
  });

  it('p. 21: the 小计 | 购置费 | 运行费 row lies under 合计, 因公出国(境)费, 公务接待费 and 机关运行经费预算数', () => {
    const table = tables.find((t) => t.title.includes('三公'))!;
    const vehicleParts = table.rows.find((r) => r.cells.includes('小计'))!;
    expect(texts(vehicleParts.fromAbove)).toEqual(['合计', '因公出国(境)费', '公务接待费', null, null, null, '机关运行经费预算数']);
    // …and the row above it (合计 … 公务用车购置及运行费) lies under 机关运行经费预算数 only.
    const above = table.rows[table.rows.indexOf(vehicleParts) - 1]!;
    expect(texts(above.fromAbove)).toEqual([null, null, null, null, null, null, '机关运行经费预算数']);
  });
});

describe('a cell spanning down from a row that printed nothing', () => {
  it('is blank on the rows it covers, not the text of the row above that one', async () => {
    const html = '<h3>2025年部门支出预算总表</h3><table><tr><td>类</td><td>名称</td><td>合计</td></tr><tr><td>201</td><td>一般公共服务支出</td><td>1.00</td></tr><tr><td rowspan="2"></td><td></td><td></td></tr><tr><td>行政运行</td><td>1.00</td></tr></table>';
    const page = await readSource(new TextEncoder().encode(html), 'blank-span.html');
    const rows = layout(page.text, cellsOf(page)).tables[0]!.rows;
    const covered = rows.find((r) => r.cells.includes('行政运行'))!;
    expect(covered.fromAbove?.[0] ?? null).toBeNull();
  });
});

describe('Markdown keeps the spans of the <table> markup left in it', () => {
  const header = '<table><tr><th rowspan="2">功能分类科目名称</th><th colspan="2">支出预算</th></tr><tr><th>基本支出</th><th>项目支出</th></tr><tr><td>行政运行</td><td>1.00</td><td></td></tr></table>';
  it('a <table> with spanning cells gives its rows’ spans; a pipe table none', async () => {
    const md = await readSource(new TextEncoder().encode(`# 2025年部门预算\n\n${header}\n`), 'spans.md');
    const top = md.text.split('\n').indexOf('功能分类科目名称\t支出预算\t');
    expect(md.spans?.[top]?.map((s) => s.start)).toEqual([0, 1, 1]);
    const pipe = await readSource(new TextEncoder().encode('# 2025年部门预算\n\n| 项目 | 预算数 |\n| --- | --- |\n| 行政运行 | 1.00 |\n'), 'pipe.md');
    expect(pipe.spans ?? null).toBeNull();
  });
});

describe('the structure’s header holds the printed header cells with their spans', () => {
  it('HTML (p. 12’s header): 项目 over four columns, 支出预算 over three, 功能分类科目编码 over 类 | 款 | 项, 合计 over two rows', () => {
    const table = layout(source.text, cellsOf(source)).tables.find((t) => t.title.includes('支出预算总表'))!;
    const cells = structureOf(table, '元').header.cells.map((c) => `${c.text} ${c.colSpan}×${c.rowSpan}`);
    expect(cells).toEqual(['项目 4×1', '支出预算 3×1', '功能分类科目编码 3×1', '功能分类科目名称 1×2', '合计 1×2', '基本支出 1×2', '项目支出 1×2', '类 1×1', '款 1×1', '项 1×1']);
  });

  it('PDF (商务委 2025 p. 21): “三公”经费预算数 over six columns, 机关运行经费预算数 over all three rows, 公务用车购置及运行费 over 小计 | 购置费 | 运行费', async () => {
    const PDF = '上海市普陀区商务委员会25年预算.pdf';
    const pdf = await readSource(readFileSync(`tests/fixtures/real/${PDF}`), PDF);
    const table = layout(pdf.text, cellsOf(pdf)).tables.find((t) => t.title.includes('三公'))!;
    const cells = structureOf(table, '万元').header.cells.map((c) => `${c.text} ${c.colSpan}×${c.rowSpan}`);
    expect(cells).toEqual(['“三公”经费预算数 6×1', '机关运行经费预算数 1×3', '合计 1×2', '因公出国(境)费 1×2', '公务接待费 1×2', '公务用车购置及运行费 3×1', '小计 1×1', '购置费 1×1', '运行费 1×1']);
  }, 60_000);
});

describe('an HTML 三公 table whose row prints blank cells at its end', () => {
  // 商务委 2025 p. 21's “三公”经费 part (`pdftoppm -r 80 -f 21 -l 21`): 合计 1.00, 因公出国(境)费 blank,
  // 公务接待费 1.00, 公务用车购置及运行费 (小计, 购置费, 运行费) blank; its 机关运行经费预算数 column is
  // left out, as a 三公 table printed alone has none, so the row ends in blank cells.
  const html = `<h1>上海市普陀区商务委员会2025年部门预算</h1><p>预算主管部门：上海市普陀区商务委员会</p><h3>2025年部门“三公”经费预算表</h3><p>编制部门：上海市普陀区商务委员会　单位:万元</p>
<table><tr><td colspan="6">“三公”经费预算数</td></tr>
<tr><td rowspan="2">合计</td><td rowspan="2">因公出国(境)费</td><td rowspan="2">公务接待费</td><td colspan="3">公务用车购置及运行费</td></tr>
<tr><td>小计</td><td>购置费</td><td>运行费</td></tr>
<tr><td>1.00</td><td></td><td>1.00</td><td></td><td></td><td></td></tr></table>`;

  it('is read in the header’s columns, its blanks blank', async () => {
    const page = await readSource(new TextEncoder().encode(html), 'three-costs.html');
    const costs = parseDocument(page.text, 'three-costs.html', page.notes, cellsOf(page)).threeCosts.find((t) => t.origin === 'TABLE');
    expect([costs?.total, costs?.abroad, costs?.reception, costs?.vehicles, costs?.vehiclePurchase, costs?.vehicleRunning]).toEqual([1_000_000n, null, 1_000_000n, null, null, null]);
  });
});
