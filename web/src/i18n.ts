// Interface language: Chinese or English, chosen by a toggle and kept in the URL (?lang=) and in
// local storage. Static elements carry data-i18n (text), data-i18n-title, data-i18n-placeholder;
// views re-render through onLanguage(). Domain data (names, tables, lines) is shown as printed.
export type Lang = 'zh' | 'en';

const DICT = {
  'app.subtitle': { en: '部门预算 · 决算 · 绩效 explorer', zh: '部门预算 · 决算 · 绩效 图谱浏览' },
  'search.placeholder': { en: 'Search a name, a code (2010504) or a 国家编码…', zh: '搜索名称、科目编码（2010504）或国家编码…' },
  'view.graph': { en: 'Graph', zh: '图谱' },
  'view.flow': { en: 'Money flow', zh: '资金流向' },
  'view.years': { en: 'Years', zh: '跨年对比' },
  'view.anomalies': { en: 'Anomalies', zh: '数据异常' },
  'btn.expand': { en: 'Expand', zh: '展开' },
  'btn.pathFrom': { en: 'Path from', zh: '路径起点' },
  'btn.pathTo': { en: 'Path to…', zh: '路径终点…' },
  'btn.fit': { en: 'Fit', zh: '适应窗口' },
  'btn.clear': { en: 'Clear', zh: '清空' },
  'btn.copyLink': { en: 'Copy link', zh: '复制链接' },
  'btn.more': { en: 'More', zh: '更多' },
  'btn.show': { en: 'Show', zh: '显示' },
  'btn.close': { en: 'Close', zh: '关闭' },
  'btn.svg': { en: 'SVG', zh: 'SVG' },
  'btn.csv': { en: 'Download CSV', zh: '下载 CSV' },
  'btn.openDoc': { en: 'Open in document', zh: '在原文中查看' },
  'btn.bothSides': { en: 'Both sides', zh: '两处原文' },
  'aside.questions': { en: 'Questions', zh: '常用问题' },
  'aside.filter': { en: 'Filter', zh: '筛选' },
  'aside.details': { en: 'Details', zh: '详情' },
  'label.year': { en: 'Year', zh: '年度' },
  'label.department': { en: 'Department', zh: '部门' },
  'label.code': { en: 'Code', zh: '科目编码' },
  'label.kind': { en: 'Kind', zh: '类型' },
  'label.severity': { en: 'Severity', zh: '严重程度' },
  'label.document': { en: 'Document', zh: '文件' },
  'label.any': { en: 'any', zh: '全部' },
  'label.allYears': { en: 'all years', zh: '全部年度' },
  'flow.hint': { en: 'Funding sources → units → projects → 功能分类 lines; band widths are amounts (万元). The grey band into a line is the part no project explains. Click a band or a node.', zh: '资金来源 → 预算单位 → 项目 → 功能分类科目；带宽为金额（万元）。流入科目的灰色带为没有项目可以解释的部分。点击带或节点查看详情。' },
  'flow.unexplained': { en: 'Unexplained', zh: '未解释' },
  'flow.fundUnknown': { en: 'Funding not stated', zh: '未列明资金来源' },
  'flow.empty': { en: 'No money trail for this department and year.', zh: '该部门该年度没有可追踪的资金。' },
  'years.hint': { en: 'Plan (预算) and actual (决算) per year; codes and projects are matched across years by identity, with the evidence below.', zh: '各年度预算数与决算数；科目与项目按身份跨年匹配，依据列于下方。' },
  'years.plan': { en: 'Plan', zh: '预算' },
  'years.actual': { en: 'Actual', zh: '决算' },
  'years.names': { en: 'Name per year', zh: '各年度名称' },
  'years.renamed': { en: 'renamed', zh: '更名' },
  'years.empty': { en: 'No figures for this choice.', zh: '没有相关数据。' },
  'anomalies.hint': { en: 'Every contradiction the documents contain, largest difference first. Open both sides to read them in the documents.', zh: '文件中的全部矛盾之处，按差额从大到小排列。打开两处原文对照阅读。' },
  'anomalies.count': { en: '{n} anomalies', zh: '共 {n} 条异常' },
  'doc.title': { en: 'In the document', zh: '原文' },
  'doc.header': { en: 'Table title and header', zh: '表名与表头' },
  'doc.notStored': { en: 'The text of this document is not stored.', zh: '未存储该文件的原文。' },
  'doc.notes': { en: 'How this line was read', zh: '本行的读取说明' },
  'doc.page': { en: 'page {page}', zh: '第 {page} 页' },
  'doc.redacted': { en: 'The printed page; lines holding personal data are blacked out.', zh: '原文页面；含个人信息的行已涂黑。' },
  'status.start': { en: 'Search for a department, a project or a code to start, or run a question on the left.', zh: '搜索部门、项目或科目编码开始，或运行左侧的问题。' },
  'status.expanding': { en: 'Expanding…', zh: '正在展开…' },
  'status.neighbours': { en: '{name}: {shown} neighbours shown of {total}.', zh: '{name}：显示 {shown} 个相邻节点，共 {total} 个。' },
  'kind.Department': { en: 'Departments', zh: '部门' },
  'kind.BudgetUnit': { en: 'Units', zh: '预算单位' },
  'kind.FunctionCode': { en: 'Function codes', zh: '功能分类科目' },
  'kind.EconomicCode': { en: 'Economic codes', zh: '经济分类科目' },
  'kind.ProcurementItem': { en: 'Procurement items', zh: '政府采购品目' },
  'kind.Project': { en: 'Projects', zh: '项目' },
  'kind.InvestmentProject': { en: 'Investment projects', zh: '政府投资项目' },
  'kind.Document': { en: 'Documents', zh: '文件' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Key = keyof typeof DICT;

const fromUrl = new URLSearchParams(location.search).get('lang');
let lang: Lang = fromUrl === 'zh' || fromUrl === 'en' ? fromUrl : ((localStorage.getItem('budget-graph.lang') as Lang | null) ?? (navigator.language.startsWith('zh') ? 'zh' : 'en'));
const listeners: (() => void)[] = [];

export const currentLang = (): Lang => lang;

export function t(key: Key | string, vars: Record<string, string | number> = {}): string {
  const entry = (DICT as Record<string, Record<Lang, string>>)[key];
  const text = entry ? entry[lang] : key;
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? ''));
}

/** Applies the language to every element that names a key. */
export function applyLanguage(root: ParentNode = document): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle!);
  for (const el of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder!);
}

export function setLanguage(next: Lang): void {
  lang = next;
  localStorage.setItem('budget-graph.lang', next);
  applyLanguage();
  for (const l of listeners) l();
}

export function onLanguage(listener: () => void): void {
  listeners.push(listener);
}
