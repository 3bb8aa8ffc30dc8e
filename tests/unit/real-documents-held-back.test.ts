// The six real Shanghai disclosures added to tests/fixtures/real after the reader was built (commit
// d7b4305: other departments, years and producers of the same families), checked as
// real-documents.test.ts checks the first ones: every expected value below was read off the page
// image (`pdftoppm -r 80 -f N -l N -png FILE out`, page N named beside it) and copied here as printed,
// never from the parser's output; long code lists were checked against `pdftotext -layout` of the
// same pages too. The WARNING / ERROR anomalies each name the page that justifies them.
import { describe, expect, it } from 'vitest';
import { describeRealDocuments, printed, type Printed, type PrintedLine, type PrintedProse } from './real-documents-truth.js';

// 商务委员会 2025: the department's 部门预算 and its own unit's 单位预算 print the same figures
// (pp. 12-13, 单位：元; a blank cell where nothing is budgeted, not 0).
const 商务委_CODES = ['201', '20113', '2011301', '2011302', '2011350', '2011399', '206', '20605', '2060503', '208', '20805', '2080501', '2080502', '2080505', '2080506', '2080599', '210', '21011', '2101101', '2101102', '215', '21508', '2150899', '216', '21699', '2169999', '221', '22102', '2210201', '2210203'];
const 商务委_LINES: PrintedLine[] = [
  ['201', '一般公共服务支出', '21,601,733.00', '12,291,733.00', '9,310,000.00'],
  ['2011301', '行政运行', '9,389,913.00', '9,389,913.00', ''],
  ['2011302', '一般行政管理事务', '4,545,000.00', '', '4,545,000.00'],
  ['2011350', '事业运行', '2,901,820.00', '2,901,820.00', ''],
  ['206', '科学技术支出', '17,200,000.00', '', '17,200,000.00'],
  ['2060503', '科技条件专项', '17,200,000.00', '', '17,200,000.00'],
  // The last line of p. 12, then the first of p. 13.
  ['2080505', '机关事业单位基本养老保险缴费支出', '1,410,886.00', '1,410,886.00', ''],
  ['2080506', '机关事业单位职业年金缴费支出', '705,443.00', '705,443.00', ''],
  ['2101102', '事业单位医疗', '249,862.00', '249,862.00', ''],
  ['215', '资源勘探工业信息等支出', '293,810,000.00', '', '293,810,000.00'],
  // A 款 and its 项 printing the same name.
  ['21699', '其他商业服务业等支出', '31,364,000.00', '', '31,364,000.00'],
  ['2169999', '其他商业服务业等支出', '31,364,000.00', '', '31,364,000.00'],
  // The last line before 合计.
  ['2210203', '购房补贴', '1,488,000.00', '1,488,000.00', ''],
];
// pp. 7-8 (编制说明), the same in both.
const 商务委_PROSE: PrintedProse[] = [
  ['财政拨款收入', '37,151.47', '24,558.18'],
  ['商贸事务（款）行政运行', '938.99'],
  ['科技条件专项', '1,720.00'],
  ['事业单位离退休', '1.73'],
  ['其他支持中小企业发展和管理支出', '29,381.00'],
  ['其他商业服务业等支出', '3136.40'],
];

const DOCUMENTS: Printed[] = [
  {
    file: 'unit_budget.pdf',
    // p. 1: 上海市普陀区2026年区级单位预算, 预算单位：上海市普陀区司法局.
    department: '上海市普陀区司法局',
    unit: '上海市普陀区司法局',
    year: 2026,
    kinds: ['UNIT_BUDGET'],
    // pp. 11-12, 单位：元, every cell printed (0.00; 购房补贴's 项目支出 a bare 0).
    table: '2026年预算单位支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    // p. 12: the 合计 row prints 基本支出 22,118,861 without the .34 its lines sum to.
    total: ['86,959,408.34', '22,118,861', '64,840,547.00'],
    codes: ['204', '20406', '2040601', '2040604', '2040605', '2040607', '2040613', '2040699', '208', '20805', '2080501', '2080505', '2080506', '2080599', '210', '21011', '2101101', '221', '22102', '2210201', '2210203'],
    // pp. 9-10 and 14-15.
    alsoPrinting: ['2026年预算单位收入预算总表', '2026年预算单位一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: [
      ['204', '公共安全支出', '79,189,400.34', '14,348,853.34', '64,840,547.00'],
      ['20406', '司法', '79,189,400.34', '14,348,853.34', '64,840,547.00'],
      // Printed so: 行政运行's 项目支出 cell repeats its 款's 64,840,547.00 (the anomalies below).
      ['2040601', '行政运行', '14,348,853.34', '14,348,853.34', '64,840,547.00'],
      ['2040604', '基层司法业务', '21,703,947.00', '0.00', '21,703,947.00'],
      ['2040613', '信息化建设', '2,278,800.00', '0.00', '2,278,800.00'],
      ['2040699', '其他司法支出', '38,454,900.00', '0.00', '38,454,900.00'],
      ['208', '社会保障和就业支出', '2,925,857.00', '2,925,857.00', '0.00'],
      ['2080501', '行政单位离退休', '561,240.00', '561,240.00', '0.00'],
      // The last line of p. 11, then the first of p. 12.
      ['2080505', '机关事业单位基本养老保险缴费支出', '1,572,307.00', '1,572,307.00', '0.00'],
      ['2080506', '机关事业单位职业年金缴费支出', '786,150.00', '786,150.00', '0.00'],
      ['21011', '行政事业单位医疗', '982,692.00', '982,692.00', '0.00'],
      ['2210201', '住房公积金', '1,791,459.00', '1,791,459.00', '0.00'],
      ['2210203', '购房补贴', '2,070,000.00', '2,070,000.00', '0'],
    ],
    // p. 20, 单位:万元: every cell printed.
    threeCostsTable: '2026年单位“三公”经费和机关运行经费预算表',
    threeCosts: { page: 20, total: '10.71', abroad: '0.00', reception: '0.73', vehicles: '9.98', vehiclePurchase: '0.00', vehicleRunning: '9.98', running: '184.59' },
    // pp. 6-7.
    prose: [
      ['财政拨款收入', '8695.94', '794.88'],
      ['基层司法业务', '2170.39'],
      ['普法宣传', '124.29'],
      ['信息化建设', '227.88'],
      ['其他司法支出', '3845.49'],
      ['机关事业单位基本养老保险缴费支出', '157.23'],
    ],
    anomalies: [
      // p. 11 (and p. 14, the 一般公共预算支出功能分类预算表 printing the same rows): 2040601 行政运行 prints
      // 项目支出 64,840,547.00 beside 合计 14,348,853.34 = 基本支出; so 20406's 项 sum to twice its 项目支出.
      ...Array.from({ length: 2 }, (): [string, string] => ['PARENT_SUM_MISMATCH', '20406 司法 项目支出']),
      ...Array.from({ length: 2 }, (): [string, string] => ['PARENT_SUM_MISMATCH', '2040601 行政运行 合计']),
      // p. 6 item 1: 1690.69 → 1434.89 万元 printed as 减少1.10% (it is 15.13%).
      ['PROSE_ARITHMETIC_MISMATCH', '1690.69'],
      // p. 6 item 7: 57.43 → 57.8 万元 printed as 减少2.27%; and 57.8 against 561,240.00 元 (p. 11).
      ['PROSE_ARITHMETIC_MISMATCH', '57.43'],
      ['PROSE_TABLE_MISMATCH', '57.8'],
      // p. 7 item 13: 241.76 → 170.03 万元 printed as 增加21.74%; and 170.03 against 2,070,000.00 元 (p. 12).
      ['PROSE_ARITHMETIC_MISMATCH', '241.76'],
      ['PROSE_TABLE_MISMATCH', '170.03'],
      // p. 7 item 11: 医疗卫生与计划生育支出（210类）; the tables print 210 卫生健康支出.
      ['CODE_NAMED_TWICE', '医疗卫生与计划生育支出'],
      // p. 6: 财政拨款收入支出增加（减少）的主要原因是业务量增加 (the template's 增加（减少） left as is).
      ['PLACEHOLDER_TEXT', '增加（减少）'],
      // p. 21 (二): 公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。 (no reason after it).
      ['PLACEHOLDER_TEXT', '原因是'],
      // p. 21 五: 2026年部门预算安排购置车辆0辆 … 部门预算安排购置单价100万元（含）以上设备, in a 单位预算.
      ['DOCUMENT_KIND_MISMATCH', '部门预算安排购置车辆'],
      ['DOCUMENT_KIND_MISMATCH', '部门预算安排购置单价'],
    ],
    roundingInfo: [
      // p. 12 (and p. 15): 合计 基本支出 printed 22,118,861, its 类 sum to 22,118,861.34: inside the whole 元 it prints.
      ...Array.from({ length: 2 }, (): [string, string] => ['TOTAL_SUM_MISMATCH', '合计 基本支出 2211.8861']),
    ],
  },
  {
    file: '上海市普陀区人民政府万里街道办事处24年预算.pdf',
    department: '上海市普陀区人民政府万里街道办事处',
    unit: null,
    year: 2024,
    kinds: ['BUDGET'],
    // pp. 16-20, 单位：元, whole 元 without decimals, a printed 0 where nothing is budgeted; the 合计
    // row alone on p. 20.
    table: '2024年部门支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['156,211,123', '99,706,020', '56,505,103'],
    codes: [
      ...['201', '20105', '2010507', '20129', '2012902', '20132', '2013202', '20133', '2013302', '20134', '2013402', '20138'],
      ...['2013802', '204', '20406', '2040607', '20499', '2049999', '205', '20599', '2059999', '206', '20607', '2060702', '207', '20703', '2070308', '208', '20805', '2080501'],
      ...['2080502', '2080505', '2080506', '2080599', '20807', '2080705', '20816', '2081602', '20825', '2082501', '20899', '2089999', '210', '21007', '2100717', '21011', '2101101', '2101102'],
      ...['212', '21201', '2120101', '2120102', '2120104', '2120199', '21203', '2120399', '21205', '2120501', '21299', '2129999', '221', '22102', '2210201', '2210203', '22103', '2210399'],
    ],
    // pp. 11-15 and 22-26.
    alsoPrinting: ['2024年部门收入预算总表', '2024年部门一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: [
      ['201', '一般公共服务支出', '2,932,700', '0', '2,932,700'],
      ['2010507', '专项普查活动', '257,700', '0', '257,700'],
      // The 款 ending p. 16 and its 项 opening p. 17.
      ['20138', '市场监督管理事务', '135,200', '0', '135,200'],
      ['2013802', '一般行政管理事务', '135,200', '0', '135,200'],
      ['205', '教育支出', '250,000', '0', '250,000'],
      ['208', '社会保障和就业支出', '19,604,064', '13,368,164', '6,235,900'],
      // The last line of p. 17, then the first of p. 18.
      ['2080501', '行政单位离退休', '243,120', '243,120', '0'],
      ['2080502', '事业单位离退休', '76,620', '76,620', '0'],
      ['2089999', '其他社会保障和就业支出', '7,812,394', '6,133,194', '1,679,200'],
      ['210', '卫生健康支出', '3,223,657', '3,023,657', '200,000'],
      // The last line of p. 18, then the first of p. 19.
      ['2101102', '事业单位医疗', '1,601,424', '1,601,424', '0'],
      ['212', '城乡社区支出', '119,385,303', '76,609,000', '42,776,303'],
      ['2120101', '行政运行', '16,603,248', '16,353,248', '250,000'],
      ['2120199', '其他城乡社区管理事务支出', '54,212,362', '54,212,362', '0'],
      // The last line, on p. 19; its 合计 alone on p. 20.
      ['2210399', '其他城乡社区住宅支出', '2,177,200', '0', '2,177,200'],
    ],
    // p. 31, 单位:万元, titled without its year; a note under it says the table is empty.
    threeCostsTable: '部门“三公”经费和机关运行经费预算表',
    threeCosts: { page: 31, total: '47.91', abroad: '0', reception: '1.35', vehicles: '46.56', vehiclePurchase: '25', vehicleRunning: '21.56', running: '443.18' },
    // pp. 6-9.
    prose: [
      ['财政拨款收入', '15621.11', '-876.75'],
      ['专项普查活动', '25.77'],
      ['群众团体事务', '42.60'],
      ['组织事务', '88.87'],
      ['宣传事务', '110.60'],
      ['统战事务', '11.91'],
    ],
    anomalies: [
      // p. 9 item 31: 住房公积金 350.35万元, 执行数348.52万元, 预算安排352.67万元, 增加0.53% (350.35's rise);
      // p. 19 prints 3,503,499 元.
      ['PROSE_ARITHMETIC_MISMATCH', '348.52'],
      ['PROSE_TABLE_MISMATCH', '352.67'],
      // p. 31: 注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。 under a row of figures.
      ['EMPTY_NOTE_MISMATCH', '本部门2024年无“三公”经费'],
    ],
  },
  {
    file: '上海市普陀区商务委员会25年预算.pdf',
    // p. 1: 预算主管部门：上海市普陀区商务委员会.
    department: '上海市普陀区商务委员会',
    unit: null,
    year: 2025,
    kinds: ['BUDGET'],
    table: '2025年部门支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['371,514,655.00', '19,830,655.00', '351,684,000.00'],
    codes: 商务委_CODES,
    // pp. 10-11 and 15-16.
    alsoPrinting: ['2025年部门收入预算总表', '2025年部门一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: 商务委_LINES,
    // p. 21, 单位:万元: 因公出国 and the three 公务用车 cells blank.
    threeCostsTable: '2025年部门“三公”经费和机关运行经费预算表',
    threeCosts: { page: 21, total: '1.00', abroad: '', reception: '1.00', vehicles: '', vehiclePurchase: '', vehicleRunning: '', running: '171.01' },
    prose: 商务委_PROSE,
    // pp. 7-8 state every amount as the tables print it: nothing to raise.
    anomalies: [],
  },
  {
    file: '上海市普陀区商务委员会单位25年预算.pdf',
    // p. 1: 上海市普陀区2025年区级单位预算, 预算单位：上海市普陀区商务委员会.
    department: '上海市普陀区商务委员会',
    unit: '上海市普陀区商务委员会',
    year: 2025,
    kinds: ['UNIT_BUDGET'],
    table: '2025年预算单位支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['371,514,655.00', '19,830,655.00', '351,684,000.00'],
    codes: 商务委_CODES,
    alsoPrinting: ['2025年预算单位收入预算总表', '2025年预算单位一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: 商务委_LINES,
    // p. 21, as the department's.
    threeCostsTable: '2025年单位“三公”经费和机关运行经费预算表',
    threeCosts: { page: 21, total: '1.00', abroad: '', reception: '1.00', vehicles: '', vehiclePurchase: '', vehicleRunning: '', running: '171.01' },
    prose: 商务委_PROSE,
    anomalies: [],
  },
  {
    file: '中共上海市普陀区委社会工作部 2024 年度部门决算.pdf',
    // p. 1: the title over three lines.
    department: '中共上海市普陀区委社会工作部',
    unit: null,
    year: 2024,
    kinds: ['FINAL_ACCOUNTS'],
    // pp. 8-9, 单位：万元; 上缴上级支出, 经营支出, 对附属单位补助支出 blank throughout.
    table: '支出决算表',
    tableUnit: '万元',
    standardTables: 9,
    total: ['307.82', '105.58', '202.24'],
    codes: ['201', '20139', '2013901', '2013950', '2013999', '208', '20805', '2080505', '2080506', '210', '21011', '2101101', '2101102', '221', '22102', '2210201', '2210203'],
    // pp. 6-7 and 12: everything is 财政拨款, so every line prints the same 合计.
    alsoPrinting: ['收入决算表', '一般公共预算财政拨款支出决算表'],
    sameTotals: 2,
    lines: [
      ['201', '一般公共服务支出', '264.87', '62.63', '202.24'],
      ['20139', '社会工作事务', '264.87', '62.63', '202.24'],
      ['2013901', '行政运行', '51.32', '51.32', ''],
      ['2013950', '事业运行', '11.31', '11.31', ''],
      ['2013999', '其他社会工作事务支出', '202.24', '', '202.24'],
      ['208', '社会保障和就业支出', '10.82', '10.82', ''],
      // Names wrapped over two lines in their cells.
      ['2080505', '机关事业单位基本养老保险缴费支出', '6.18', '6.18', ''],
      ['2080506', '机关事业单位职业年金缴费支出', '4.64', '4.64', ''],
      // The last line of p. 8, then the first of p. 9.
      ['21011', '行政事业单位医疗', '2.71', '2.71', ''],
      ['2101101', '行政单位医疗', '2.22', '2.22', ''],
      ['2101102', '事业单位医疗', '0.49', '0.49', ''],
      ['221', '住房保障支出', '29.42', '29.42', ''],
      ['2210203', '购房补贴', '11.72', '11.72', ''],
    ],
    // p. 14: the table printed with every cell blank, 说明：…本年度没有财政拨款“三公”经费支出，故本表无数据。
    threeCostsTable: '财政拨款“三公”经费支出决算表',
    threeCosts: { page: 14, total: '', abroad: '', reception: '', vehicles: '', vehiclePurchase: '', vehicleRunning: '' },
    // pp. 17-18.
    prose: [
      ['收入支出总', '307.82', '307.82'],
      ['本年收入', '307.82'],
      ['基本支出', '105.58'],
      ['项目支出', '202.24'],
      ['一般公共服务支出（类）', '264.87'],
      ['住房保障支出（类）', '29.42'],
    ],
    anomalies: [],
    eitherLevel: [
      // p. 18: 年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。
      // 决算数小于预算数 (95.89% is of the 全年预算, not of a 年初预算 of 0).
      ['PROSE_COMPARISON_MISMATCH|PROSE_ARITHMETIC_MISMATCH', '预算 0 万元'],
      // p. 18: 住房保障支出（类）29.42 万元，占 9.55% (of 307.82: 9.557%, cut rather than rounded).
      ['PROSE_ARITHMETIC_MISMATCH', '9.55%'],
    ],
  },
  {
    file: '上海市普陀区规划和自然资源局 2024 年度部门决算.pdf',
    // p. 1: the name over two lines, then 2024 年度部门决算.
    department: '上海市普陀区规划和自然资源局',
    unit: null,
    year: 2024,
    kinds: ['FINAL_ACCOUNTS'],
    // pp. 10-11, 单位：万元; 项目支出 printed 0.00 where nothing was spent, 上缴上级支出 … blank.
    table: '支出决算表',
    tableUnit: '万元',
    standardTables: 9,
    total: ['9759.38', '5377.64', '4381.74'],
    codes: ['208', '20805', '2080501', '2080502', '2080505', '2080506', '2080599', '210', '21011', '2101101', '2101102', '212', '21201', '2120101', '21202', '2120201', '220', '22001', '2200150', '2200199', '221', '22102', '2210201', '2210203'],
    // pp. 8-9 and 14-15; the 一般公共预算 table prints 财政拨款 only (212 3832.36 where the 支出决算表 prints 3845.24).
    alsoPrinting: ['收入决算表', '一般公共预算财政拨款支出决算表'],
    sameTotals: 0,
    lines: [
      ['208', '社会保障和就业支出', '754.75', '754.75', '0.00'],
      ['2080501', '行政单位离退休', '54.53', '54.53', '0.00'],
      ['2080505', '机关事业单位基本养老保险缴费支出', '446.11', '446.11', '0.00'],
      ['2080599', '其他行政事业单位养老支出', '0.88', '0.88', '0.00'],
      ['21011', '行政事业单位医疗', '236.64', '236.64', '0.00'],
      // The last line of p. 10, then the first of p. 11.
      ['2101102', '事业单位医疗', '196.29', '196.29', '0.00'],
      ['212', '城乡社区支出', '3845.24', '1585.59', '2259.65'],
      ['21201', '城乡社区管理事务', '1105.68', '1096.91', '8.77'],
      ['2120201', '城乡社区规划与管理', '2739.56', '488.68', '2250.88'],
      ['220', '自然资源海洋气象等支出', '4461.67', '2339.58', '2122.09'],
      ['2200150', '事业运行', '4416.67', '2339.58', '2077.09'],
      ['2200199', '其他自然资源事务支出', '45.00', '0.00', '45.00'],
      ['2210203', '购房补贴', '171.49', '171.49', '0.00'],
    ],
    // p. 17: 预算数 | 决算数 per item, every cell printed.
    threeCostsTable: '财政拨款“三公”经费支出决算表',
    threeCosts: { page: 17, total: '2.85', abroad: '0.00', reception: '2.85', vehicles: '0.00', vehiclePurchase: '0.00', vehicleRunning: '0.00' },
    threeCostsActual: { page: 17, total: '0.39', abroad: '0.00', reception: '0.39', vehicles: '0.00', vehiclePurchase: '0.00', vehicleRunning: '0.00' },
    // pp. 20-21.
    prose: [
      ['本年收入', '9746.50'],
      ['本年支出', '9759.38'],
      ['基本支出', '5377.64'],
      ['项目支出', '4381.74'],
      ['社会保障和就业支出（类）', '754.75'],
      ['自然资源海洋气象等支出（类）', '4461.67'],
      // p. 20 收入支出总计 9859.38 万元 and p. 21 城乡社区支出（类）3832.36 万元, each over two printed lines.
      ['收入支出总', '9859.38'],
      ['城乡社区支出（类）', '3832.36'],
    ],
    eitherLevel: [
      // p. 21: 年初预算为 10210.34 万元，支出决算为 9746.50 万元，完成年初预算的 95.45% (95.457%, cut rather than rounded).
      ['PROSE_ARITHMETIC_MISMATCH', '95.45%'],
    ],
    anomalies: [
      // p. 24 items 12-13: 住房保障支出（类）住房保障支出（款）住房公积金（项）; the tables print 22102 住房改革支出.
      ['CODE_NAMED_TWICE', '住房保障支出'],
    ],
  },
];

const docs = describeRealDocuments(DOCUMENTS, 240_000);

describe('the economic classification of 万里 2024 (p. 29: 款 printed as one digit)', () => {
  it('reads 30102 津贴补贴 16,623,810 and 30107 绩效工资 11,447,100 元, each a line of its own under 301', () => {
    const d = docs.get('上海市普陀区人民政府万里街道办事处24年预算.pdf')!;
    const economic = d.lines.filter((l) => l.source.table === '2024年部门一般公共预算基本支出部门预算经济分类预算表');
    const linesOf = (code: string) => economic.filter((l) => l.code === code).map((l) => [l.name, l.total]);
    expect([linesOf('30102'), linesOf('30107')]).toEqual([[['津贴补贴', printed('16,623,810', '元')]], [['绩效工资', printed('11,447,100', '元')]]]);
    // 301 prints 88,282,511 and its ten 款 sum to it (p. 29): a single 301 line.
    expect(linesOf('301')).toEqual([['工资福利支出', printed('88,282,511', '元')]]);
  });
});

describe('the 财政拨款支出主要内容 of a budget are function lines, not projects', () => {
  // 商务委员会 2025 pp. 7-8 (16 items) and 万里 2024 pp. 6-9 (33 items) each name a 类 / 款 / 项 the
  // function tables print; neither document prints a prose list of projects. (商务委员会's closing
  // 项目经费情况说明 pages, pp. 23-26, do describe projects: tests/unit/project-explanations.test.ts.)
  it.each(['上海市普陀区商务委员会25年预算.pdf', '上海市普陀区商务委员会单位25年预算.pdf', '上海市普陀区人民政府万里街道办事处24年预算.pdf'])('%s: no project read from its prose', (file) => {
    expect(docs.get(file)!.projects.filter((p) => p.sourceKind === 'PROSE_LIST' && !p.source.table.endsWith('经费情况说明')).map((p) => p.name)).toEqual([]);
  });
});

describe('社会工作部 2024 决算’s 三公 table (p. 14)', () => {
  // p. 14 prints the table's header and one row of blank cells, then 说明：…本年度没有财政拨款“三公”经费支出，
  // 故本表无数据; p. 20 says 2024 年度无“三公”经费财政拨款支出. Printed empty: neither missing nor misread.
  it('is read as printed empty, as its page says, with no figure and no table said to be missing', () => {
    const d = docs.get('中共上海市普陀区委社会工作部 2024 年度部门决算.pdf')!;
    expect(d.diagnostics.filter((x) => x.code === 'EMPTY_TABLE').map((x) => x.message.split(':')[0])).toContain('财政拨款“三公”经费支出决算表');
    expect(d.threeCosts.filter((t) => t.origin === 'TABLE')).toEqual([]);
    expect(d.anomalies.filter((a) => a.kind === 'MISSING_TABLE')).toEqual([]);
  });
});
