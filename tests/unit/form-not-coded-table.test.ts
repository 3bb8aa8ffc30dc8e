// A form's rows are not a 科目 table (#37 item 6). data/004_977ad1fe0b13bb92.txt lines 1182-1212
// (a 项目支出绩效自评表, copied verbatim): the form prints 年度资金总额 / 区级财政资金 with their
// 全年预算数 and 全年执行数 (lines 1192 and 1194), and an indicator row whose 全年完成值 is a count,
// "279" (建设公共WIFI热点数, ≥274个 planned, line 1209). That count reads like a 功能分类 类 code;
// before, the structure stage took the whole form for a 科目 table on it: its header ended at line
// 1191, the money rows were OTHER, and a code 279 stood at line 1209. A 科目 code names a line: its
// name is printed after it, or the header names a code column.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { layout, type Table } from '../../src/parse/layout.js';
import { codedTable } from '../../src/parse/structure/coded-table.js';
import { structureOf } from '../../src/parse/structure/index.js';

const FORM = [
  '# 部门决算',
  '',
  "# 项目支出绩效自评表",
  "",
  "(2020年度)",
  "",
  "项目主管部门：深圳市坪山区政务服务数据管理局",
  "",
  "项目名称\t\t其他网信事务支出\t\t项目起止时间\t2020.1.1~2020.12.31\t",
  "主管部门\t\t深圳市坪山区政务服务数据管理局\t\t实施单位\t深圳市坪山区政务服务数据管理局\t",
  "是否重点绩效项目\t\t否\t\t项目属性\t延续性\t",
  "项目资金(万元)\t\t\t全年预算数(A)\t全年执行数(B)\t\t执行率(B/A)",
  "\t\t年度资金总额:\t4461.04\t4428.95\t\t99.28%",
  "\t\t其中:上级转移支付资金\t\t\t\t",
  "\t\t区级财政资金\t4461.04\t4428.95\t\t99.28%",
  "\t\t其他资金\t\t\t\t",
  "年度总体目标\t年初设定目标\t\t\t全年实际完成情况\t\t",
  "\t做好区信息事务的正常运行与维护、网络及通讯服务、网络安全保障、视频资源管理、公共区域WIFI服务。保障区信息化基础设施(含网络、云平台和机房)正常运行,提供信息化基础设施硬件维保服务和数据库平台运维服务。\t\t\t已较好保障区信息事务的正常运行与维护,网络及通讯服务、网络安全保障、视频资源管理、公共区域WIFI服务。区信息化基础设施(含网络、云平台和机房)正常运行。实现信息化基础设施硬件维保服务和数据库平台专人运维服务。\t\t",
  "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t未完成原因和改进措施",
  "\t产出指标\t数量指标\t大数据门户前端建设\t7项\t100%\t",
  "\t\t\t数据统计与分析技术服务项目用户\t1项\t100%\t",
  "\t\t\t坪山基层改革项目数据治理\t完成\t100%\t",
  "\t\t\t民生热线抽检案件数\t600宗\t100%\t",
  "\t\t\t民生热线抽检来电通话录音\t240个\t100%\t",
  "\t\t\t视频资源智慧管理平台巡检\t1次/日,全年需巡检251次。\t100%\t",
  "\t\t\t每周对各街道办视频会议系统巡检\t1次/周,全年需巡检52次。\t100%\t",
  "\t\t\t每月对各局办视频会议系统巡检\t2次/月,全年需巡检24次。\t100%\t",
  "\t\t\t视频会议保障基本设施运行状态巡检\t3次/日,全年需巡检1095次。\t100%\t",
  "\t\t\t每日对各接入系统进行巡检(多功能厅)\t2次/天,全年需巡检366次。\t100%\t",
  "\t\t\t建设公共WIFI热点数\t≥274个\t279\t",
  "\t\t\t建设AP数(公共WIFI)\t≥3484个\t3574\t",
  "\t\t\t带宽接入大小(M)\t3000\t3000\t",
  "\t\t\t第三方渗透及攻防演练\t1次/年\t1次\t",
];
const TEXT = FORM.join('\n');
const lineOf = (start: string) => FORM.findIndex((l) => l.startsWith(start)) + 1;

function formTable(text: string, title: string): Table {
  const table = layout(text).tables.find((t) => t.title === title);
  if (!table) throw new Error(`no table ${title}`);
  return table;
}

describe('a self-evaluation form printing a count that reads like a 科目 code', () => {
  const table = formTable(TEXT, '项目支出绩效自评表');

  it('is no 科目 table', () => {
    expect(codedTable(table)).toBeNull();
    expect(structureOf(table).coded).toBeNull();
  });

  it('reads the 年度资金总额 and 区级财政资金 rows as rows printing figures, not as a 科目 table\'s other rows', () => {
    const roles = new Map(structureOf(table).rows.map((r) => [r.line, r.role]));
    expect(roles.get(lineOf('\t\t年度资金总额'))).toBe('DATA');
    expect(roles.get(lineOf('\t\t区级财政资金'))).toBe('DATA');
  });

  it('gives no classification line, and the self-evaluation its printed money', () => {
    const doc = parseDocument(TEXT, 'self-evaluation-form.txt');
    expect(doc.lines).toEqual([]);
    const evaluation = doc.selfEvaluations[0];
    // Money in fen: 4461.04 万元 and 4428.95 万元 as printed.
    expect(evaluation?.budget).toBe(4_461_040_000n);
    expect(evaluation?.executed).toBe(4_428_950_000n);
    expect(evaluation?.source.line).toBe(lineOf('\t\t年度资金总额'));
  });
});

describe('a 科目 table is still one', () => {
  const HEADER = ['# 部门预算', '### 一般公共预算支出预算表', '单位：万元'];

  it('when its codes print their names', () => {
    const text = [...HEADER, '科目编码\t科目名称\t合计', '201\t一般公共服务支出\t100.00', '20101\t人大事务\t100.00'].join('\n');
    expect(codedTable(formTable(text, '一般公共预算支出预算表'))?.rows.flatMap((r) => r.blocks?.map((b) => b.code) ?? [])).toEqual(['201', '20101']);
  });

  it('when its header names a code column, a code row without its name too', () => {
    const text = [...HEADER, '科目编码\t科目名称\t合计', '201\t\t100.00'].join('\n');
    expect(codedTable(formTable(text, '一般公共预算支出预算表'))).not.toBeNull();
  });
});
