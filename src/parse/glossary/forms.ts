// The words printed in forms and on covers: the 政府投资项目 form, the project and task forms
// (绩效目标申报表 / 自评表), their indicator columns, the payment detail table, the cover and the
// title lines. Each term says what it means, the form a generator prints (`printed`), and every
// form the parser reads as it (`matches`); a unit test checks that each printed form is read back
// (tests/unit/glossary.test.ts). Where a term is a whole printed sentence or line shape (an amount
// with its 万元, a "label：value" line), `printed` is an example of it.

/** A word (or a line shape) of a form: the form a generator prints and every form read as it. */
export interface Term {
  /** The form a generator prints (the commonest in real documents), or an example of the shape. */
  printed: string;
  /** Every form that means this term (as the reader compares it: a cell squeezed of spaces, a line …). */
  matches: RegExp;
}

/** How forms print the money unit beside a figure or in a column's header. */
export const UNIT_MARKS = {
  /** 万元 (ten thousand yuan) right after a figure, as forms and their sentences print it. */
  wanYuan: { printed: '万元', matches: /万元/ },
  /** A unit that ends a form's value ("446.38万元", "200元"): not part of the value. */
  trailingUnit: { printed: '446.38万元', matches: /万元$|元$/ },
  /** A header that says its figures are in 元: "支出金额（元）". */
  yuanInBrackets: { printed: '支出金额（元）', matches: /[(（]元[)）]/ },
  /** A header that says its figures are in 万元: "支出金额（万元）". */
  wanInBrackets: { printed: '支出金额（万元）', matches: /[(（]万元[)）]/ },
} as const satisfies Record<string, Term>;

/**
 * 政府投资项目绩效情况表 (a government investment project's form): its labels as the cells print them
 * once spaces are removed. Labels are found by their words, not their place: forms print
 * "2020年实际下达政府投资计划①" or "2020年下达政府投资计划", a value beside its label or on the next line.
 */
export const INVESTMENT_FORM = {
  /** 国家编码 / 项目代码: the national project code (YYYY-DDDDDD-II-TT-SSSSSS); a cell that is only the label. */
  projectCode: { printed: '国家编码', matches: /^(国家编码|项目代码)$/ },
  /** The same label anywhere in a line: a document that prints one holds investment forms. */
  projectCodeInLine: { printed: '国家编码 2020-310107-78-01-000001', matches: /国家编码|项目代码/ },
  /** 项目名称: the project's name. */
  projectName: { printed: '项目名称', matches: /^项目名称$/ },
  /** The form's title ends "…绩效情况表"; without it the title is the project's name. */
  titleSuffix: { printed: '某道路新建工程绩效情况表', matches: /绩效情况表$/ },
  /** 项目单位: the unit carrying the project out. */
  unit: { printed: '项目单位', matches: /^项目单位$/ },
  /** 项目总投资: the project's total investment (a cell that is only the label). */
  totalInvestment: { printed: '项目总投资', matches: /^项目总投资$/ },
  /** The line that starts with 项目总投资 (the source of the total and its split). */
  totalInvestmentLine: { printed: '项目总投资1000万元', matches: /^项目总投资/ },
  /** 财政拨款: the part of the total from fiscal grants ("财政拨款 800万元"). */
  fiscalPart: { printed: '财政拨款', matches: /财政拨款/ },
  /** 其他资金 / 其它资金: the part from other sources. */
  otherPart: { printed: '其他资金', matches: /其[它他]资金/ },
  /** 年初设定的目标: the target set at the start of the year. */
  targetAtYearStart: { printed: '年初设定的目标', matches: /^年初设定的目标$/ },
  /** (实际)下达政府投资计划: the investment plan issued for the year. */
  plannedInYear: { printed: '2020年实际下达政府投资计划①', matches: /下达政府投资计划/ },
  /** 本年实际完成投资: the investment completed in the year. */
  completedInYear: { printed: '2020年实际完成投资②', matches: /实际完成投资/ },
  /** The label before a figure printed in the label's own cell ("2020年实际完成投资② 300万元"), up to its ②. */
  completedLabelPrefix: { printed: '2020年实际完成投资②', matches: /^[^万]*?②/ },
  /** 资金来源: the split of the completed investment by source, on its line or the next. */
  fundingSource: { printed: '（资金来源：一般公共预算完成200万元）', matches: /资金来源/ },
  /** The split in brackets after the completed amount: cut off to read the amount alone. */
  fundingSourceTail: { printed: '（资金来源：一般公共预算完成200万元）', matches: /[(（]资金来源.*$/ },
  /** 政府性基金完成: the part completed from government funds. */
  completedGovernmentFund: { printed: '政府性基金完成', matches: /政府性基金完成/ },
  /** 一般公共预算完成: the part completed from the general budget. */
  completedGeneralBudget: { printed: '一般公共预算完成', matches: /一般公共预算完成/ },
  /** (YYYY年度)政府投资计划(支出率): the plan's execution rate. */
  planExecutionRate: { printed: '2020年度政府投资计划支出率', matches: /^\d{4}年度?政府投资计划(支出率)?$/ },
  /** 累计完成投资: the investment completed since the start. */
  cumulativeCompleted: { printed: '累计完成投资', matches: /累计完成投资/ },
  /** 项目总体完成率: the project's overall completion rate. */
  completionRate: { printed: '项目总体完成率', matches: /^项目总体完成率$/ },
  /** 工程形象进度百分比: the construction progress as a percentage. */
  imageProgress: { printed: '工程形象进度百分比', matches: /工程形象进度百分比$/ },
  /** 工程形象进度文字描述 (or 工程形象进度文): the construction progress in words. */
  progress: { printed: '工程形象进度文字描述', matches: /工程形象进度文(字描述)?$/ },
  /** 行业归口: the sector the project belongs to. */
  industry: { printed: '行业归口', matches: /^行业归口$/ },
  /** 是否开工: whether construction has started (☑是 / ☑否). */
  started: { printed: '是否开工', matches: /^是否开工$/ },
  /** 是否竣工: whether construction is completed. */
  completed: { printed: '是否竣工', matches: /^是否竣工$/ },
  /** 开工日期: the start date. */
  startDate: { printed: '开工日期', matches: /^开工日期$/ },
  /** 竣工日期: the completion date. */
  endDate: { printed: '竣工日期', matches: /^竣工日期$/ },
} as const satisfies Record<string, Term>;

/** A ticked box on the form: ☑是 (yes) / ☑否 (no). */
export const TICKED = {
  yes: { printed: '☑是', matches: /☑\s*是/ },
  no: { printed: '☑否', matches: /☑\s*否/ },
} as const satisfies Record<string, Term>;

/** 建设性质 (the nature of the construction), as the ticked box says it, in the order they are tried. */
export const CONSTRUCTION_NATURE = [
  { nature: '前期', printed: '☑前期', matches: /☑\s*前期/ },
  { nature: '新开工', printed: '☑新开工', matches: /☑\s*新开工/ },
  { nature: '续建', printed: '☑续建', matches: /☑\s*续建/ },
] as const satisfies readonly (Term & { nature: string })[];

/** The cover and the title lines: who publishes the document, of which year, of what kind. */
export const COVER = {
  /** 目录 (contents), spaced or not: the cover ends where it starts. */
  contents: { printed: '目录', matches: /^目\s*录$/ },
  /** A line "label：value" (预算主管部门：某局, 编制单位：某中心). */
  labelLine: { printed: '预算主管部门：上海市某局', matches: /^([^:：\t]{2,10})\s*[:：]\s*(.+)$/ },
  /**
   * Labels that name the department (预算主管部门, the first-level budget unit), most trusted first:
   * the order of the alternatives is the order of trust (meta.ts ranks a label by it).
   */
  departmentLabels: { printed: '预算主管部门', matches: /^(预算主管部门|主管部门|部门名称|编制部门|部门|项目主管部门)$/ },
  /** Labels that name the unit a 单位预算 is of (预算单位), most trusted first. */
  unitLabels: { printed: '预算单位', matches: /^(预算单位|编制单位|单位名称)$/ },
  /** "金额" printed before "单位：元" on a preamble line: not part of the name before it. */
  amountBeforeUnit: { printed: '编制部门：某局金额', matches: /金额$/ },
  /**
   * What the cover and title call the document (部门预算 …, the year in brackets): words that name
   * no publisher, removed to leave the department's name. Global: every one is removed.
   */
  kindWords: { printed: '部门预算', matches: /(部门预算|单位预算|部门决算|单位决算|整体支出绩效目标申报表|项目支出绩效目标申报表|[(（]\d{4}年度[)）])/g },
  /** A title that names only the government level ("上海市普陀区区级", "上海市市级"), not a department. */
  levelOnly: { printed: '上海市普陀区区级', matches: /^(.{2,12}?[省市区县镇])?(省级|市级|区级|县级|镇级|本级)?$/ },
  /** The year of a title ("2024年度部门决算"). */
  titleYear: { printed: '2024年度部门决算', matches: /(\d{4})\s*年/ },
  /** The year in brackets on the first lines ("（2024年度）"). */
  bracketedYear: { printed: '（2024年度）', matches: /[(（]\s*(\d{4})\s*年度\s*[)）]/ },
  /** A year with its 年 / 年度 in a title: removed to leave the department's name. Global. */
  yearWord: { printed: '2024年度', matches: /\d{4}年度?/g },
  /** A title that already says its kind (部门预算, 单位决算, 申报表, 绩效): the next cover line is not part of it. */
  titleHasKind: { printed: '上海市某局2024年度部门预算', matches: /(部门|单位)(预|决)算|申报表|绩效/ },
  /** A cover line that is only the title's year (and kind): "2024年度" / "2024年度部门决算", joined to the title. */
  titleYearLine: { printed: '2024年度部门决算', matches: /^\d{4}\s*年度?((部门|单位)(预|决)算)?$/ },
  /** A name printed as a placeholder on a blank template (上海市XX局, ＸＸ, ××, 某某). */
  placeholder: { printed: '上海市XX局', matches: /[XxＸｘ×]{2,}|某某/ },
  /** The units a figure placeholder is printed with ("XXX 万元", "XX%", "XX 辆"): a blank form's figures (template.ts). */
  figurePlaceholderUnit: { printed: 'XXX 万元', matches: /(?:万元|元|%|％|个|辆|台|人)/ },
  /**
   * A cover line that is an organisation's name ("某市某区财政局", "某区人民政府某街道办事处"):
   * no digit, no label, ending as a body's name does.
   */
  organisationLine: { printed: '某市某区财政局', matches: /^[^\d\s:：（()）]{4,40}(局|委员会|委|办公室|办事处|中心|院|所|站|馆|队|会|厅|署|社|政府|街道|镇|乡|学校|大学|学院|医院|公司|集团)$/ },
  /**
   * The label before a line's first colon: a cover may spread its characters to a width
   * ("预 算 主 管 部 门：", full-width spaces), which are no part of it.
   */
  labelBeforeColon: { printed: '预 算 主 管 部 门：', matches: /^[^:：\t]+(?=[:：])/ },
} as const satisfies Record<string, Term>;

/**
 * The words that say what kind of document (or table) it is, in its title or its tables' titles:
 * the basis markers (预算 budget / 决算 final accounts) and the form families.
 */
export const DOCUMENT_KINDS = {
  /** 决算: final accounts, what was spent (the ACTUAL basis), in a document's or a table's title. */
  finalAccounts: { printed: '部门决算', matches: /决算/ },
  /** A table of final accounts ("收入支出决算表"). */
  finalAccountsTable: { printed: '收入支出决算表', matches: /决算表/ },
  /** 部门预算: a department's budget. */
  departmentBudget: { printed: '部门预算', matches: /部门预算/ },
  /** 单位预算: one unit's own budget inside its department's. */
  unitBudget: { printed: '单位预算', matches: /单位预算/ },
  /** A budget table ("一般公共预算支出功能分类预算表"). */
  budgetTable: { printed: '一般公共预算支出功能分类预算表', matches: /预算表/ },
  /** 绩效目标(申报)表: a table of performance targets. */
  targetsTable: { printed: '项目支出绩效目标申报表', matches: /绩效目标(申报)?表/ },
  /** 绩效目标申报表 in the document's own title. */
  targetsDocument: { printed: '整体支出绩效目标申报表', matches: /绩效目标申报表/ },
  /** 绩效目标 in a table's title: a target form. */
  targetsTitle: { printed: '整体支出绩效目标表', matches: /绩效目标/ },
  /** 自评表: a self-evaluation table. */
  selfEvaluationTable: { printed: '项目支出绩效自评表', matches: /自评表/ },
  /** 自评 in a form's title: the form is a self-evaluation (budget, executed, rate). */
  selfEvaluation: { printed: '项目支出绩效自评表', matches: /自评/ },
  /** The note that totals may differ by rounding (尾数误差 / 四舍五入). */
  roundingNote: { printed: '因四舍五入，合计数与分项之和可能存在尾数误差', matches: /尾数误差|四舍五入/ },
} as const satisfies Record<string, Term>;

/** How a table's title quotes a name: “某项目” (the project a 明细表 details), 「」 or straight quotes. */
export const TITLE_QUOTES = {
  /** The name a title quotes: the first run between opening and closing quotes. */
  quotedName: { printed: '“某项目”支出明细表', matches: /[“"「]([^”"」]+)[”"」]/ },
  /** What a title's key ignores: spaces and the quotes around a word ("三公" / “三公”). Global. */
  ignored: { printed: '“三公”', matches: /[\s"“”]/g },
  /**
   * A table's number printed before its title ("表1 ", "附表3：", "表一", "1.", "一、", "（二）"):
   * other producers of a disclosure number their tables so; titles are compared without it.
   */
  numberBefore: { printed: '表1 ', matches: /^\s*(?:附?表\s*[0-9一二三四五六七八九十]+(?:\s*[-－—]\s*[0-9]+)?\s*[:：.．、]?|[0-9]+\s*[.．、]|[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[0-9一二三四五六七八九十]+\s*[)）])\s*/ },
  /** A form number printed after a title ("（公开01表）"), compared without too. */
  formNumberAfter: { printed: '（公开01表）', matches: /\s*[(（]\s*公开\s*[0-9]+\s*表\s*[)）]\s*$/ },
} as const satisfies Record<string, Term>;

/** 项目支出明细表 (a project's payment detail): 序号 | 支出事项 | 支出金额, then 合计. */
export const PAYMENT_DETAIL = {
  /** The amount column (支出金额, 金额（元）); its header row is the first that names it. */
  amount: { printed: '支出金额', matches: /金额/ },
  /** Of several 金额 columns (合同金额 | 支出金额), the one paid: 支出 / 支付 / 实付 / 付款. */
  paidAmount: { printed: '支出金额', matches: /支出|支付|实付|付款/ },
  /** The item column: 支出事项, or 内容 / 摘要 / 用途 / 名称. */
  item: { printed: '支出事项', matches: /事项|内容|摘要|用途|名称/ },
  /** The serial number column. */
  serial: { printed: '序号', matches: /^序号$/ },
  /** 合计 / 总计 in the serial column, spaced or not: the table's total row. */
  totalInSerial: { printed: '合 计', matches: /^合\s*计$|^总\s*计$/ },
  /** 合计 / 总计 as the row's label. */
  totalLabel: { printed: '合计', matches: /^合计$|^总计$/ },
} as const satisfies Record<string, Term>;

/** 重点项目 tables and the prose lists of projects and of 自评综述 (self-evaluation summaries). */
export const PROJECT_LISTS = {
  /** 一级项目 (first-level project): in a key-project table's header, its projects are first-level; a row so named is a heading. */
  level1: { printed: '项目名称（一级项目）', matches: /一级项目/ },
  /** An item of the prose list under 项目支出 (第三部分): "3. 某管理 1,234.56 万元，主要用于…" (name, amount). */
  proseItem: { printed: '3. 某管理 1,234.56 万元，主要用于日常管理', matches: /^\s*(?:\d+[.、．]|[（(]\d+[)）])\s*([^，,。；;:：]{2,40}?)\s*([\d,，.\s]+?)\s*万元\s*[，,]\s*主要用于/ },
  /**
   * A prose 自评综述: "(1) 某事务绩效自评综述：项目全年预算数 100.00 万元, 执行数 99.00 万元, 预算执行率
   * 99.0%" (the project, its budget, executed amount and rate), as read once made half-width.
   */
  proseEvaluation: {
    printed: '(1) 某事务绩效自评综述:项目全年预算数 100.00 万元, 执行数 99.00 万元, 预算执行率 99.0%',
    matches: /^[（(]?\d{1,3}[)）]?\s*(.+?)(?:绩效)?自评综述[:：]\s*项目全年预算数\s*([\d,.\s]+?)\s*万元\s*[,，]\s*执行数\s*([\d,.\s]+?)\s*万元\s*[,，]\s*预算执行率\s*([\d.]+\s*%)/,
  },
  /** A line that starts a numbered item: "1" / "(1)" / "（1）". */
  numbered: { printed: '（1）', matches: /^\s*[（(]?\d{1,3}[)）]/ },
  /**
   * The 类 / 款 / 项 mark of a function classification line ("商贸事务（款）行政运行（项）", "（204类）"): an
   * item so named is a line of the 功能分类 the tables print (财政拨款支出主要内容), not a project.
   */
  functionMark: { printed: '“一般公共服务支出（类）商贸事务（款）行政运行（项）”', matches: /[（(]\s*\d{0,3}\s*[类款项]\s*[）)]/ },
} as const satisfies Record<string, Term>;

/**
 * 项目经费情况说明 (a project's funding explanation): the pages a 部门预算 may end with, one per key
 * project — a title naming the project, then numbered sections 项目概述 … 年度预算安排 … 绩效目标.
 * Their sentences print "万" alone for 万元 ("项目总预算1720.00万").
 */
export const PROJECT_EXPLANATION = {
  /** The page's title: the project's name, an optional 项目, then 经费情况说明; a title of 项目经费情况说明 alone names none. */
  title: { printed: '科技创新专项经费情况说明', matches: /^(\S*?)(?:项目)?经费情况说明$/ },
  /** A numbered section heading ("一、项目概述"): its number and label. */
  section: { printed: '一、项目概述', matches: /^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*(\S{2,8}?)\s*$/ },
  /** 项目概述 / 项目概况: what the project is (the first section: a title is one only when it follows). */
  overview: { printed: '项目概述', matches: /^项目概[述况]$/ },
  /** 立项依据: why the project was set up (the documents it rests on). */
  basis: { printed: '立项依据', matches: /^立项依据$/ },
  /** 实施主体: who carries it out (a unit's name, or a sentence about the work). */
  implementer: { printed: '实施主体', matches: /^实施主体$/ },
  /** 实施方案: how it is carried out. */
  plan: { printed: '实施方案', matches: /^实施方案$/ },
  /** 实施周期: when it runs. */
  period: { printed: '实施周期', matches: /^实施周期$/ },
  /** 年度预算安排: the year's budget sentence. */
  budget: { printed: '年度预算安排', matches: /^年度预算安排$/ },
  /** 绩效目标: the performance goal. */
  goal: { printed: '绩效目标', matches: /^绩效目标$/ },
  /** A goal that only points to the target form ("详见单位的项目绩效目标表"): no goal of its own. */
  goalReferral: { printed: '详见单位的项目绩效目标表', matches: /^详见/ },
  /** The year's total: "2025年度项目总预算1720.00万" (the amount, in 万元 with or without 元). */
  total: { printed: '2025年度项目总预算1720.00万', matches: /项目总预算\s*([\d,，.]+)\s*万元?/ },
  /** A budget printed as its amount alone: "795万元". */
  amountOnly: { printed: '795万元', matches: /^\s*([\d,，.]+)\s*万元?\s*[。.]?\s*$/ },
  /** Where the parts start: "…，其中各级企业技术中心认定1720.00万。". */
  partsStart: { printed: '其中', matches: /其中[：:]?/ },
  /** One part: a name and its amount ("支持外贸发展370.00万"). */
  part: { printed: '支持外贸发展370.00万', matches: /^\s*(\S+?)\s*([\d,，.]+)\s*万元?\s*$/ },
  /** The parts' printed sum: "合计2921.00万". */
  partsSum: { printed: '合计2921.00万', matches: /^\s*合计\s*([\d,，.]+)\s*万元?\s*$/ },
  /** The separators between parts: ，；、 and the sentence's end. */
  partSeparator: { printed: '，', matches: /[，,；;。]/ },
  /** Any amount in 万 the budget sentence prints: each must be placed (total, part, sum) or said. */
  anyAmount: { printed: '15万元', matches: /\d\s*万/ },
  /** A 实施主体 that is a sentence or a list ("办公室、预算科…"), not one unit's name. */
  notAName: { printed: '办公室、预算科', matches: /[，,。；;、：:]/ },
} as const satisfies Record<string, Term>;

/**
 * 整体支出绩效目标表 (a department's overall targets form): its 年度主要任务 rows, 任务名称 | 主要内容 |
 * 总额 | 财政拨款 | 其他资金, end where the totals and the indicators start.
 */
export const TASK_FORM = {
  /** 年度主要任务 (the year's main tasks): the rows' label, which can share a cell with the first task. */
  mainTasks: { printed: '年度主要任务', matches: /年度主要任务/ },
  /** The label at the start of a cell, with the spaces after it (removed to leave the task). */
  mainTasksPrefix: { printed: '年度主要任务 一般管理事务', matches: /^年度主要任务\s*/ },
  /** 总额 (the all-sources amount) in the label row under 预算金额. */
  totalAmount: { printed: '总额', matches: /^总额$/ },
  /** 总额 or 合计: where the funding sources' labels start after it. */
  totalAmountOrSum: { printed: '总额', matches: /^(总额|合计)$/ },
  /** 其中： before a funding source's label ("其中：财政拨款"). */
  ofWhich: { printed: '其中：财政拨款', matches: /^其中[:：]/ },
  /** Where the task rows end: the total, the overall target, the indicators. */
  tasksEnd: { printed: '金额合计', matches: /金额合计|年度总体目标|一级指标/ },
  /** A 主要内容 that describes the task ("主要用于…") rather than naming a project. */
  descriptionStart: { printed: '主要用于日常管理', matches: /^主要用于/ },
  /** A 主要内容 of numbered sentences ("1. …"). */
  numberedSentence: { printed: '1. 保障日常运行', matches: /^\s*1[.、．]/ },
  /** Sentence punctuation in a 主要内容: a description, not a name. */
  sentencePunctuation: { printed: '保障日常运行；', matches: /[；;。]/ },
  /**
   * 基本支出 (basic expenditure: staff and running costs) and its parts, at the start of a name: a
   * row so named is a figure of the form, not a project.
   */
  basicExpenditure: { printed: '基本支出', matches: /^(基本支出|在职人员经费|机构公用经费|对个人[与和]家庭的?补助(支出)?|机构运行保障|人员经费|公用经费|离退休人员经费)/ },
  /** 基本支出 and its parts as a whole name (a 任务名称 row so named is not a project). */
  basicCategory: { printed: '基本支出', matches: /^(基本支出|人员经费|公用经费|在职人员经费|机构公用经费|离退休人员经费|对个人[与和]家庭的?补助(支出)?)$/ },
  /** A task that is an item of 基本支出 (行政运行 …): the rows under it are not projects. */
  basicTask: { printed: '行政运行', matches: /^(行政运行|基本支出|机构运行保障|事业运行)$/ },
} as const satisfies Record<string, Term>;

/** 项目支出绩效目标申报表 / 项目支出绩效自评表: one project per form. */
export const PROJECT_FORM = {
  /** 项目名称 (or 转移支付（项目）名称) in the first column: the form's name row. */
  nameRow: { printed: '项目名称', matches: /^(项目名称|转移支付[（(]项目[)）]名称)$/ },
  /** Words of a list's header, not a name ("项目名称 | 预算数（万元） | 绩效目标"). */
  listHeader: { printed: '预算数（万元）', matches: /预算数|金额|绩效目标|万元/ },
  /** The money row: (年度)资金总额. */
  moneyRow: { printed: '年度资金总额', matches: /年度资金总额|资金总额/ },
  /** 资金总额 (the total of the sources): a label, never a source of its own. */
  fundsTotal: { printed: '资金总额', matches: /资金总额/ },
  /** 实施单位 / 项目单位 in the third column (beside 主管部门). */
  unitLabel: { printed: '实施单位', matches: /^(实施单位|项目单位)$/ },
  /** 项目单位 in the first column. */
  projectUnit: { printed: '项目单位', matches: /^项目单位$/ },
  /** A label cell (…单位) on the unit row, not the unit's name. */
  unitLabelEnd: { printed: '主管单位', matches: /单位$/ },
  /** The header over the goal texts: 年初设定目标 | 全年实际完成情况 (or 总体目标, 年度目标). */
  goalHeader: { printed: '年初设定目标', matches: /^(年初设定目标|总体目标|年度目标)$/ },
  /** The row label of the goal texts (年度总体目标 / 总体目标完成情况): not a goal. */
  goalRowLabel: { printed: '年度总体目标', matches: /^(年度总体目标|总体目标完成情况)$/ },
  /** 项目起止时间: the project's period. */
  period: { printed: '项目起止时间', matches: /^项目起止时间$/ },
  /** 是否重点绩效项目 ticked 是 (as the row's cells print it): a key project. */
  keyProject: { printed: '是否重点绩效项目\t是', matches: /是否重点绩效项目\t+是/ },
  /** A funding source's label (区级财政资金, 财政拨款, 上年结转, 转移支付, 补助, 其他收入 …). */
  fundingLabel: { printed: '区级财政资金', matches: /资金|拨款|结转|转移支付|补助|收入/ },
  /** 其中 (of which), with or without its colon, before a source's label. */
  ofWhich: { printed: '其中：', matches: /^其中[:：]?/ },
  /** A money block's total on a project form: 项目资金总额, or the request block's 年度资金申请总额. */
  blockTotal: { printed: '年度资金申请总额', matches: /资金(申请)?总额/ },
  /** 其他资金 / 其它资金: the sources' catch-all, so the parts listed above it are all of the total. */
  otherSources: { printed: '其他资金', matches: /^其[它他]/ },
} as const satisfies Record<string, Term>;

/**
 * 绩效指标 (performance indicators) of target forms and self-evaluations: three levels (一级 / 二级 /
 * 三级指标), then the target, the actual value and the reason columns. Flattened rows lose their
 * leading empty cells; these words put each cell back in its column.
 */
export const INDICATOR_FORM = {
  /** The 一级指标 column's header: the row that names it heads the indicators (and a second one ends them). */
  level1Column: { printed: '一级指标', matches: /^一级指标$/ },
  /** 一级指标 names: 产出 (output), 效益 (benefit), 满意度 (satisfaction), 成本 (cost), and the variants forms use. */
  level1: { printed: '产出指标', matches: /^(产出指标|效益指标|满意度指标|成本指标|投入和管理目标|产出目标|效益目标|过程管理指标|实施效果指标|影响指标|投入指标|过程指标)$/ },
  /** 二级指标 names: 数量 / 质量 / 时效 / 成本 (output), 经济 / 社会 / 生态效益 and 可持续影响 (benefit), 满意度, management … */
  level2: { printed: '数量指标', matches: /^(数量指标?|质量指标?|时效指标?|成本指标|经济效益(指标)?|社会效益(指标)?|生态效益(指标)?(\(如有\))?|可持续影响(指标)?|服务对象满意度(指标)?|其他满意度指标|项目管理指标|监督检查指标|预算管理|预算执行管理|项目管理|资产管理|数量|质量|时效|工作时效|社会公众或服务对象满意度|其他|满意度)$/ },
  /** A cell that is a value, not an indicator's name: a threshold, a number, a yes/no. */
  valueLike: { printed: '≥95%', matches: /^[≥≤<>＞＜=]|^\d|%$|^(是|否|无|完成|不适用|满意)$/ },
  /** A 二级指标 of benefit (经济 / 社会 / 生态效益, 可持续影响): belongs under 效益. */
  benefitLevel2: { printed: '社会效益指标', matches: /^(经济效益|社会效益|生态效益|可持续影响)/ },
  /** A 二级指标 of output (数量 / 质量 / 时效): belongs under 产出. */
  outputLevel2: { printed: '数量指标', matches: /^(数量|质量|时效)/ },
  /** A 一级指标 of output (产出指标 / 产出目标). */
  outputLevel1: { printed: '产出指标', matches: /^产出/ },
  /** A 一级指标 of benefit (效益指标 / 效益目标). */
  benefitLevel1: { printed: '效益指标', matches: /^效益/ },
  /** The column of the value achieved (全年完成值, 完成情况, 实际完成). */
  actualColumn: { printed: '全年完成值', matches: /全年完成值|完成情况|实际完成/ },
  /** The column of the target (指标值, 目标值, 预期, 年度目标, 计划值 …); not a level's column, see levelColumn. */
  targetColumn: { printed: '指标值', matches: /指标值|目标值|预期|年度目标|计划值|目标/ },
  /** A level's column (一级 / 二级 / 三级指标), never the target's although it may say 目标. */
  levelColumn: { printed: '三级指标', matches: /^一级指标|^二级指标|^三级指标/ },
  /** The column of the reason a target was missed (未完成原因) or the fix (改进措施). */
  reasonColumn: { printed: '未完成原因分析', matches: /未完成原因|改进措施/ },
  /** A first cell that ends the indicators (说明, 年度总体目标, 备注). */
  sectionEnd: { printed: '说明', matches: /^(说明|年度总体目标|备注)/ },
  /** A heading cell over the indicators, not one of them (年度绩效指标 …). */
  heading: { printed: '年度绩效指标', matches: /^(年度绩效指标|绩效指标|年度绩效目标分解)$/ },
} as const satisfies Record<string, Term>;
