// The words documents print that the parser keys on: the titles of each table family and the
// column labels of their headers, each with the variants that mean the same. The parser's
// patterns and the bench corpus generator's tables both come from here (bench/corpus/generate.ts
// prints `printed`), so generated documents speak the words the parser reads; a unit test checks
// that every printed form is recognised (tests/unit/glossary.test.ts).
import type { TableFamily } from '../families.js';

export interface Label {
  /** The form a generator prints (the commonest in real documents). */
  printed: string;
  /** Every form that means this column, as a header cell reads once spaces are removed. */
  matches: RegExp;
}

/** Column labels of classification and project tables. */
export const COLUMNS = {
  code: { printed: '科目编码', matches: /^科目编码$/ },
  codeName: { printed: '科目名称', matches: /^科目名称$/ },
  /** A table's grand total: preferred over a sub-block's 合计. */
  grandTotal: { printed: '支出合计', matches: /^(支出总计|本年支出合计|支出合计|收入总计|本年收入合计|总计)$/ },
  total: { printed: '合计', matches: /^合计$/ },
  amount: { printed: '金额', matches: /^金额$/ },
  subtotal: { printed: '小计', matches: /^小计$/ },
  basic: { printed: '基本支出', matches: /基本支出(数)?$/ },
  project: { printed: '项目支出', matches: /项目支出(数)?$/ },
  projectName: { printed: '项目名称', matches: /^项目名称/ },
  projectAmount: { printed: '项目金额', matches: /^(项目金额|金额|预算数|预算金额)/ },
  budgetAmount: { printed: '预算数', matches: /^预算数/ },
  performanceTarget: { printed: '绩效目标', matches: /^绩效目标$/ },
  justification: { printed: '项目申报依据', matches: /申报依据|立项依据/ },
  taskName: { printed: '任务名称', matches: /^任务名称$/ },
  /** A form's total row (整体支出绩效目标申报表: 金额合计 under the 任务名称 rows). */
  formTotal: { printed: '金额合计', matches: /^(金额合计|资金合计|合计|总计)$/ },
  /** The form's all-sources money column (总额, beside 财政拨款 / 其他资金). */
  formAmount: { printed: '总额', matches: /(^|\/)(总额|合计|金额)[^/]*$/ },
} as const satisfies Record<string, Label>;

/** Titles a family is printed under (the family itself is recognised by families.ts's patterns). */
export const PRINTED_TITLES = {
  EXPENDITURE_SUMMARY: ['部门支出总表（按功能科目）', '支出决算表'],
  GENERAL_BUDGET_EXPENDITURE: ['一般公共预算支出表（按功能科目）'],
  THREE_COSTS: ['一般公共预算“三公”经费支出表', '“三公”经费支出决算表'],
  PROJECT_LIST: ['部门预算绩效管理项目情况表'],
  INCOME_EXPENDITURE_SUMMARY: ['部门收支总表'],
  GOVERNMENT_FUND: ['政府性基金预算支出表'],
  BASIC_EXPENDITURE: ['一般公共预算财政拨款基本支出决算表'],
  SELF_EVALUATION: ['项目支出绩效自评表'],
} as const satisfies Partial<Record<TableFamily, readonly string[]>>;

/** A table of a standard disclosure: its number and title as printed (without the year and the
 *  部门 / 单位 / 预算单位 before it), and the family it is read as. */
export interface StandardTable {
  no: number;
  title: string;
  /** Other titles the same table is printed under (Shenzhen's 公开07表 / 公开09表 of the same set). */
  variants?: readonly string[];
  family: TableFamily;
}

/**
 * The standard sets of tables a disclosure prints, each in its order (Shanghai's 部门预算 / 单位预算
 * and 部门决算: nine tables each, the titles of tests/fixtures/real/ and of 附件2：部门决算模板.pdf; a
 * Shenzhen 部门决算 prints the same nine as 公开01-09表, two of them under a variant title).
 * A table printed under one of these titles is of that family (families.ts tries them first); a
 * document that prints most of a set and lacks one is told which (disclosure.ts).
 */
export const STANDARD_DISCLOSURES = {
  SHANGHAI_BUDGET: {
    zh: '上海市部门预算 / 单位预算',
    kinds: ['BUDGET', 'UNIT_BUDGET'],
    tables: [
      { no: 1, title: '财务收支预算总表', family: 'INCOME_EXPENDITURE_SUMMARY' },
      { no: 2, title: '收入预算总表', family: 'INCOME_SUMMARY' },
      { no: 3, title: '支出预算总表', family: 'EXPENDITURE_SUMMARY' },
      { no: 4, title: '财政拨款收支预算总表', family: 'FISCAL_GRANT_SUMMARY' },
      { no: 5, title: '一般公共预算支出功能分类预算表', family: 'GENERAL_BUDGET_EXPENDITURE' },
      { no: 6, title: '政府性基金预算支出功能分类预算表', family: 'GOVERNMENT_FUND' },
      { no: 7, title: '国有资本经营预算支出功能分类预算表', family: 'STATE_CAPITAL' },
      { no: 8, title: '一般公共预算基本支出部门预算经济分类预算表', family: 'BASIC_EXPENDITURE' },
      { no: 9, title: '“三公”经费和机关运行经费预算表', family: 'THREE_COSTS' },
    ],
  },
  SHANGHAI_FINAL_ACCOUNTS: {
    zh: '上海市部门决算',
    kinds: ['FINAL_ACCOUNTS'],
    tables: [
      { no: 1, title: '收入支出决算总表', family: 'INCOME_EXPENDITURE_SUMMARY' },
      { no: 2, title: '收入决算表', family: 'INCOME_SUMMARY' },
      { no: 3, title: '支出决算表', family: 'EXPENDITURE_SUMMARY' },
      { no: 4, title: '财政拨款收入支出决算总表', family: 'FISCAL_GRANT_SUMMARY' },
      { no: 5, title: '一般公共预算财政拨款支出决算表', family: 'GENERAL_BUDGET_EXPENDITURE' },
      { no: 6, title: '一般公共预算财政拨款基本支出决算表', family: 'BASIC_EXPENDITURE' },
      { no: 7, title: '财政拨款“三公”经费支出决算表', variants: ['一般公共预算财政拨款“三公”经费支出决算表'], family: 'THREE_COSTS' },
      { no: 8, title: '政府性基金预算财政拨款收入支出决算表', family: 'GOVERNMENT_FUND' },
      { no: 9, title: '国有资本经营预算财政拨款收入支出决算表', variants: ['国有资本经营预算财政拨款支出决算表'], family: 'STATE_CAPITAL' },
    ],
  },
} as const satisfies Record<string, { zh: string; kinds: readonly string[]; tables: readonly StandardTable[] }>;
export type StandardDisclosure = keyof typeof STANDARD_DISCLOSURES;

/** What a table prints when it is empty on purpose ("注：…故本表无数据。", "本表为空表"). */
export const EMPTY_TABLE_NOTE = /本表(无数据|为空表?|无内容)|无.{0,30}(支出|收入|预算|数据).{0,20}故本表(无|为空)/;

/** A title as the standard sets are compared: half-width, no spaces or quotes, no year or 部门 / 单位 before it. */
export function standardTitleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\s"“”'‘’]/g, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/^(部门|预算单位|单位)/, '');
}

/** A header cell as the glossary compares it: spaces removed. */
export const headerText = (cell: string) => cell.replace(/\s/g, '');

/** Words of table titles the checks and readers key on (a title is matched anywhere). */
export const TITLE_WORDS = {
  /** 支出: a table of expenditure. */
  expenditure: /支出/,
  /** 支出决算表: a 决算's expenditure table (财政拨款支出决算表 …). */
  expenditureFinalAccounts: /支出决算表/,
  /** 财政拨款: of the fiscal grant only. */
  fiscalGrant: /财政拨款/,
  /** 三公: the "三公"经费 table. */
  threeCosts: /三公/,
  /** The summary table: 收入支出(决算|预算)总表 / 收支(决算|预算)总表. */
  incomeExpenditureSummary: /收入支出(?:决算|预算)?总表|收支(?:决算|预算)?总表/,
  /** 采购: a 政府采购 table (its codes are procurement codes). */
  procurement: /采购/,
};

/** Row labels of totals, as a cell reads once spaces are removed. */
export const ROW_LABELS = {
  /** 总计 anywhere in a label (收入支出总计, 收支总计). */
  grandTotalWord: /总计/,
  /** The summary table's grand total row: 总计 / 收入总计. */
  incomeGrandTotal: /^(收入)?总计$/,
  /** 合计 / 总计 exactly. */
  total: /^合计$|^总计$/,
  /** 合计 / 总计, spaced or not ("合 计"). */
  totalSpaced: /^合\s*计$|^总\s*计$/,
  /** 小计: a block's subtotal row. */
  subtotal: /^小\s*计$/,
  /** 类 / 款 / 项: the code-part labels, printed in the header or on the 合计 row. */
  codePart: /^(类|款|项)$/,
  /** A summary's 类 row: "一、一般公共服务支出" (group 1 the class's name). */
  numberedClass: /^[一二三四五六七八九十]+、(.+支出)$/,
  /** A unit's row of a table listing units (预算单位): its name ends as a unit's does
   *  (局 / 中心 / 本级 / 办公室 …, perhaps a closing bracket). */
  unitName: /(局|中心|单位|本级|办公室|委员会|所|站|队|院)[)）]?$|本级[)）]$/,
};

/** Cells that print a year. */
export const YEAR_CELLS = {
  /** Only a year, 年 optional, spaces allowed ("2024 年"): a header, no figure. */
  yearOnly: /^\s*\d{4}\s*年?\s*$/,
  /** A year's row label ("2024年"). */
  yearLabel: /^\d{4}\s*年$/,
  /** Ends in 年: a year's label, no amount. */
  endsInYear: /年$/,
  /** Opens with a year ("2024 年预算数"): a header cell, no figure. */
  opensWithYear: /^\s*\d{4}\s*年/,
};

/** The 三公 table's header words (three-costs.ts): each figure's column, the 预算数 / 决算数 pair. */
export const THREE_COSTS_COLUMNS = {
  /** 合计 / 总计: the total. */
  total: /^(合计|总计)$/,
  /** 因公出国（境）费 (公出国: a 因 lost to the line before). */
  abroad: /因公出国|公出国/,
  /** 公务接待费. */
  reception: /公务接待/,
  /** 公务用车购置及运行(维护)费: the pair. */
  vehicles: /购置及运行|购置和运行/,
  /** 公务用车购置费 alone. */
  vehiclePurchase: /公务用车购置费$/,
  /** 运行(维护)费 alone. */
  vehicleRunning: /运行(维护)?费$/,
  /** 小计: the vehicles pair under its span. */
  subtotal: /^小计$/,
  /** 购置费 alone under 公务用车's span, beside its 小计. */
  purchasePart: /^购置费$/,
  /** A budget column: 预算数 / 年初预算数 / 全年预算数. */
  budget: /^(预算数|年初预算数|全年预算数)$/,
  /** An actual column: 决算数 / 实际支出(数) / 支出决算(数). */
  actual: /^(决算数|实际支出数?|支出决算数?)$/,
  /** 一般公共(预算): the first fund of a header printing each figure per fund. */
  generalBudgetFund: /一般公共/,
  /** 增减 / 变化: a row of the change, no year's figures. */
  change: /增减|变化/,
};

/** Chinese numerals a table's number is printed with (表三, 表十一). */
const TABLE_NUMERALS = '一二三四五六七八九十百';
/** A table's number before its title: 表三 / 表 3 / 公开03表 / 附表1, then an optional colon
 *  (group 1 the number, group 2 the rest of the line). */
export const TABLE_NUMBER = new RegExp(`^(表\\s*[${TABLE_NUMERALS}\\d]+|公开\\s*\\d+\\s*表|附表\\s*\\d+)\\s*[:：]?\\s*(.*)$`);

/** 。；; — a sentence's stop or semicolon: a cell or line holding one is a sentence, no title or name. */
export const SENTENCE_STOP = /[。；;]/;

/** The parts of a title line (layout.ts): what ends a title, what is printed after it. */
export const TITLE_PARTS = {
  /** "（2020年度）" after a title: the year, not the title. */
  yearSuffix: /\s*[（(]\s*\d{4}\s*年度?\s*[)）]\s*$/,
  /** A title ending in a closing bracket (perhaps a unit after it). */
  closingBracketLast: /[)）]$/,
  /** "（单位：万元）" / "(金额单位：人民币元)" after a title: the table's unit (no leading \s*:
   *  unanchored, it would rescan a long run of spaces from each of its starts). */
  unitSuffix: /[（(]\s*(?:金\s*额\s*)?单\s*位\s*[:：]\s*(?:人\s*民\s*币\s*)?(?:亿\s*元|千\s*元|万\s*元|元)\s*[)）]$/,
  /** A sentence stop or semicolon: a sentence, no title. */
  sentenceStop: SENTENCE_STOP,
  /** A title ends in 表 … */
  endsInTable: /表$/,
  /** … or in 表 and a bracket ("…绩效情况表（2020年度）"). */
  endsInTableBracketed: /表\s*[（(][^）)]*[)）]$/,
};

/** Lines that repeat under a title after a page break and say nothing about rows: 部门：… /
 *  单位：万元 / 金额单位：人民币元 / 2024年度 / a bare year. A unit's words may be letter-spaced
 *  (单 位：元, 单　位：万 元): a justified line is still the unit line. */
export const PREAMBLE_LINE = /^(部门|单位|部门名称|单位名称|项目单位|项目主管部门|编制单位|编制部门)\s*[:：]|^(金\s*额\s*)?单\s*位(?:\s*[:：])?\s*(人\s*民\s*币\s*)?(亿\s*元|千\s*元|万\s*元|元)|^(\d{4}\s*年度?\s*)?(金\s*额\s*)?单\s*位\s*[:：]\s*(人\s*民\s*币\s*)?(亿\s*元|千\s*元|万\s*元|元)$|^[（(]?\d{4}\s*年度?[)）]?$|^\d{4}$/;
/** Lines of a form's head that are preamble too: 项目概况 / 栏次. */
export const PREAMBLE_FORM_LINE = /^(项目概况|栏\s*次)$/;
/** A note under a table (注：/ 备注：/ 说明：): prose, not a row. */
export const NOTE_LINE = /^(注|备注|说明)\s*[:：]/;

/** The first cell of a form's first row (项目名称 / 项目概况 / 单位名称 / 部门(单位)名称), brackets
 *  half-width: a form that starts again is a new table under the same title. */
export const FORM_START_LABEL = /^(项目名称|项目概况|单位名称|部门\(单位\)名称)$/;
/** Spaces and full-width brackets, replaced one by one when a form's first cell is read. */
export const SPACES_AND_FULL_BRACKETS = /[\s（）]/g;

/** A label cell naming its unit: "项目资金（元）", "预算金额(万元)" (group 1 the unit). */
export const CELL_UNIT = /[（(]\s*(亿\s*元|千\s*元|万\s*元|元)\s*[)）]/;

/** What two printings of one title may differ by: spaces, markdown marks, brackets and quotes. */
export const TITLE_DECORATION = /[\s#*（）()"“”]/g;

/** A year as printed anywhere in a row ("2024 年"): no figure. */
export const PRINTED_YEAR = /\d{4}\s*年/g;

/** The words of figure columns (figures.ts): what a column's label says its cells measure or are. */
export const FIGURE_COLUMNS = {
  /** The unit a figure cell may print after its number (万元 / 元 / 分 for points). */
  cellUnit: /万元$|元$|分$/,
  /** Columns whose numbers name the row: 编码 / 序号 / 栏次 / 年度 … */
  rowNumber: /编码|代码|编号|序号|栏次|行次|年度|年份/,
  /** A column of one part of a classification code, printed in cells 类 | 款 | 项. */
  codePart: /(^|\/)(类|款|项)$/,
  /** A rate: 率 / 比 / % in the label. */
  rate: /[率比]|%/,
  /** Points: 分值 / 得分 / 权重 … */
  score: /分值|得分|分数|评分|权重/,
  /** A count: 人数 / 数量 / 次数 … */
  count: /人数|数量|个数|次数|户数|人次|台数|套数/,
  /** Text columns (说明 / 依据 / 绩效目标 …): their cells name nothing. */
  text: /说明|标准|描述|依据|原因|措施|绩效目标$/,
  /** A label of the column that names rows (项目 / 科目名称 / 功能分类 / 单位名称 …). */
  rowName: /^(项目|科目|科目编码|科目名称|功能分类|经济分类|.*科目编码|.*分类科目|预算单位|单位名称)$/,
  /** A cell opening with a year ("2024年预算数"): a header, no figure. */
  yearLed: /^\d{4}\s*年.*$/,
  /** 栏次: the row numbering a 决算 prints under its header. */
  rowNumbering: /^栏次$/,
};

/** The side of a side-by-side table (收入 | 支出) a column path starts with (group 1). */
export const TABLE_SIDES = {
  /** Any table: 收入 / 支出 / 收 / 支. */
  any: /^(收入|支出|收|支)(?:\/|$)/,
  /** A standard set's summary: 本年收入 / 财政拨款支出 … */
  standard: /^(?:本年|财政拨款)?(收入|支出)(?:\/|$)/,
};

/** How a table, a page, a form or a cell prints its money unit (amount.ts). */
export const PRINTED_UNITS = {
  /** "单位：元", "单位: 万元", "金额单位：人民币千元", "（单位：亿元）" (group 1 the unit, its spaces to
   *  be removed: a justified line prints "单 位：万 元"). 万元 / 千元 / 亿元 are tried before 元, which
   *  ends them all; a Chinese character after it is another word. */
  declaration: /(?:金\s*额\s*)?单\s*位\s*[:：]\s*(?:人\s*民\s*币\s*)?(亿\s*元|千\s*元|万\s*元|元)(?![\u4e00-\u9fa5])/,
  /** A cell printing 万元 after its number ("446.38万元"): in 万元, whatever its table declares. */
  wanAfter: /万元$/,
  /** A cell printing any unit after its number (group 1 the unit). */
  unitAfter: /(亿元|千元|万元|元)$/,
  /** An accounting-style negative: "(12.50)" / "（12.50）". */
  accountingNegative: /^[(（]\s*[\d,.]+\s*[)）]$/,
  /** Its brackets and spaces, removed to show the number. */
  bracketsAndSpaces: /[()（）\s]/g,
};

/**
 * Column headers beside which a label cell is a column of personal values, not a label with its
 * value in the next cell ("项目名称 | 项目负责人 | 金额" is a header row; its 项目负责人 column is
 * personal in the rows below: personal-data.ts).
 */
export const HEADER_ROW_WORDS = /^(序号|编号|项目名称|项目|单位名称|单位|部门|名称|金额|预算数|合计|小计|备注|类别|类型|职务|职称|岗位|日期|时间|地址)$|名称$|金额$|[（(](万?元)[)）]$/;

/**
 * Column labels by the role the structure stage gives a column (src/parse/structure/roles.ts), as
 * the last part of its header path reads once spaces are removed. Tried in this order: a label
 * takes the first role it matches; the leftmost column of a role is the role's. Readers never
 * look these up: they ask the structure stage for a role.
 */
export const COLUMN_ROLE_LABELS = {
  LINE_NO: /^(行次|栏次)$/,
  CODE_CLASS: /^类$/,
  CODE_SECTION: /^款$/,
  CODE_ITEM: /^项$/,
  CODE: /编码$|代码$/,
  NAME: /名称$|^项目$|^科目$/,
  YEAR_START: /^年初预算(数)?$/,
  ADJUSTED: /^调整(后)?预算(数)?$/,
  BUDGET: /^(全年)?预算数$/,
  ACTUAL: /^(决算数|实际支出数?|支出决算数?)$/,
  PERSONNEL: /^人员经费$/,
  PUBLIC: /^公用经费$/,
  BASIC: /基本支出(数)?$/,
  PROJECT: /项目支出(数)?$/,
  TOTAL: /^(合计|总计|支出总计|本年支出合计|支出合计|收入总计|本年收入合计)$/,
  ABROAD: /因公出国|公出国/,
  RECEPTION: /公务接待/,
  VEHICLES: /购置及运行|购置和运行/,
  VEHICLE_PURCHASE: /^(公务用车)?购置费$/,
  VEHICLE_RUNNING: /运行(维护)?费$/,
  AMOUNT: /^金额$/,
} as const;
