// See index.ts: the glossary's words printed in checks — the words the checks compare (format,
// completeness, consistency) and the names src/load/restatements.ts matches prose to tables by.
import { WAN_AMOUNT } from './prose.js';

/** How a name is cut to its comparable stem (restatements.ts's stemOf): the prose's "2024年公用经费"
 *  and a table's "公用经费支出" are one line. */
export const NAME_STEM = {
  /** A year ("2024年度"): when, not what. */
  year: /\d{4}\s*年度?/g,
  /** Brackets, quotes, 书名号, spaces and the middle dot. */
  decoration: /[()（）"“”《》\s·]/g,
  /** 的: "对个人和家庭的补助" is "对个人和家庭补助". */
  possessive: /的/g,
  /** A trailing 合计: "基本支出合计" is 基本支出. */
  totalSuffix: /合计$/,
  /** A trailing 支出 / 经费 / 费用 / 项目 (cut twice: "项目支出" → ""). */
  genericSuffix: /(支出|经费|费用|项目)$/g,
};

/** One word per concept: the synonyms documents print for the same column or line (after NAME_STEM). */
export const NAME_SYNONYMS: [RegExp, string][] = [
  /** 公用经费 / 基本公用支出 / 商品和服务: goods and services. */
  [/^(基本)?公用(经费|支出)?$|^商品和服务$/, '商品和服务'],
  /** 人员经费 / 人员支出 / 工资福利: personnel. */
  [/^人员(支出|经费)?$|^工资福利$/, '工资福利'],
  /** 对个人和家庭(的)补助 / 对个人与家庭补助: transfers to households. */
  [/^对个人和?与?家庭的?补助$/, '对个人和家庭补助'],
];

/** Column names too general to identify a figure (合计 / 金额 / 预算数 …, and unnamed columns). */
export const GENERIC_COLUMN = /^(合计|小计|总计|金额|决算数|预算数|column\d+)$/;
/** Words of a column path that say which year or fund, not what: dropped from a figure's names. */
export const COLUMN_QUALIFIERS = /\d{4}年(度)?|一般公共预算|政府性基金预算|财政拨款/g;
/** List numbering before a figure's item (一、/ （一）/ 1. / 1、): no part of its name. */
export const ITEM_NUMBERING = /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]|^\d+[.、]/;
/** A year stated in a name or a sentence (group 1 the year). */
export const STATED_YEAR = /(\d{4})\s*年/;
/** Words that tie a sentence to one family of tables (a table whose title includes it). */
export const TABLE_SCOPES = ['政府性基金', '国有资本经营', '一般公共预算', '三公'];
/** The funds a table's empty note and its title may name (disclosure.ts noteOfOtherFund): 三公 is no fund. */
export const NOTE_FUNDS = ['政府性基金', '国有资本经营', '一般公共预算'];
/** The row a table's total is printed as. */
export const TOTAL_ROW = '合计';

/** The contents (目录) of a disclosure, as checks/completeness.ts reads it. */
export const CONTENTS = {
  /** The printed heading, and the table name findings cite. */
  printed: '目录',
  /** 目录 / 目 录: the heading the entries follow. */
  heading: /^目\s*录$/,
  /** An entry's numbering: 1. / 一、/ （一） / 表一. */
  entryNumbering: /^(\d+[.、．]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|表[一二三四五六七八九十\d]+)/,
  /** A year in an entry ("2026年部门…"): titles compare without it. */
  year: /\d{4}年度?/g,
  /** Quotes (“三公”): titles compare without them. */
  quotes: /["“”'‘’]/g,
  /** 部分 (第二部分 …): a part of the disclosure, no table. */
  part: /部分/,
  /** A group's numbering, 一、 (its tables follow numbered 1. 2. …). */
  groupNumbering: /^\s*[一二三四五六七八九十]+、/,
  /** An item's numbering, 1. / 1、 */
  itemNumbering: /^\s*\d+\s*[.、．]/,
  /** An entry's numbering as disclosure.ts strips it (一、/ 1.), with the spaces after. */
  listedNumbering: /^([一二三四五六七八九十]+[、.．]|\d+\s*[、.．])\s*/,
};

/** Where a document names a year (checks/words.ts): each against the document's own year. */
export const YEAR_WORDS = {
  /** A comparison with a year: "比2024年相比" / "较 2024 年增加" / "与2024年持平" (group 2 the year,
   *  3 the words between, 4 the comparison word). */
  comparedWithYear: /(比|较|与|同)(\d{4})年度?([^，。；,]{0,12}?)(相比|相较|增加|减少|增长|下降|上升|持平|基本持平|一致)/g,
  /** 预算 among the words between: a 决算 compares with its own year's budget, rightly. */
  budget: /预算/,
  /** Sentence punctuation: a line holding it is a sentence, no heading. */
  sentencePunctuation: /[。；，,]/,
  /** A heading's year of the document: "2023年度部门决算" / "2024年区级单位预算" (group 1). */
  documentHeading: /(\d{4})年度?(?:区级)?(?:部门|单位)(?:预算|决算)/,
  /** A 决算's year-end date: "截至2024年12月31日" (group 1 the year). */
  yearEndDate: /截[至止](\d{4})年12月31日/g,
  /** A project's 实施周期 heading ("五、实施周期", "实施周期：…"): the period follows on it or on the next line. */
  projectPeriod: /^\s*(?:[一二三四五六七八九十]+[、.．]\s*)?实施周期/,
  /** A period from one date to another: "2025年1月1日-2025年12月31日", "2025年1月至2025年12月" (groups 1 and 2 the years). */
  dateRange: /(\d{4})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:-|－|—|–|~|～|至|到)\s*(\d{4})\s*年/,
  /** The next heading of a project's 说明 ("六、年度预算安排"): where the period's lines end. */
  nextHeading: /^\s*[一二三四五六七八九十]+、/,
};

/** The words of a department's printed name that its identity drops (src/load/identity.ts):
 *  "深圳市某区某局（本级）" is 某区某局. */
export const DEPARTMENT_NAME = {
  /** "（本级）" at the end (brackets made full-width first): the department's own unit. */
  ownUnitBracketed: /（本级）$/,
  /** "本级" at the end, unbracketed. */
  ownUnitLast: /本级$/,
  /** 本级 anywhere: a unit name meaning the department's own unit. */
  ownUnit: /本级/,
  /** The city before a Shenzhen department's name, which its other titles leave out. */
  cityPrefix: '深圳市',
  /**
   * A conjunction joining two fields of a department's work (住房和城乡建设局, 卫生和计划生育
   * 委员会, 自然资源与规划局): departments print their name with and without it, and both are
   * one department. Not a place's own character: not within a name's first two characters, right
   * after a place's suffix (天津市和平区) or right before one (平和县).
   */
  conjunction: /(?<=[\u4e00-\u9fff]{2})(?<![省市区县州旗盟镇乡])[和与及](?=[\u4e00-\u9fff]{2})(?![省市区县州旗盟镇乡])/gu,
};

/** The tables of the 基本支出 identity (checks/tables.ts): the 一般公共预算 function table's 基本支出
 *  column against the economic table of 基本支出 it details. */
export const BASIC_EXPENDITURE_TABLES = {
  /** 一般公共预算 in the title: of the general budget only (not the 支出总表 of every fund). */
  generalBudget: /一般公共预算/,
  /** 基本支出 in the title: the economic table of basic expenditure (…基本支出决算表, …基本支出部门预算经济分类预算表). */
  basic: /基本支出/,
  /** 收入 in the title: an income table, no expenditure. */
  income: /收入/,
};

/**
 * The 基本支出 说明's lists of items (checks/basic-items.ts): "人员经费2152.26万元，主要包括：基本工资、
 * 津贴补贴…；公用经费184.65万元，主要包括：办公费…", each against the economic table of 基本支出's
 * rows under 人员经费合计 / 公用经费合计.
 */
export const BASIC_ITEM_LISTS = {
  /** A passage of the 基本支出 section: it names 基本支出. */
  section: /基本支出/,
  /** The group, its amount in 万元 and its list, up to the clause's end. */
  list: /(人员经费|公用经费)\s*([\d,]+(?:\.\d+)?)\s*万元[，,]?\s*主要(?:包括|用于)[：:]([^；;。]*)/g,
  /** Between two items of a list. */
  separator: /[、，,]/,
  /** The group a table's total row is of: 人员经费合计, 公用经费合计. */
  personnelTotal: /人员经费/,
  publicTotal: /公用经费/,
  /** A name's trailing 支出, which the list adds or drops (其他社会保障缴费支出 for the row 其他社会保障缴费). */
  expenditureSuffix: /支出$/,
};

/** The budgets a 决算's paragraph states beside 年初预算 (checks/prose-arithmetic.ts). */
export const BUDGET_BASES = {
  /** "全年预算为 321.02 万元" / "调整预算数为 …" (group 1 the amount): the budget as adjusted in the year. */
  fullYear: new RegExp(`(?:全年|调整后?)预算(?:数)?为${WAN_AMOUNT.source}`),
  /** 年初 in a comparison or a rate ("小于年初预算数", "完成年初预算的"): the words name the initial budget. */
  initial: /年初/,
  /** 全年 / 调整 in a comparison or a rate: the words name the adjusted budget. */
  fullYearNamed: /全年|调整/,
  /** "完成年初预算的 98.5%" / "完成全年预算数的 98.69%" (group 1 the percentage). */
  executionRate: /完成(?:年初|全年|调整)?预算数?的(\d+(?:\.\d+)?)%/,
};

/** Text a template leaves for the writer to settle (checks/format.ts). */
export const UNSETTLED_TEMPLATE = {
  /** Both ways of a change printed, the second bracketed: "增加（减少）" / "增长(下降)" — the template's
   *  choice left unmade. */
  bothWays: /(增加|增长|上升)[（(](减少|下降|降低)[)）]/g,
  /** A change of nothing after it ("增加（减少）0万元"): neither way is wrong, the wording is form only. */
  zeroAfter: /^\s*0(?:\.0+)?\s*万?元/,
  /** A reason or a use promised and a stop right after it: "主要原因是。" / "主要用于：；" (the words
   *  before the stop in group 1). */
  emptyReason: /(原因是|原因为|主要原因[:：]|是由于|主要用于[:：]?)\s*[。；;]/g,
};

/** The kind a document is, as its sentences name it (checks/words.ts): 部门预算 of a department,
 *  单位预算 of one of its units. */
export const DOCUMENT_KIND_WORDS = {
  /** "部门预算安排购置车辆" / "单位预算安排…" (group 1 部门 or 单位): a sentence saying whose budget arranges it. */
  arranges: /(部门|单位)预算安排/g,
  /** What a 部门预算 calls itself. */
  department: '部门',
  /** What a 单位预算 calls itself. */
  unit: '单位',
};
