// Deterministic corpus of the document families for benchmarks: budgets in three table-numbering
// styles, final accounts with self-evaluations and investment-project tables, and 整体 target
// forms, for many departments and years. Amounts add up (parents = Σ children, 合计 = Σ 类); the
// layout hazards of the real documents are injected (page breaks inside tables, wrapped rows,
// spaced-out numbers, prose that disagrees with a table, cut 国家编码), and projects recur across
// years under drifting names. Each document comes with its ground truth.
import { Random } from './random.js';
import type { DocumentTruth, TruthFigure, TruthLine, TruthProject } from './truth.js';
import { BUREAUS, DISTRICTS, FUNCTION_TREE, INDICATORS, PROJECT_STEMS } from './vocabulary.js';
import { COLUMNS as C, PRINTED_TITLES as T } from '../../src/parse/glossary/index.js';

export interface GeneratedDocument {
  file: string;
  text: string;
  truth: DocumentTruth;
}

interface Department {
  index: number;
  district: string;
  bureau: string;
  unit: string;
  full: string;
  /** Stem → the 项 code it is booked under; stable across years. */
  projects: { stem: string; code: string; unitIsSelf: boolean }[];
}

const PROJECT_LEAVES = FUNCTION_TREE.flatMap((l1) => l1.children.flatMap((l2) => l2.children.filter((l3) => l3.kind !== 'basic').map((l3) => l3.code)));
const CN_NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];

const show = (fen: bigint, rnd: Random, garble: boolean): string => {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const whole = (abs / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = ((abs % 1_000_000n) / 10_000n).toString().padStart(2, '0');
  let text = `${neg ? '-' : ''}${whole}.${frac}`;
  // Spaces the PDF text extraction puts inside numbers ("36, 202. 77"); the value is unchanged.
  if (garble && rnd.chance(0.25)) text = text.replace(/,/g, ', ').replace('.', '. ');
  // A comma where the decimal point belongs ("5,314,40"), as OCR prints some cells.
  else if (garble && abs >= 1_000_000_000n && rnd.chance(0.1)) text = text.replace('.', ',');
  // Full-width digits and punctuation.
  else if (garble && rnd.chance(0.05)) text = text.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return text;
};
const plain = (fen: bigint) => `${fen / 1_000_000n}.${((fen % 1_000_000n) / 10_000n).toString().padStart(2, '0')}`;

const STREETS = ['园岭', '南园', '沙头', '华富', '莲花', '香蜜湖', '梅林', '福保'];

function departments(rnd: Random, count: number): Department[] {
  const out: Department[] = [];
  for (let i = 0; i < count; i++) {
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const base = BUREAUS[Math.floor(i / DISTRICTS.length) % BUREAUS.length]!;
    // Past every district × bureau pair, street-level offices keep departments distinct: one
    // department publishes one budget a year, and a second one would be refused as a conflict.
    const cycle = Math.floor(i / (DISTRICTS.length * BUREAUS.length));
    const street = cycle === 0 ? '' : `${STREETS[(cycle - 1) % STREETS.length]}${cycle > STREETS.length ? cycle : ''}街道`;
    const bureau = { name: `${street}${base.name}`, unit: `${street}${base.unit}` };
    const stems = [...PROJECT_STEMS].sort(() => rnd.next() - 0.5).slice(0, rnd.int(5, 10));
    out.push({
      index: i,
      district,
      bureau: bureau.name,
      unit: `深圳市${district}${bureau.unit}`,
      full: `深圳市${district}${bureau.name}`,
      projects: stems.map((stem) => ({ stem, code: rnd.pick(PROJECT_LEAVES), unitIsSelf: rnd.chance(0.6) })),
    });
  }
  return out;
}

/** The printed name drifts between years; identity must still see one project. */
function drift(stem: string, year: number, rnd: Random): string {
  switch ((year + stem.length + rnd.int(0, 3)) % 5) {
    case 1:
      return `${stem}项目`;
    case 2:
      return `${stem}（通用项目）`;
    default:
      return stem;
  }
}

interface Budget {
  lines: { code: string; name: string; level: number; basic: bigint; project: bigint }[];
  projects: { stem: string; name: string; code: string; codeName: string; amount: bigint; unitIsSelf: boolean; key: boolean }[];
  total: { basic: bigint; project: bigint };
}

const leafOf = (code: string) => FUNCTION_TREE.flatMap((l1) => l1.children.flatMap((l2) => l2.children)).find((l) => l.code === code)!;

/**
 * @param twin when given, may print one project name a second time for the other unit under
 *   another code (000's 其他一般管理事务 / 办公设备购置 of 大数据中心): two allocations, never merged.
 */
function budget(dep: Department, year: number, rnd: Random, twin?: Random): Budget {
  const projects = dep.projects.map((p) => {
    const leaf = leafOf(p.code);
    return { stem: p.stem, name: drift(p.stem, year, rnd), code: p.code, codeName: leaf.name, amount: rnd.wan(5, 2500), unitIsSelf: p.unitIsSelf, key: rnd.chance(0.2) };
  });
  if (twin && projects.length && twin.chance(0.4)) {
    const p = projects[0]!;
    const code = twin.pick(PROJECT_LEAVES.filter((c) => c !== p.code));
    projects.push({ ...p, code, codeName: leafOf(code).name, amount: twin.wan(5, 500), unitIsSelf: !p.unitIsSelf, key: false });
  }
  const lines: Budget['lines'] = [];
  const total = { basic: 0n, project: 0n };
  for (const l1 of FUNCTION_TREE) {
    const l1Line = { code: l1.code, name: l1.name, level: 1, basic: 0n, project: 0n };
    const l2Lines: Budget['lines'] = [];
    for (const l2 of l1.children) {
      const l2Line = { code: l2.code, name: l2.name, level: 2, basic: 0n, project: 0n };
      const l3Lines: Budget['lines'] = [];
      for (const l3 of l2.children) {
        const basic = l3.kind === 'project' ? 0n : rnd.wan(5, 900);
        const project = projects.filter((p) => p.code === l3.code).reduce((a, p) => a + p.amount, 0n);
        if (basic === 0n && project === 0n) continue;
        l3Lines.push({ code: l3.code, name: l3.name, level: 3, basic, project });
        l2Line.basic += basic;
        l2Line.project += project;
      }
      if (l3Lines.length === 0) continue;
      l2Lines.push(l2Line, ...l3Lines);
      l1Line.basic += l2Line.basic;
      l1Line.project += l2Line.project;
    }
    if (l2Lines.length === 0) continue;
    lines.push(l1Line, ...l2Lines);
    total.basic += l1Line.basic;
    total.project += l1Line.project;
  }
  return { lines, projects, total };
}

/** The final accounts' view of a budget: each 项's 项目支出 is what its projects spent. */
function actualize(b: Budget, spent: Map<string, bigint>): Budget {
  const lines = b.lines.map((l) => ({ ...l }));
  for (const l of lines.filter((x) => x.level === 3)) l.project = b.projects.filter((p) => p.code === l.code).reduce((a, p) => a + (spent.get(p.stem) ?? p.amount), 0n);
  for (const l of lines.filter((x) => x.level < 3)) {
    const children = lines.filter((c) => c.level === 3 && c.code.startsWith(l.code));
    l.project = children.reduce((a, c) => a + c.project, 0n);
    l.basic = children.reduce((a, c) => a + c.basic, 0n);
  }
  const tops = lines.filter((x) => x.level === 1);
  return { lines, projects: b.projects, total: { basic: tops.reduce((a, l) => a + l.basic, 0n), project: tops.reduce((a, l) => a + l.project, 0n) } };
}

interface Ctx {
  rnd: Random;
  style: 'cn' | 'arabic' | 'public';
  n: number;
  hazards: string[];
  garble: boolean;
}

function tableHead(ctx: Ctx, title: string): string {
  const i = ctx.n++;
  if (ctx.style === 'cn') return ctx.rnd.chance(0.5) ? `表${CN_NUMS[i]}：${title}` : `表${CN_NUMS[i]}\n\n${title}`;
  if (ctx.style === 'arabic') return `表 ${i + 1}\n\n## ${title}`;
  return `公开${String(i + 1).padStart(2, '0')}表\n\n${title}`;
}

function functionTable(ctx: Ctx, title: string, dep: Department, b: Budget, truth: TruthLine[], basis: 'BUDGET' | 'ACTUAL'): string {
  const head = tableHead(ctx, title);
  const header = [C.code.printed, C.codeName.printed, basis === 'ACTUAL' ? '本年支出合计' : C.grandTotal.printed, C.basic.printed, C.project.printed].join('\t');
  const meta = `部门：${dep.full}\n\n单位：万元`;
  const rows = [`\t合计\t${show(b.total.basic + b.total.project, ctx.rnd, ctx.garble)}\t${show(b.total.basic, ctx.rnd, ctx.garble)}\t${show(b.total.project, ctx.rnd, ctx.garble)}`];
  for (const l of b.lines) {
    rows.push(`${l.code}\t${l.name}\t${show(l.basic + l.project, ctx.rnd, ctx.garble)}\t${show(l.basic, ctx.rnd, ctx.garble)}\t${show(l.project, ctx.rnd, ctx.garble)}`);
    truth.push({ table: title, code: l.code, total: String(l.basic + l.project), basic: String(l.basic), project: String(l.project) });
  }
  // A page break inside the table: page number, then the title and header printed again.
  if (rows.length > 6 && ctx.rnd.chance(0.5)) {
    const cut = ctx.rnd.int(3, rows.length - 2);
    ctx.hazards.push(`page break in ${title}`);
    rows.splice(cut, 0, `\n- ${ctx.rnd.int(5, 30)} -\n\n${head.replace(/^表\s*\S+[:：]?\s*/, (m) => m)}\n\n${meta}\n\n${header}`);
  }
  return `${head}\n\n${meta}\n\n${header}\n${rows.join('\n')}\n`;
}

function threeCosts(ctx: Ctx, dep: Department, year: number, truth: DocumentTruth, actual: boolean): { table: string; prose: string } {
  const r = ctx.rnd;
  const abroad = r.chance(0.7) ? 0n : r.wan(1, 30);
  const reception = r.wan(1, 20);
  const purchase = r.chance(0.8) ? 0n : r.wan(10, 40);
  const running = r.wan(1, 25);
  const vehicles = purchase + running;
  const total = abroad + reception + vehicles;
  const prev = { abroad: r.wan(0, 5), reception: r.wan(1, 20), purchase: 0n, running: r.wan(1, 25) };
  const prevTotal = prev.abroad + prev.reception + prev.purchase + prev.running;
  const title = actual ? T.THREE_COSTS[1] : T.THREE_COSTS[0];
  const table = `${tableHead(ctx, title)}\n\n部门：${dep.full}\n\n单位：万元\n\n年度\t合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行维护费\t\t\n\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\n${year - 1}年\t${plain(prevTotal)}\t${plain(prev.abroad)}\t${plain(prev.reception)}\t${plain(prev.purchase + prev.running)}\t${plain(prev.purchase)}\t${plain(prev.running)}\n${year}年\t${plain(total)}\t${plain(abroad)}\t${plain(reception)}\t${plain(vehicles)}\t${plain(purchase)}\t${plain(running)}\n`;
  truth.threeCosts.push({ origin: 'TABLE', total: String(total), abroad: String(abroad), reception: String(reception), vehicles: String(vehicles) });
  // Sometimes the prose gives another total than the table: an anomaly to find, not to fix.
  const proseTotal = r.chance(0.2) ? total + r.wan(1, 5) : total;
  if (proseTotal !== total) {
    truth.anomalies.push('PROSE_TABLE_MISMATCH');
    ctx.hazards.push('prose 三公 total disagrees with the table');
  }
  const word = actual ? '支出' : '预算数';
  const short = `${dep.district.replace(/区$|新区$/, '')}${dep.bureau}`;
  const prose =
    `${short}${year}年部门预算一般公共预算安排“三公”经费${actual ? '支出' : '预算'}${plain(proseTotal)}万元。其中：\n\n` +
    `（一）因公出国（境）费用。${year}年${word}${plain(abroad)}万元。\n\n` +
    `（二）公务接待费。${year}年${word}${plain(reception)}万元。主要用于相关部门来深交流学习接待支出。\n\n` +
    `（三）公务用车购置和运行维护费。${year}年${word}${plain(vehicles)}万元，其中：公务用车购置费${year}年${word}${plain(purchase)}万元；公务用车运行维护费${year}年${word}${plain(running)}万元。\n`;
  truth.threeCosts.push({ origin: 'PROSE', total: String(proseTotal), abroad: String(abroad), reception: String(reception), vehicles: String(vehicles) });
  return { table, prose };
}

function projectTable(ctx: Ctx, dep: Department, b: Budget, truth: DocumentTruth): string {
  const title = T.PROJECT_LIST[0];
  const rows: string[] = [];
  for (const self of [true, false]) {
    const list = b.projects.filter((p) => p.unitIsSelf === self);
    if (list.length === 0) continue;
    rows.push(`${self ? dep.full : dep.unit}\t\t\t${show(list.reduce((a, p) => a + p.amount, 0n), ctx.rnd, false)}\t\t`);
    for (const p of list) {
      const goal = `保障${p.stem}工作正常开展，提升服务质量和效率。`;
      // A goal wrapped onto the next line: the row continues with only its tail.
      if (ctx.rnd.chance(0.15)) {
        ctx.hazards.push('wrapped project row');
        rows.push(`${p.code}\t${p.codeName}\t${p.key ? '★' : ''}${p.name}\t${show(p.amount, ctx.rnd, false)}\t${goal.slice(0, 8)}\t依据年度工作计划`, `\t\t\t\t${goal.slice(8)}\t`);
      } else {
        rows.push(`${p.code}\t${p.codeName}\t${p.key ? '★' : ''}${p.name}\t${show(p.amount, ctx.rnd, false)}\t${goal}\t依据年度工作计划`);
      }
      truth.projects.push({ name: p.name, stem: p.stem, amount: String(p.amount), executed: null, functionCode: p.code, bookedUnder: p.code });
    }
  }
  return `${tableHead(ctx, title)}\n\n部门：${dep.full}\n\n单位：万元\n\n${[C.code, C.codeName, C.projectName, C.projectAmount, C.performanceTarget, C.justification].map((c) => c.printed).join('\t')}\n${rows.join('\n')}\n注：★项目为${'重点绩效管理项目'}\n`;
}

/** A stream of its own for the hazards added later, so the documents before keep their facts. */
const extraRandom = (file: string) => new Random([...file].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261));

/** 部门收支总表: 收入 and 支出 side by side, as 000 and 001 print it. */
function summaryTable(ctx: Ctx, dep: Department, b: Budget, year: number, truth: TruthFigure[]): string {
  const total = b.total.basic + b.total.project;
  const income: [string, bigint][] = [['一、一般公共预算拨款', total], ['二、政府性基金预算拨款', 0n], ['三、事业收入', 0n]];
  const l1 = b.lines.filter((l) => l.level === 1);
  const expense: [string, bigint][] = l1.map((l, i) => [`${CN_NUMS[i]}、${l.name}`, l.basic + l.project]);
  const rows: string[] = [];
  for (let i = 0; i < Math.max(income.length, expense.length); i++) {
    const inc = income[i];
    const exp = expense[i];
    rows.push(`${inc ? inc[0] : ''}\t${inc ? plain(inc[1]) : ''}\t${exp ? exp[0] : ''}\t${exp ? plain(exp[1]) : ''}`);
    if (inc) truth.push({ family: 'INCOME_EXPENDITURE_SUMMARY', side: '收入', item: inc[0], amount: String(inc[1]) });
    if (exp) truth.push({ family: 'INCOME_EXPENDITURE_SUMMARY', side: '支出', item: exp[0], amount: String(exp[1]) });
  }
  rows.push(`本年收入合计\t${plain(total)}\t本年支出合计\t${plain(total)}`);
  truth.push({ family: 'INCOME_EXPENDITURE_SUMMARY', side: '收入', item: '本年收入合计', amount: String(total) }, { family: 'INCOME_EXPENDITURE_SUMMARY', side: '支出', item: '本年支出合计', amount: String(total) });
  ctx.hazards.push('side-by-side 收支总表');
  return `${tableHead(ctx, T.INCOME_EXPENDITURE_SUMMARY[0])}\n\n部门：${dep.full}\n\n单位：万元\n\n收 入\t\t支 出\t\n收入项目\t${year} 年预算\t支出项目\t${year} 年预算\n${rows.join('\n')}\n`;
}

/** A table with nothing to report prints its 合计 row of zeros (政府性基金预算支出表). */
function zeroTable(ctx: Ctx, dep: Department, year: number, truth: TruthFigure[]): string {
  for (let i = 0; i < 3; i++) truth.push({ family: 'GOVERNMENT_FUND', side: null, item: '合计', amount: '0' });
  ctx.hazards.push('zero-only table');
  return `${tableHead(ctx, T.GOVERNMENT_FUND[0])}\n\n部门：${dep.full}\n\n单位：万元\n\n科目编码\t科目名称\t${year}年政府性基金预算支出数\t\t\n\t\t合计\t基本支出\t项目支出\n\t合计\t0\t0\t0\n`;
}

/** 项目支出总表 run together on one line by the PDF, decimal commas and all (002). */
function flattenedProjectTable(dep: Department, b: Budget, truth: TruthFigure[], hazards: string[]): string {
  const words = '2024 年预算 财政拨款 单位资金 支出项目类别 总计 小计 一般公共预算拨款 履职类项目 拨款 上年结余、结转';
  const sum = b.projects.reduce((a, p) => a + p.amount, 0n);
  const num = (fen: bigint) => plain(fen).replace(/\B(?=(\d{3})+(?!\d)\.)/g, ',');
  const parts = [`${words} ${dep.full} ${num(sum)} ${num(sum)} 0.00`];
  truth.push({ family: 'PROJECT_EXPENDITURE', side: null, item: dep.full, amount: String(sum) });
  for (const p of b.projects) {
    parts.push(`${p.name} ${num(p.amount)} ${num(p.amount)} 0.000.00`);
    truth.push({ family: 'PROJECT_EXPENDITURE', side: null, item: p.name, amount: String(p.amount) });
  }
  hazards.push('table run together on one line');
  return `项目支出总表\n\n单位: 万元\n\n${parts.join(' ')}\n`;
}

function budgetDocument(dep: Department, year: number, rnd: Random, file: string): GeneratedDocument {
  const style = rnd.pick(['cn', 'arabic', 'public'] as const);
  const ctx: Ctx = { rnd, style, n: 0, hazards: [], garble: rnd.chance(0.4) };
  const truth: DocumentTruth = { file, family: 'BUDGET', style, department: dep.full, departmentId: `${dep.district}${dep.bureau}`, year, lines: [], projects: [], investments: [], threeCosts: [], anomalies: [], hazards: ctx.hazards };
  const b = budget(dep, year, rnd, extraRandom(`${file}|twin`));
  if (new Set(b.projects.map((p) => p.name)).size < b.projects.length) ctx.hazards.push('one project name for two units under two codes');
  const costs = threeCosts(ctx, dep, year, truth, false);
  const extra = extraRandom(file);
  truth.figures = [];
  truth.proseAmounts = [];
  const total = b.total.basic + b.total.project;
  const change = extra.wan(1, 500);
  const pct = ((Number(change / 10_000n) * 100) / Number((total - change) / 10_000n || 1n)).toFixed(1);
  const listed = b.projects.slice(0, 3);
  truth.proseAmounts.push(
    { item: '部门预算支出', amount: String(total), change: String(change), changePercent: `${pct}%`, parent: null },
    { item: '基本支出', amount: String(b.total.basic), change: null, changePercent: null, parent: '部门预算支出' },
    { item: '项目支出', amount: String(b.total.project), change: null, changePercent: null, parent: '部门预算支出' },
    ...listed.map((p) => ({ item: p.name, amount: String(p.amount), change: null, changePercent: null, parent: '项目支出' })),
  );
  ctx.hazards.push('prose amounts with a change and an itemised list');
  const prose =
    `${year}年部门预算支出${plain(total)}万元，比${year - 1}年增加${plain(change)}万元，增长${pct}%。其中：基本支出${plain(b.total.basic)}万元，项目支出${plain(b.total.project)}万元。\n\n` +
    `项目支出${plain(b.total.project)}万元，主要包括：${listed.map((p) => `${p.name}${plain(p.amount)}万元`).join('，')}。`;
  const parts = [
    `${year}年${dep.full}部门预算`,
    '',
    '第一部分 部门概况',
    '',
    '一、部门主要职能',
    '',
    `负责${dep.district}${dep.bureau.replace(/局$/, '')}相关工作的统筹协调。`,
    '',
    '第二部分 部门预算安排情况说明',
    '',
    '一、部门预算收支总体情况',
    '',
    prose,
    '',
    '四、一般公共预算“三公”经费支出情况',
    '',
    costs.prose,
    '第三部分 报表',
    '',
    summaryTable(ctx, dep, b, year, truth.figures),
    functionTable(ctx, T.EXPENDITURE_SUMMARY[0], dep, b, truth.lines, 'BUDGET'),
    functionTable(ctx, T.GENERAL_BUDGET_EXPENDITURE[0], dep, b, truth.lines, 'BUDGET'),
    costs.table,
    zeroTable(ctx, dep, year, truth.figures),
    projectTable(ctx, dep, b, truth),
    ...(extra.chance(0.4) ? [flattenedProjectTable(dep, b, truth.figures, ctx.hazards)] : []),
  ];
  return { file, text: parts.join('\n'), truth };
}

function investmentCode(year: number, rnd: Random): { code: string; truncated: boolean } {
  const code = `${year - rnd.int(1, 6)}-4403${rnd.int(10, 19)}-${rnd.pick(['65', '39', '78'])}-01-${String(rnd.int(100000, 999999))}`;
  return rnd.chance(0.1) ? { code: code.slice(0, code.lastIndexOf('-') + 1), truncated: true } : { code, truncated: false };
}

const ECONOMIC_BLOCKS: [string, string][][] = [
  [['301', '工资福利支出'], ['30101', '基本工资'], ['30102', '津贴补贴'], ['30103', '奖金'], ['30108', '机关事业单位基本养老保险缴费']],
  [['302', '商品和服务支出'], ['30201', '办公费'], ['30202', '印刷费'], ['30205', '水费'], ['30211', '差旅费']],
  [['310', '资本性支出'], ['31002', '办公设备购置'], ['31007', '信息网络及软件购置更新']],
];

/** 公开06: three blocks of 经济分类 (code | name | amount) side by side on each row. */
function economicBlocksTable(ctx: Ctx, dep: Department, extra: Random, truth: TruthLine[]): string {
  const title = T.BASIC_EXPENDITURE[0];
  const amounts = ECONOMIC_BLOCKS.map((block) => {
    const children = block.slice(1).map(() => extra.wan(0, 300));
    return [children.reduce((a, c) => a + c, 0n), ...children];
  });
  const rows: string[] = [];
  const height = Math.max(...ECONOMIC_BLOCKS.map((b) => b.length));
  for (let r = 0; r < height; r++) {
    const cells: string[] = [];
    ECONOMIC_BLOCKS.forEach((block, k) => {
      const entry = block[r];
      if (!entry) return cells.push('', '', '');
      const fen = amounts[k]![r]!;
      truth.push({ scheme: 'ECONOMIC', table: title, code: entry[0], total: String(fen), basic: 'null', project: 'null' });
      return cells.push(entry[0], entry[1], plain(fen));
    });
    rows.push(cells.join('\t'));
  }
  ctx.hazards.push('three 经济分类 blocks side by side');
  const head = '经济分类 科目编码\t科目名称\t决算数\t'.repeat(3).replace(/\t$/, '');
  return `# ${title}\n\n公开 06 表\n\n部门：${dep.full}\n\n单位：万元\n\n${head}\n${rows.join('\n')}\n`;
}

function finalAccountsDocument(dep: Department, year: number, rnd: Random, file: string): GeneratedDocument {
  const ctx: Ctx = { rnd, style: 'cn', n: 0, hazards: [], garble: rnd.chance(0.4) };
  const truth: DocumentTruth = { file, family: 'FINAL_ACCOUNTS', style: 'final', department: dep.full, departmentId: `${dep.district}${dep.bureau}`, year, lines: [], projects: [], investments: [], threeCosts: [], anomalies: [], hazards: ctx.hazards };
  const b = budget(dep, year, rnd);
  const costs = threeCosts(ctx, dep, year, truth, true);
  const evals: string[] = [];
  const forms: string[] = [];
  const spent = new Map<string, bigint>();
  b.projects.forEach((p, i) => {
    const executed = p.amount - BigInt(rnd.int(0, Number(p.amount / 10_000n) / 20)) * 10_000n;
    spent.set(p.stem, executed);
    const rate = `${((Number(executed / 10_000n) * 100) / Number(p.amount / 10_000n)).toFixed(2)}%`;
    evals.push(`(${i + 1}) ${p.name}绩效自评综述：项目全年预算数 ${show(p.amount, rnd, false)} 万元, 执行数 ${show(executed, rnd, false)} 万元, 预算执行率 ${rate}。`, '');
    truth.projects.push({ name: p.name, stem: p.stem, amount: String(p.amount), executed: String(executed), functionCode: null, bookedUnder: p.code });
    if (i < 2) {
      forms.push(
        `## ${T.SELF_EVALUATION[0]}\n\n(${year}年度)\n\n项目名称\t\t${p.name}\t\t项目起止时间\t${year}.1.1~${year}.12.31\t\n主管部门\t\t${dep.full}\t\t实施单位\t${dep.full}\t\n是否重点绩效项目\t\t否\t\t项目属性\t延续性\t\n项目资金（万元）\t\t\t\t全年预算数（A）\t全年执行数（B）\t执行率（B/A）\n\t\t年度资金总额：\t\t${plain(p.amount)}\t${plain(executed)}\t${rate}\n\t\t其中：上级转移支付资金\t\t\t\t\n\t\t区级财政资金\t\t${plain(p.amount)}\t${plain(executed)}\t${rate}\n\t\t其他资金\t\t\t\t\n年度总体目标\t年初设定目标\t\t\t全年实际完成情况\t\t\n\t完成${p.stem}年度任务。\t\t\t已完成。\t\t\n绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t未完成原因和改进措施\n` +
          INDICATORS.map(([l1, l2, name, target, actual], k) => `\t${k === 0 || INDICATORS[k - 1]![0] !== l1 ? l1 : ''}\t${l2}\t${name}\t${target}\t${actual}\t`).join('\n') +
          '\n',
      );
    }
  });
  const investments: string[] = [];
  for (let k = 0; k < rnd.int(1, 3); k++) {
    const { code, truncated } = investmentCode(year, rnd);
    const name = `${dep.district.replace(/区$|新区$/, '')}${rnd.pick(['智慧管理平台', '视频前端建设', '光纤通讯网络', '机房扩容', '信息安全保障系统'])}（${CN_NUMS[k]}期）项目`;
    const totalInv = rnd.wan(200, 5000);
    const planned = rnd.wan(10, 200);
    const completed = planned;
    const cumulative = totalInv - rnd.wan(0, 100);
    if (truncated) truth.anomalies.push('TRUNCATED_CODE');
    const target = planned + extraRandom(`${file}|${k}`).wan(0, 50);
    if (target !== completed) truth.anomalies.push('PLAN_ACTUAL_GAP');
    const plannedLabel = extraRandom(`${file}|label${k}`).chance(0.5) ? `${year}年实际下达政府投资计划①` : `${year}年下达政府投资计划`;
    truth.investments.push({ code, truncated, name, totalInvestment: String(totalInv), plannedInYear: String(planned), completedInYear: String(completed), cumulativeCompleted: String(cumulative), targetAtYearStart: String(target), totalFiscal: String(totalInv), totalOther: '0', completedGeneralBudget: String(completed), completedGovernmentFund: '0', planExecutionRate: '100%', industry: '信息化', started: true });
    investments.push(
      `## ${name}绩效情况表\n\n（${year}年）\n\n项目单位：${dep.full}\n\n项目概况\t\t\t\t\n项目名称\t${name}\t\t国家编码\t${code}\n项目单位\t${dep.full}\t\t行业归口\t信息化\n项目总投资\t${plain(totalInv)}万元（其中：财政拨款${plain(totalInv)}万元；其它资金0万元）\t\t\t\n建设性质\t<input type="checkbox"/> 前期 <input type="checkbox"/> 新开工 <input checked="" type="checkbox"/> 续建\t\t\t\n是否开工\t<input checked="" type="checkbox"/> 是 <input type="checkbox"/> 否\t\t开工日期\t${year - 1}年3月1日\n政府投资计划安排及执行情况\t\t\t\t\n年初设定的目标\t${plain(target)}万元\t${plannedLabel}\t${plain(planned)}万元\t\n${year}年实际完成投资②\t${plain(completed)}万元 (资金来源: 政府性基金完成 0万元; 一般公共预算完成${plain(completed)}万元)\t\t\t\n${year}年政府投资计划支出率\t100%\t\t\t\n截至${year}年底项目累计完成投资③\t${plain(cumulative)}万元\t项目总体完成率\t${((Number(cumulative / 10_000n) * 100) / Number(totalInv / 10_000n)).toFixed(2)}%\t\n项目绩效指标\t\t\t\t\n一级指标\t二级指标\t指标内容描述\t完成情况\t改进措施\n过程管理指标\t项目管理指标\t项目是否按照计划时间开工\t是\t\n\n填表人：张三\n\n联系电话：0755-12345678\n`,
    );
  }
  const parts = [
    `${dep.full}${year}年度部门决算`,
    '',
    '第一部分 部门概况',
    '',
    '第二部分 部门决算情况说明',
    '',
    '一、“三公”经费支出决算情况说明',
    '',
    costs.prose,
    '二、预算绩效情况说明',
    '',
    `${dep.full}在${year}年度部门决算中反映${b.projects.length}个项目绩效自评结果。`,
    '',
    ...evals,
    '第三部分 决算报表',
    '',
    functionTable(ctx, T.EXPENDITURE_SUMMARY[1], dep, actualize(b, spent), truth.lines, 'ACTUAL'),
    economicBlocksTable(ctx, dep, extraRandom(file), truth.lines),
    costs.table,
    ...forms,
    ...investments,
  ];
  return { file, text: parts.join('\n'), truth };
}

function targetFormDocument(dep: Department, year: number, rnd: Random, file: string): GeneratedDocument {
  const truth: DocumentTruth = { file, family: 'TARGET_FORM', style: 'target', department: dep.full, departmentId: `${dep.district}${dep.bureau}`, year, lines: [], projects: [], investments: [], threeCosts: [], anomalies: [], hazards: [] };
  const b = budget(dep, year, rnd);
  const tasks = b.projects.map((p) => `${p.name}\t1. 按${year}年工作安排，完成${p.stem}相关工作；2. 保障工作正常运转。\t${plain(p.amount)}\t${plain(p.amount)}\t0.00`);
  for (const p of b.projects) truth.projects.push({ name: p.name, stem: p.stem, amount: String(p.amount), executed: null, functionCode: null, bookedUnder: p.code });
  const staff = extraRandom(file).wan(100, 900);
  truth.notProjects = ['在职人员经费'];
  truth.hazards.push('基本支出 rows among the tasks');
  const sum = b.projects.reduce((a, p) => a + p.amount, 0n) + staff;
  const text = `${dep.full}${year}年整体支出绩效目标申报表\n\n部门(单位)名称\t\t${dep.full}\t\t\t\n任务名称\t主要内容\t预算金额(万元)\t\t\t\n\t\t总额\t财政拨款\t其他资金\t\n年度主要任务 行政运行\t在职人员经费\t${plain(staff)}\t${plain(staff)}\t0.00\n${tasks.join('\n')}\n金额合计\t\t${plain(sum)}\t${plain(sum)}\t0.00\n年度总体目标\t完成年度各项工作任务。\t\t\t\n`;
  return { file, text, truth };
}

/** N documents, deterministic for a seed: departments × years × families, round robin. */
export function generateCorpus(n: number, seed = 20261125): GeneratedDocument[] {
  return [...corpusDocuments(n, seed)];
}

/**
 * generateCorpus one document at a time, the same documents in the same order: a bench writes
 * each to its file and lets it go, so 10,000 documents' texts and truths are never all held
 * (they weighed on the Node peak RSS the ingest bench reports).
 */
export function* corpusDocuments(n: number, seed = 20261125): Generator<GeneratedDocument> {
  const rnd = new Random(seed);
  const deps = departments(rnd, Math.max(3, Math.ceil(n / 6)));
  for (let i = 0; i < n; i++) {
    const dep = deps[i % deps.length]!;
    const round = Math.floor(i / deps.length);
    const family = round % 3;
    const year = 2019 + Math.floor(round / 3) + (family === 1 ? 0 : 1);
    const file = `g${String(i).padStart(5, '0')}_${family === 0 ? 'budget' : family === 1 ? 'final' : 'target'}_${year}.txt`;
    yield family === 0 ? budgetDocument(dep, year, rnd, file) : family === 1 ? finalAccountsDocument(dep, year, rnd, file) : targetFormDocument(dep, year, rnd, file);
  }
}

export type { DocumentTruth, TruthProject };
