// The HTML and Markdown sources (#37 item 1, #39 item 5): a web page or a Markdown file → the
// canonical text rendering, one line per block and a table's rows as tab-separated cells. Each
// expected row below is what the markup in the test shows in a browser (a colspan cell's text in
// its first column, the columns it covers blank; a rowspan cell's in its first row), never what
// the reader printed. GBK bytes are Python's gbk codec's ("合计" = ba cf bc c6).
import { describe, expect, it } from 'vitest';
import { readSource, sourceFormat, type SourceDocument } from '../../src/source/index.js';
import { BadDocumentError } from '../../src/errors.js';

const page = (body: string, head = '<meta charset="utf-8">') => Buffer.from(`<!DOCTYPE html>\n<html><head>${head}<title>标题不是正文</title></head><body>\n${body}\n</body></html>`);
const rows = (src: SourceDocument) =>
  src.text
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t'));
const lines = (src: SourceDocument) => src.text.split('\n');

/** The refusal a read throws, with its details. */
async function refusal(bytes: Uint8Array, file: string): Promise<BadDocumentError> {
  const err = await readSource(bytes, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BadDocumentError);
  return err as BadDocumentError;
}

describe('tables: spans laid out as the PDF grid lays them out, blank cells kept', () => {
  it('a colspan cell prints in its first column, a rowspan cell in its first row; the slots they cover are blank', async () => {
    const src = await readSource(
      page(`<table>
<tr><td rowspan="2">科目编码</td><td rowspan="2">科目名称</td><td colspan="3">本年预算</td></tr>
<tr><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>6,265</td><td>5,000</td><td>1,265</td></tr>
</table>`),
      'budget.html',
    );
    expect(src.format).toBe('HTML');
    expect(src.places).toBeNull();
    expect(rows(src)).toEqual([
      ['科目编码', '科目名称', '本年预算', '', ''],
      ['', '', '合计', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', '6,265', '5,000', '1,265'],
    ]);
  });

  it('a blank cell stays blank: the next number does not move left into it; a short row is blank to the table width', async () => {
    // #37: 公务用车购置及运行费 (小计, 购置费, 运行费) printed blank and 机关运行经费 213.28.
    const src = await readSource(
      page(`<table>
<tr><th>项目</th><th>小计</th><th>购置费</th><th>运行费</th><th>机关运行经费</th></tr>
<tr><td>公务用车购置及运行费</td><td></td><td>&nbsp;</td><td> </td><td>213.28</td></tr>
<tr><td>公务接待费</td><td>6.00</td></tr>
</table>`),
      'three-costs.htm',
    );
    expect(rows(src)).toEqual([
      ['项目', '小计', '购置费', '运行费', '机关运行经费'],
      ['公务用车购置及运行费', '', '', '', '213.28'],
      ['公务接待费', '6.00', '', '', ''],
    ]);
  });

  it('rowspan="0" runs to the end of its row group; a rowspan past the group is cut there (as browsers show it), <thead> first and <tfoot> last', async () => {
    const src = await readSource(
      page(`<table>
<tfoot><tr><td>合计</td><td>9</td></tr></tfoot>
<tbody><tr><td rowspan="0">类</td><td>1</td></tr><tr><td>2</td></tr><tr><td rowspan="100000">3</td><td>x</td></tr></tbody>
<thead><tr><th>名称</th><th>金额</th></tr></thead>
</table>`),
      'groups.html',
    );
    expect(rows(src)).toEqual([
      // Row 3 of the body: 类 still covers column 1, so 3 goes to column 2 and x to a third column;
      // the table is three columns wide, each row blank where it prints nothing.
      ['名称', '金额', ''],
      ['类', '1', ''],
      ['', '2', ''],
      ['', '3', 'x'],
      ['合计', '9', ''],
    ]);
  });

  it("a cell's paragraphs and line breaks are one cell: no space between two Chinese characters, a space otherwise; tabs in it are spaces", async () => {
    const src = await readSource(page('<table><tr><td><p>项目</p><p>名称</p></td><td>2020<br>年</td><td><pre>a\tb</pre></td></tr></table>'), 'cell.html');
    expect(rows(src)).toEqual([['项目名称', '2020 年', 'a b']]);
  });

  it('a table whose cells hold tables is page layout: its cells are read as blocks, the inner table as rows', async () => {
    const src = await readSource(page('<table><tr><td><p>部门：某局</p><table><tr><td>合计</td><td>5</td></tr></table></td><td>页脚</td></tr></table>'), 'layout.html');
    expect(lines(src)).toEqual(['部门：某局', '合计\t5', '页脚']);
  });

  it('the caption is a line before the rows (a table title as printed)', async () => {
    const src = await readSource(page('<table><caption>表八 一般公共预算“三公”经费支出表</caption><tr><td>合计</td><td>19.50</td></tr></table>'), 'caption.html');
    expect(lines(src)).toEqual(['表八 一般公共预算“三公”经费支出表', '合计\t19.50']);
  });
});

describe('prose: blocks are lines; what is no text is dropped', () => {
  it('headings, paragraphs, breaks and list items are lines; scripts, styles, nav, hidden content and the <head> are not text', async () => {
    const src = await readSource(
      page(`<nav>首页 | 预算公开</nav><div role="navigation">网站地图</div>
<h2>一、部门主要职能</h2>
<p>第一行<br>第二行 <b>加粗</b>  同一行</p>
<script>var total = "预算 999";</script><style>p { color: red }</style><div hidden>隐藏</div><p style="display:none">也隐藏</p>
<ul><li>甲</li><li>乙</li></ul><ol start="3"><li>丙</li></ol>
<p><input type="checkbox" checked> 是 <input type="checkbox"> 否</p>`),
      'prose.html',
    );
    expect(lines(src)).toEqual(['## 一、部门主要职能', '第一行', '第二行 加粗 同一行', '- 甲', '- 乙', '3. 丙', '☑ 是 ☐ 否']);
  });

  it('is read as HTML by its name (.html, .htm) or its start (<!DOCTYPE html>, <html>, <table>), whatever its name; a text is text', () => {
    expect(sourceFormat(Buffer.from('\uFEFF  <!doctype HTML><p>x'), 'a.txt')).toBe('HTML');
    expect(sourceFormat(Buffer.from('<table><tr><td>1'), 'a.txt')).toBe('HTML');
    expect(sourceFormat(Buffer.from('<!-- saved --><html>'), 'a')).toBe('HTML');
    expect(sourceFormat(Buffer.from('2020年部门预算\n<b>合计</b>\t1'), 'a.txt')).toBe('TEXT');
    expect(sourceFormat(Buffer.from('2020年部门预算'), 'page.HTM')).toBe('HTML');
    expect(sourceFormat(Buffer.from('# 2020年部门预算'), 'a.md')).toBe('MARKDOWN');
    expect(sourceFormat(Buffer.from('%PDF-1.7'), 'a.html')).toBe('PDF');
  });
});

describe('charset: as the page declares it', () => {
  const gbk = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
  const HEJI = [0xba, 0xcf, 0xbc, 0xc6]; // 合计
  const YUSUAN = [0xd4, 0xa4, 0xcb, 0xe3]; // 预算

  it('GB2312 / GBK by <meta charset> or http-equiv Content-Type, GB18030 beyond GBK, UTF-8 by its byte order mark', async () => {
    const a = await readSource(gbk('<html><head><meta charset="gb2312"></head><body><p>', YUSUAN, '</p><table><tr><td>', HEJI, '</td><td>8</td></tr></table>'), 'gbk.html');
    expect(lines(a)).toEqual(['预算', '合计\t8']);
    const b = await readSource(gbk('<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body>', HEJI), 'gbk2.html');
    expect(b.text).toBe('合计');
    // U+20000 is four bytes in GB18030 (95 32 82 36), no GBK character.
    const c = await readSource(gbk('<meta charset="gb18030"><p>', [0x95, 0x32, 0x82, 0x36], '</p>'), 'gb18030.html');
    expect(c.text).toBe('\u{20000}');
    const d = await readSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>合计</p>')]), 'bom.html');
    expect(d.text).toBe('合计');
  });

  it('bytes that are not valid in the declared charset are refused with their line; an unknown charset and undeclared GBK are refused with a sentence', async () => {
    // 0x81 opens a two-byte character; a space (0x20) cannot end one.
    const bad = await refusal(gbk('<meta charset="gbk">\n<p>', HEJI, '</p>\n<p>', [0x81, 0x20], '</p>'), 'bad.html');
    expect(bad.line).toBe(3);
    expect(bad.message).toMatch(/declares gbk but its bytes are not valid gbk/);
    const undeclared = await refusal(gbk('<html>\n<p>', HEJI, '</p>'), 'undeclared.html');
    expect(undeclared.line).toBe(2);
    expect(undeclared.message).toMatch(/declares no charset \(read as UTF-8\).*<meta charset="gbk">/);
    expect((await refusal(gbk('<meta charset="x-klingon"><p>a</p>'), 'odd.html')).message).toMatch(/charset "x-klingon", which is no encoding/);
  });
});

describe('caps: a hostile page is refused with its line, in bounded time and memory', () => {
  const cap = async (bytes: Uint8Array, file = 'hostile.html') => {
    const err = await refusal(bytes, file);
    return { cap: err.details.cap, reason: err.details.reason, line: err.line, message: err.message };
  };

  it('elements nested deeper than 256', async () => {
    const r = await cap(Buffer.from(`<html><body>\n\n${'<div>'.repeat(300)}x`));
    expect(r).toMatchObject({ cap: 'depth', reason: 'DOCUMENT_TOO_LARGE', line: 3 });
  });

  it('colspan=100000: a table wider than 256 columns', async () => {
    const r = await cap(page('<table>\n<tr><td>a</td></tr>\n<tr><td colspan="100000">b</td></tr></table>'));
    expect(r.cap).toBe('columns');
    expect(r.line).toBe(5);
    expect(r.message).toMatch(/a cell spans 100,000 columns/);
  });

  it('more than 200,000 grid cells (1,100 rows of a cell spanning 200 columns)', async () => {
    const r = await cap(page(`<table>${'<tr><td colspan="200">1</td></tr>\n'.repeat(1_100)}</table>`));
    expect(r.cap).toBe('cells');
    expect(r.line).toBeGreaterThan(900);
  });

  it('more than 250,000 elements, refused while the tree is built', async () => {
    const r = await cap(Buffer.from(`<p>${'<br>'.repeat(250_001)}`));
    expect(r.cap).toBe('elements');
  });

  it('no entity bomb: entities a DOCTYPE declares are not expanded; character references decode in one pass', async () => {
    const tenA = '&a;'.repeat(10);
    const src = await readSource(Buffer.from(`<!DOCTYPE html [<!ENTITY a "${'x'.repeat(1000)}"><!ENTITY b "${tenA}">]><p>&b;&b;</p><p>${'&amp;'.repeat(200_000)}</p>`), 'entities.html');
    const out = lines(src);
    // The DOCTYPE ends at its first ">": the rest of the declaration is text, never an expansion.
    expect(out.some((l) => l.includes('x'.repeat(100)))).toBe(false);
    expect(out).toContain('&b;&b;');
    expect(out.at(-1)!.length).toBe(200_000);
    expect(/^&+$/.test(out.at(-1)!)).toBe(true);
  });
});

describe('Markdown: pipe tables, <table> markup, headings and paragraphs', () => {
  it('reads a pipe table (the --- row dropped, \\| a pipe inside a cell, a blank cell blank), <table> markup through the HTML reader, a wrapped paragraph as one line', async () => {
    const md = [
      '# 2020年部门预算',
      '',
      '部门主要职能：贯彻党中央',
      '及省市方针，全年 6,928 万元。',
      '',
      '| 科目编码 | 科目名称 | 金额 |',
      '| --- | :--- | ---: |',
      '| 201 | 一般公共服务支出 | 6,265 |',
      '| 20101 | 人大事务\\|代表 |  |',
      '',
      '<table><tr><td rowspan="2">项目</td><td>合计</td></tr><tr><td>8</td></tr></table>',
      '',
      '- 一、部门概况',
    ].join('\n');
    const src = await readSource(Buffer.from(md), 'converted.md');
    expect(src.format).toBe('MARKDOWN');
    expect(lines(src)).toEqual(['# 2020年部门预算', '部门主要职能：贯彻党中央及省市方针，全年 6,928 万元。', '科目编码\t科目名称\t金额', '201\t一般公共服务支出\t6,265', '20101\t人大事务|代表\t', '项目\t合计', '\t8', '- 一、部门概况']);
  });

  it('refuses quotes nested 50 deep (markdown-it would drop the rest) and a file of more than 400,000 pipes, with the line', async () => {
    const deep = await refusal(Buffer.from(`# t\n\n${'>'.repeat(60)} x`), 'deep.md');
    expect(deep.details.cap).toBe('markdownNesting');
    const pipes = await refusal(Buffer.from(`# t\n${'|'.repeat(100)}\n`.repeat(5_000)), 'pipes.md');
    expect(pipes.details.cap).toBe('markdownMarks');
    expect(pipes.line).toBeGreaterThan(7_000);
  });
});
