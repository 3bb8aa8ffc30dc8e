// Each real Shanghai disclosure of tests/fixtures/real (issue #37 item 7), read as its pages print
// it: publisher, year, kind, the unit its tables declare, the headline total, every function line
// of its expenditure table (code, name, level, amounts; a blank cell is no amount, a printed 0 is
// zero), its 三公 row with the blank cells, and five amounts its prose states. Every expected value
// below was read off the page image (`pdftoppm -r 80 -f N -l N -png FILE out`, page N beside it),
// copied here as printed and converted to fen by `printed()` below, never from the parser's output.
// Where a list is long (万里's 66 codes; the same codes and line totals in a document's other
// function tables) it was checked against the pages' text as well (`pdftotext -layout -f N -l M`).
// The WARNING / ERROR anomalies each name the page that justifies them; INFO ones are not listed.
// The blank template is refused in tests/unit/publishers.test.ts and real-documents-template.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { describeRealDocuments, printed, REAL, type Printed, type PrintedLine, type PrintedProse, type PrintedThreeCosts } from './real-documents-truth.js';

const 办公室_CODES = ['201', '20103', '2010301', '2010302', '2010350', '2010399', '208', '20805', '2080501', '2080505', '2080506', '2080599', '210', '21011', '2101101', '2101102', '221', '22102', '2210201', '2210203'];
// pp. 11-12, 单位：元 (the department's and its unit's tables print the same figures).
const 办公室_LINES: PrintedLine[] = [
  ['201', '一般公共服务支出', '82,096,797.42', '15,686,797.42', '66,410,000.00'],
  ['2010302', '一般行政管理事务', '46,140,000.00', '', '46,140,000.00'],
  ['2010350', '事业运行', '3,807,295.58', '3,767,295.58', '40,000.00'],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出', '20,120,000.00', '', '20,120,000.00'],
  ['208', '社会保障和就业支出', '4,213,779.28', '4,213,779.28', ''],
  ['2080501', '行政单位离退休', '1,554,220.00', '1,554,220.00', ''],
  // The last line of p. 11, then the first of p. 12.
  ['2080599', '其他行政事业单位养老支出', '14,820.00', '14,820.00', ''],
  ['210', '卫生健康支出', '1,097,073.43', '1,097,073.43', ''],
  ['21011', '行政事业单位医疗', '1,097,073.43', '1,097,073.43', ''],
  ['2101101', '行政单位医疗', '782,855.28', '782,855.28', ''],
  ['22102', '住房改革支出', '3,609,125.22', '3,609,125.22', ''],
  // The last line before 合计.
  ['2210203', '购房补贴', '1,867,680.00', '1,867,680.00', ''],
];
// p. 20, 单位:万元: 公务用车 小计 / 购置费 / 运行费 all three blank.
const 办公室_THREE_COSTS: PrintedThreeCosts = { page: 20, total: '867.50', abroad: '839.00', reception: '28.50', vehicles: '', vehiclePurchase: '', vehicleRunning: '', running: '213.28' };
// p. 6 (编制说明).
const 办公室_PROSE: PrintedProse[] = [
  ['财政拨款收入', '9,101.68', '-2,389.52'],
  ['行政运行', '1,202.95'],
  ['一般行政管理事务', '4,614'],
  ['事业运行', '380.73'],
  ['行政单位离退休', '155.42'],
  ['机关事业单位职业年金缴费支出', '88.16'],
];

const DOCUMENTS: Printed[] = [
  {
    file: '上海市普陀区人民政府办公室25年预算.pdf',
    department: '上海市普陀区人民政府办公室',
    unit: null,
    year: 2025,
    kinds: ['BUDGET'],
    table: '2025年部门支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['91,016,775.35', '24,606,775.35', '66,410,000.00'],
    codes: 办公室_CODES,
    // pp. 9-10 and 14-15.
    alsoPrinting: ['2025年部门收入预算总表', '2025年部门一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: 办公室_LINES,
    threeCostsTable: '2025年部门“三公”经费和机关运行经费预算表',
    threeCosts: 办公室_THREE_COSTS,
    prose: 办公室_PROSE,
    // p. 6 states every amount as the table prints it (to its rounding): nothing to raise.
    anomalies: [],
  },
  {
    file: '上海市普陀区人民政府办公室单位25年预算.pdf',
    department: '上海市普陀区人民政府办公室',
    unit: '上海市普陀区人民政府办公室',
    year: 2025,
    kinds: ['UNIT_BUDGET'],
    table: '2025年预算单位支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['91,016,775.35', '24,606,775.35', '66,410,000.00'],
    codes: 办公室_CODES,
    // pp. 9-10 and 14-15.
    alsoPrinting: ['2025年预算单位收入预算总表', '2025年预算单位一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: 办公室_LINES,
    threeCostsTable: '2025年单位“三公”经费和机关运行经费预算表',
    threeCosts: 办公室_THREE_COSTS,
    prose: 办公室_PROSE,
    anomalies: [],
  },
  {
    file: 'dept_budget.pdf',
    department: '上海市普陀区司法局',
    unit: null,
    year: 2026,
    kinds: ['BUDGET'],
    // pp. 12-13, 单位：元, amounts printed without thousands separators, every blank a printed 0.00.
    table: '2026年部门支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['96282213.44', '25741666.44', '70540547.00'],
    codes: ['204', '20406', '2040601', '2040604', '2040605', '2040607', '2040613', '2040699', '208', '20805', '2080501', '2080505', '2080506', '2080599', '210', '21011', '2101101', '221', '22102', '2210201', '2210203'],
    // p. 11 and pp. 15-16.
    alsoPrinting: ['2026年部门收入预算总表', '2026年部门一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: [
      ['204', '公共安全支出', '87267272.44', '16726725.44', '70540547.00'],
      ['20406', '司法', '87267272.44', '16726725.44', '70540547.00'],
      ['2040601', '行政运行', '16726725.44', '16726725.44', '0.00'],
      ['2040605', '普法宣传', '1242900.00', '0.00', '1242900.00'],
      ['2040607', '公共法律服务', '6860000.00', '0.00', '6860000.00'],
      ['2040613', '信息化建设', '2278800.00', '0.00', '2278800.00'],
      ['208', '社会保障和就业支出', '3343704.00', '3343704.00', '0.00'],
      // The last line of p. 12, then the first of p. 13.
      ['2080505', '机关事业单位基本养老保险缴费支出', '1839485.00', '1839485.00', '0.00'],
      ['2080506', '机关事业单位职业年金缴费支出', '919739.00', '919739.00', '0.00'],
      ['2080599', '其他行政事业单位养老支出', '6440.00', '6440.00', '0.00'],
      ['21011', '行政事业单位医疗', '1149678.00', '1149678.00', '0.00'],
      ['2210201', '住房公积金', '2087959.00', '2087959.00', '0.00'],
    ],
    // p. 21, 单位:万元: every cell printed, 因公出国 and 购置费 as 0.
    threeCostsTable: '2026年部门“三公”经费和机关运行经费预算表',
    threeCosts: { page: 21, total: '10.81', abroad: '0', reception: '0.83', vehicles: '9.98', vehiclePurchase: '0', vehicleRunning: '9.98', running: '217.83' },
    // pp. 8-9.
    prose: [
      ['财政拨款收入', '9628.22', '793.14'],
      ['基层司法业务', '2170.39'],
      ['普法宣传', '124.29'],
      ['公共法律服务', '686'],
      ['信息化建设', '227.88'],
      ['其他司法支出', '3845.49'],
    ],
    anomalies: [
      // p. 9 item 6: 2025年当年预算执行数为43269.3万元 … 3845.49万元, 比2025年预算执行数增加17.62%.
      ['PROSE_ARITHMETIC_MISMATCH', '43269.3'],
      // p. 9 item 9: 77.99 → 91.97 万元 printed as 增加17.66% (it is 17.93%).
      ['PROSE_ARITHMETIC_MISMATCH', '77.99'],
      // p. 9 item 12: 198.34 → 201.50 万元 printed as 增加5.27% (it is 1.59%).
      ['PROSE_ARITHMETIC_MISMATCH', '198.34'],
      // p. 9 item 12: 住房公积金 208.8万元 … 2026年预算安排201.50万元; p. 13 prints 2087959.00 元.
      ['PROSE_TABLE_MISMATCH', '201.50'],
      // p. 9 item 11: 医疗卫生与计划生育支出（210类）; the tables print 210 卫生健康支出.
      ['CODE_NAMED_TWICE', '医疗卫生与计划生育支出'],
      // p. 8: 比2026年预算增加 three times, 与2026年预算持平 twice, in the 2026 budget.
      ...Array.from({ length: 5 }, (): [string, string] => ['YEAR_MISMATCH', '2026年预算']),
      // p. 23: 人民调解项目经费's 五、实施周期 2025年1月1日-2025年12月31日, in the 2026 budget.
      ['YEAR_MISMATCH', '实施周期 "2025年1月1日-2025年12月31日"'],
      // p. 4's foot: 主要职能's (八) cut through by the page's clip, the top of its glyphs only
      // (the reviewer's checklist: 部分文字未正常显示); p. 5 prints it in full.
      ['TEXT_CUT', 'page 4: 60 character(s) printed partly outside'],
    ],
  },
  {
    file: '上海市普陀区财政局部门25年预算.pdf',
    department: '上海市普陀区财政局',
    unit: null,
    year: 2025,
    kinds: ['BUDGET'],
    // pp. 12-13, 单位：元; p. 13 repeats the header rows.
    table: '2025年部门支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['31,214,205.80', '25,121,091.00', '6,093,114.80'],
    codes: ['201', '20106', '2010601', '2010602', '2010607', '2010608', '208', '20805', '2080501', '2080505', '2080506', '2080599', '210', '21011', '2101101', '221', '22102', '2210201', '2210203'],
    // pp. 10-11 and 15-16.
    alsoPrinting: ['2025年部门收入预算总表', '2025年部门一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: [
      ['201', '一般公共服务支出', '22,186,440.80', '16,093,326.00', '6,093,114.80'],
      ['20106', '财政事务', '22,186,440.80', '16,093,326.00', '6,093,114.80'],
      ['2010602', '一般行政管理事务', '100,000.00', '', '100,000.00'],
      ['2010607', '信息化建设', '1,666,600.00', '', '1,666,600.00'],
      ['20805', '行政事业单位养老支出', '3,508,644.00', '3,508,644.00', ''],
      ['2080505', '机关事业单位基本养老保险缴费支出', '1,748,327.00', '1,748,327.00', ''],
      ['2080506', '机关事业单位职业年金缴费支出', '873,617.00', '873,617.00', ''],
      // The last line of p. 12, then the first of p. 13 (under its repeated header).
      ['2080599', '其他行政事业单位养老支出', '9,620.00', '9,620.00', ''],
      ['210', '卫生健康支出', '782,164.00', '782,164.00', ''],
      ['2101101', '行政单位医疗', '782,164.00', '782,164.00', ''],
      ['221', '住房保障支出', '4,736,957.00', '4,736,957.00', ''],
      ['2210201', '住房公积金', '2,049,197.00', '2,049,197.00', ''],
      ['2210203', '购房补贴', '2,687,760.00', '2,687,760.00', ''],
    ],
    // p. 21, 单位:万元: 因公出国 and the three 公务用车 cells blank.
    threeCostsTable: '2025年部门“三公”经费和机关运行经费预算表',
    threeCosts: { page: 21, total: '0.95', abroad: '', reception: '0.95', vehicles: '', vehiclePurchase: '', vehicleRunning: '', running: '229.43' },
    // p. 7.
    prose: [
      ['财政拨款收入', '3,121.42', '107.62'],
      ['行政运行', '1,623.18'],
      ['信息化建设', '166.66'],
      ['财政委托业务支出', '418.80'],
      ['机关事业单位基本养老保险缴费支出', '174.83'],
      // Printed so (the table's 873,617.00 元 is 87.36 万元): read as printed, the check says the rest.
      ['机关事业单位职业年金缴费支出', '887.36'],
    ],
    anomalies: [
      // p. 7 item 7: 职业年金 887.36万元; p. 12 prints 873,617.00 元 (87.36 万元).
      ['PROSE_TABLE_MISMATCH', '887.36'],
    ],
  },
  {
    file: '上海市普陀区人民政府万里街道办事处23年预算.pdf',
    department: '上海市普陀区人民政府万里街道办事处',
    unit: null,
    year: 2023,
    kinds: ['BUDGET'],
    // pp. 15-18, 单位：元, whole 元 without decimals, a printed 0 where nothing is budgeted.
    table: '2023年部门支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['164,978,640', '99,406,297', '65,572,343'],
    codes: [
      ...['201', '20105', '2010506', '2010507', '20129', '2012902', '20132', '2013202', '20133', '2013302', '20134', '2013402', '20138', '2013802'],
      ...['204', '20406', '2040607', '20499', '2049999', '206', '20607', '2060702', '207', '20703', '2070308', '208', '20802', '2080206', '20805', '2080501', '2080502', '2080505', '2080506', '2080599'],
      ...['20807', '2080705', '20816', '2081602', '20825', '2082501', '20899', '2089999', '210', '21007', '2100717', '21011', '2101101', '2101102', '212', '21201', '2120101', '2120102', '2120104', '2120199'],
      ...['21203', '2120399', '21205', '2120501', '21299', '2129999', '221', '22102', '2210201', '2210203', '22103', '2210399'],
    ],
    // pp. 11-14 and 20-23.
    alsoPrinting: ['2023年部门收入预算总表', '2023年部门一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: [
      ['201', '一般公共服务支出', '2,976,800', '0', '2,976,800'],
      ['2010506', '统计管理', '26,300', '0', '26,300'],
      // The last line of p. 15, then the first of p. 16.
      ['2013802', '一般行政管理事务', '146,200', '0', '146,200'],
      ['204', '公共安全支出', '1,252,300', '0', '1,252,300'],
      // A 款 and its 项 printing the same name.
      ['20499', '其他公共安全支出', '1,102,300', '0', '1,102,300'],
      ['2049999', '其他公共安全支出', '1,102,300', '0', '1,102,300'],
      ['208', '社会保障和就业支出', '27,073,236', '18,285,736', '8,787,500'],
      ['2080502', '事业单位离退休', '52,080', '52,080', '0'],
      ['2089999', '其他社会保障和就业支出', '13,312,677', '11,434,477', '1,878,200'],
      ['2120199', '其他城乡社区管理事务支出', '49,927,105', '46,161,905', '3,765,200'],
      ['21203', '城乡社区公共设施', '7,750,000', '0', '7,750,000'],
      ['221', '住房保障支出', '8,960,694', '6,783,494', '2,177,200'],
      ['2210399', '其他城乡社区住宅支出', '2,177,200', '0', '2,177,200'],
    ],
    // p. 28, 单位:万元.
    threeCostsTable: '2023年部门“三公”经费和机关运行经费预算表',
    threeCosts: { page: 28, total: '22.91', abroad: '0', reception: '1.35', vehicles: '21.56', vehiclePurchase: '0', vehicleRunning: '21.56', running: '786.09' },
    // p. 6.
    prose: [
      ['财政拨款收入', '16497.86', '1421.25'],
      ['统计管理', '2.63'],
      ['专项普查活动', '60.13'],
      ['组织事务', '65.69'],
      ['宣传事务', '100.20'],
      ['统战事务', '9.00'],
    ],
    anomalies: [
      // p. 6 item 3: 11.67 → 45.41 万元 printed as 增加314.82% (it is 289.12%).
      ['PROSE_ARITHMETIC_MISMATCH', '11.67'],
      // p. 7 item 16: 职业年金 220.63万元, then 执行数132.59万元, 预算安排441.25万元, 增加60.54% (item 15's figures).
      ['PROSE_ARITHMETIC_MISMATCH', '132.59'],
      ['PROSE_TABLE_MISMATCH', '441.25'],
      // p. 35 (公共服务设施运行经费's target form): 年度资金申请总额 10,903,043.00, of which 当年财政拨款 11,419,043.00.
      ['PARENT_SUM_MISMATCH', '年度资金申请总额 1090.3043 万元'],
    ],
  },
  {
    file: '上海市普陀区人民政府万里街道办事处25年预算.pdf',
    department: '上海市普陀区人民政府万里街道办事处',
    unit: null,
    year: 2025,
    kinds: ['BUDGET'],
    // pp. 14-18, 单位：元; the 合计 row alone on p. 18.
    table: '2025年部门支出预算总表',
    tableUnit: '元',
    standardTables: 9,
    total: ['189,767,551', '101,341,746', '88,425,805'],
    codes: [
      ...['201', '20105', '2010507', '20129', '2012902', '20132', '2013202', '20133', '2013302', '20134', '2013402', '20138'],
      ...['2013802', '204', '20406', '2040607', '20499', '2049999', '205', '20599', '2059999', '206', '20607', '2060702', '207', '20703', '2070308', '208', '20805', '2080501'],
      ...['2080502', '2080505', '2080506', '2080599', '20807', '2080705', '20816', '2081602', '20825', '2082501', '20899', '2089999', '210', '21007', '2100717', '21011', '2101101', '2101102'],
      ...['212', '21201', '2120101', '2120102', '2120104', '2120199', '21203', '2120399', '21205', '2120501', '21299', '2129999', '221', '22102', '2210201', '2210203', '22103', '2210399'],
    ],
    // pp. 10-13 and 20-24.
    alsoPrinting: ['2025年部门收入预算总表', '2025年部门一般公共预算支出功能分类预算表'],
    sameTotals: 2,
    lines: [
      ['201', '一般公共服务支出', '3,296,600', '0', '3,296,600'],
      ['2010507', '专项普查活动', '438,300', '0', '438,300'],
      // The 款 ending p. 14 and its 项 opening p. 15.
      ['20138', '市场监督管理事务', '135,300', '0', '135,300'],
      ['2013802', '一般行政管理事务', '135,300', '0', '135,300'],
      ['205', '教育支出', '250,000', '0', '250,000'],
      ['2059999', '其他教育支出', '250,000', '0', '250,000'],
      ['208', '社会保障和就业支出', '16,091,895', '13,755,695', '2,336,200'],
      ['2080502', '事业单位离退休', '85,260', '85,260', '0'],
      ['2101102', '事业单位医疗', '1,548,033', '1,548,033', '0'],
      ['212', '城乡社区支出', '154,369,326', '77,381,546', '76,987,780'],
      ['2120101', '行政运行', '17,887,739', '17,737,739', '150,000'],
      ['21201', '城乡社区管理事务', '94,995,790', '77,381,546', '17,614,243'],
      // The last line, on p. 17; its 合计 on p. 18.
      ['2210399', '其他城乡社区住宅支出', '2,177,200', '0', '2,177,200'],
    ],
    // p. 29, 单位:万元.
    threeCostsTable: '2025年部门“三公”经费和机关运行经费预算表',
    threeCosts: { page: 29, total: '37.91', abroad: '0', reception: '1.35', vehicles: '36.56', vehiclePurchase: '15', vehicleRunning: '21.56', running: '464.64' },
    // p. 6.
    prose: [
      ['财政拨款收入', '18,976.76', '3,355.65'],
      ['专项普查活动', '43.83'],
      ['群众团体事务', '42.29'],
      ['组织事务', '107.50'],
      ['市场监督管理事务', '13.53'],
      ['其他公共安全支出', '257.80'],
    ],
    anomalies: [],
    roundingInfo: [
      // p. 17 (and the same rows of the 收入预算总表, p. 13, and the 一般公共预算支出功能分类预算表): 212 prints
      // 154,369,326, its 款 sum to 154,369,327; 21201 prints 94,995,790, its 项 (and 77,381,546 + 17,614,243) sum to 94,995,789.
      ...Array.from({ length: 3 }, (): [string, string] => ['PARENT_SUM_MISMATCH', '15436.9326']),
      ...Array.from({ length: 5 }, (): [string, string] => ['PARENT_SUM_MISMATCH', '9499.579']),
    ],
  },
  {
    file: '上海市普陀区财政局2024年度部门决算.pdf',
    department: '上海市普陀区财政局',
    unit: null,
    year: 2024,
    kinds: ['FINAL_ACCOUNTS'],
    // pp. 10-11, 单位：万元; 上缴上级支出, 经营支出, 对附属单位补助支出 blank throughout.
    table: '支出决算表',
    tableUnit: '万元',
    standardTables: 9,
    total: ['2,940.05', '2,336.91', '603.14'],
    codes: ['201', '20106', '2010601', '2010602', '2010607', '2010608', '208', '20805', '2080501', '2080505', '2080506', '2080599', '210', '21011', '2101101', '221', '22102', '2210201', '2210203'],
    // pp. 8-9 and 15.
    alsoPrinting: ['收入决算表', '一般公共预算财政拨款支出决算表'],
    sameTotals: 1,
    lines: [
      ['20106', '财政事务', '2,106.66', '1,503.52', '603.14'],
      ['2010601', '行政运行', '1,511.89', '1,503.52', '8.37'],
      ['2010602', '一般行政管理事务', '10.00', '', '10.00'],
      ['2010607', '信息化建设', '135.25', '', '135.25'],
      ['208', '社会保障和就业支出', '326.72', '326.72', ''],
      ['2080501', '行政单位离退休', '84.65', '84.65', ''],
      // Names wrapped over two lines in their cells, the second the last line of p. 10.
      ['2080505', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', ''],
      ['2080506', '机关事业单位职业年金缴费支出', '80.38', '80.38', ''],
      ['2080599', '其他行政事业单位养老支出', '0.94', '0.94', ''],
      ['210', '卫生健康支出', '60.99', '60.99', ''],
      ['22102', '住房改革支出', '445.69', '445.69', ''],
      ['2210201', '住房公积金', '187.19', '187.19', ''],
      ['2210203', '购房补贴', '258.50', '258.50', ''],
    ],
    // p. 18: 预算数 | 决算数 per item; only 合计 and 公务接待费 预算数 printed (0.95), everything else blank.
    threeCostsTable: '财政拨款“三公”经费支出决算表',
    threeCosts: { page: 18, total: '0.95', abroad: '', reception: '0.95', vehicles: '', vehiclePurchase: '', vehicleRunning: '' },
    // p. 21.
    prose: [
      ['收入支出总', '2995.39'],
      ['本年收入', '2946.25'],
      ['其他收入', '6.2'],
      ['基本支出', '2336.91'],
      ['项目支出', '603.14'],
      ['社会保障和就业支出', '326.72'],
      ['一般公共服务支出', '2106.66'],
    ],
    roundingInfo: [
      // p. 8: 合计 2,946.25, its 类 sum to 2,946.26; p. 10-11 and p. 15: 合计 2,940.05 | 2,336.91, the 类 2,940.06 | 2,336.92.
      ['TOTAL_SUM_MISMATCH', '2946.25'],
      ['TOTAL_SUM_MISMATCH', '2940.05'],
      ['TOTAL_SUM_MISMATCH', '2336.91'],
      ['TOTAL_SUM_MISMATCH', '2940.05'],
      ['TOTAL_SUM_MISMATCH', '2336.91'],
      // p. 16-17: 301 prints 2,082.85, its 款 sum to 2,082.86; 302 prints 171.07, its 款 sum to 171.09.
      ['PARENT_SUM_MISMATCH', '2082.85'],
      ['PARENT_SUM_MISMATCH', '171.07'],
    ],
    anomalies: [
      // p. 21: 一般公共服务支出（类）2106.66万元，占71.73% (of 2940.05: 71.65%).
      ['PROSE_ARITHMETIC_MISMATCH', '71.73%'],
      // p. 21: 财政拨款收入支出总计0.3万元; p. 12 prints 总计 2,961.68.
      ['PROSE_TABLE_MISMATCH', '0.3'],
      // p. 23: 人员经费 主要包括 … 个人农业生产补贴; p. 17 prints 303 10 个人农业生产补贴 blank and 303 09 奖励金 0.31.
      ['PROSE_TABLE_MISMATCH', 'names 个人农业生产补贴'],
    ],
  },
  {
    file: '24年普陀区财政局（测试问题版本）.pdf',
    department: '上海市普陀区财政局',
    unit: null,
    year: 2024,
    kinds: ['FINAL_ACCOUNTS'],
    // The planted copy prints no 支出决算表 (its 目录 lists it): its function lines of expenditure are
    // the 一般公共预算财政拨款支出决算表's, p. 12, 单位：万元, the same figures as the original's.
    table: '一般公共预算财政拨款支出决算表',
    tableUnit: '万元',
    standardTables: 8,
    total: ['2,940.05', '2,336.91', '603.14'],
    codes: ['201', '20106', '2010601', '2010602', '2010607', '2010608', '208', '20805', '2080501', '2080505', '2080506', '2080599', '210', '21011', '2101101', '221', '22102', '2210201', '2210203'],
    // pp. 8-9.
    alsoPrinting: ['收入决算表'],
    sameTotals: 0,
    lines: [
      ['201', '一般公共服务支出', '2,106.66', '1,503.52', '603.14'],
      ['2010601', '行政运行', '1,511.89', '1,503.52', '8.37'],
      ['2010608', '财政委托业务支出', '449.52', '', '449.52'],
      ['20805', '行政事业单位养老支出', '326.72', '326.72', ''],
      ['2080505', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', ''],
      ['2080506', '机关事业单位职业年金缴费支出', '80.38', '80.38', ''],
      ['21011', '行政事业单位医疗', '60.99', '60.99', ''],
      ['2101101', '行政单位医疗', '60.99', '60.99', ''],
      ['221', '住房保障支出', '445.69', '445.69', ''],
      ['2210201', '住房公积金', '187.19', '187.19', ''],
      ['2210203', '购房补贴', '258.50', '258.50', ''],
    ],
    // p. 15: the table printed with every cell blank (the planted error; the original prints 0.95).
    threeCostsTable: '财政拨款“三公”经费支出决算表',
    threeCosts: { page: 15, total: '', abroad: '', reception: '', vehicles: '', vehiclePurchase: '', vehicleRunning: '' },
    // p. 18.
    prose: [
      ['本年收入', '2946.25'],
      ['财政拨款收入', '2940.05'],
      ['本年支出', '2940.05'],
      ['基本支出', '2336.91'],
      ['项目支出', '603.14'],
      ['财政拨款收入支出总', '2961.68'],
    ],
    roundingInfo: [
      // As the original (pp. 8, 12, 13): the printed totals disagree with their rows by 0.01-0.02.
      ['TOTAL_SUM_MISMATCH', '2946.25'],
      ['TOTAL_SUM_MISMATCH', '2940.05'],
      ['TOTAL_SUM_MISMATCH', '2336.91'],
      ['PARENT_SUM_MISMATCH', '2082.85'],
      ['PARENT_SUM_MISMATCH', '171.07'],
    ],
    anomalies: [
      // p. 18: 2024年度收入支出总计0万元 … 减少56.95万元，下降1.87% (planted).
      ['PROSE_ARITHMETIC_MISMATCH', '56.95'],
      ['PROSE_TABLE_MISMATCH', '收入支出总计 0 万元'],
      // p. 20-21: 1560.05 → 1511.89 and 80.81 → 80.38 said 决算数大于预算数, 62.29 → 60.99 said 决算数等于预算数 (planted).
      ['PROSE_COMPARISON_MISMATCH', '1560.05'],
      ['PROSE_COMPARISON_MISMATCH', '80.81'],
      ['PROSE_COMPARISON_MISMATCH', '62.29'],
      // p. 19: 一般公共服务支出（类）2106.66万元，占71.73%, as the original.
      ['PROSE_ARITHMETIC_MISMATCH', '71.73%'],
      // p. 15 prints the 三公 table blank; p. 22 states 0.95 万元.
      ['PROSE_TABLE_MISMATCH', '0.95'],
      // p. 18: 第三部分上海市普陀区财政局2023年度部门决算情况说明; p. 24: 截至2023年12月31日.
      ['YEAR_MISMATCH', '2023年度部门决算情况说明'],
      ['YEAR_MISMATCH', '截至2023年12月31日'],
      // p. 2 (目录) lists 三、支出决算表; no page prints it.
      ['MISSING_TABLE', '三、支出决算表'],
      // p. 7: 第二部分 上海市普陀区XX局 2024 年度部门决算表.
      ['PLACEHOLDER_TEXT', 'XX局'],
      // p. 21: 人员经费 主要包括 … 个人农业生产补贴; p. 13 prints 303 10 个人农业生产补贴 blank and 303 09 奖励金 0.31, as the original.
      ['PROSE_TABLE_MISMATCH', 'names 个人农业生产补贴'],
    ],
  },
];

const docs = describeRealDocuments(DOCUMENTS);

describe('text a page clips is not read', () => {
  // 财政局 2025 pp. 7-8: the image of p. 7 ends with item 8 (其它行政事业单位养老支出 0.96万元), p. 8 starts
  // with item 9 (78.21万元); the PDF draws items 9-11 on p. 7 too and items 7-8 on p. 8, outside the
  // clip (pdftotext -bbox: p. 7 y 508-590, p. 8 y 3-50), so the text holds items 7-11 twice. Likewise
  // 司法局 2026 pp. 4-5 (主要职能 (六)-(十)). Read twice, each amount is stated twice and the text is
  // said to repeat itself (REPEATED_TEXT), which the pages do not. src/source/pdf/extract.ts drops the
  // text a page's clip hides.
  it('reads 住房公积金 204.91万元 and 购房补贴 268.77万元 once each (财政局 2025 p. 8), and no repeated text', () => {
    const d = docs.get('上海市普陀区财政局部门25年预算.pdf')!;
    const times = (amount: string) => d.proseAmounts.filter((p) => p.amount === printed(amount, '万元')).length;
    expect([times('204.91'), times('268.77')]).toEqual([1, 1]);
    expect(d.anomalies.filter((a) => a.kind === 'REPEATED_TEXT')).toEqual([]);
  });

  it('says no repeated text in 司法局 2026 (pp. 4-5 print 主要职能 (一)-(十) once)', () => {
    expect(docs.get('dept_budget.pdf')!.anomalies.filter((a) => a.kind === 'REPEATED_TEXT')).toEqual([]);
  });
});

describe('text a clip cuts through is said, not read', () => {
  // 司法局 2026 p. 4's foot: only the top of the first line of 主要职能 (八) shows, cut by the frame's
  // clip (y 468 pt, the line's glyphs 467-479); p. 5 prints (八) in full at its top. The reviewer's
  // checklist: 主要职能中部分文字未正常显示.
  it('says the line cut at 司法局 2026 p. 4’s foot, with its page and box, as TEXT_CUT and a diagnostic, both WARNING: its glyphs are not read', () => {
    const d = docs.get('dept_budget.pdf')!;
    const cut = d.anomalies.filter((a) => a.kind === 'TEXT_CUT');
    expect(cut.map((a) => a.severity)).toEqual(['WARNING']);
    expect(cut[0]!.message).toMatch(/^page 4: 60 character\(s\) printed partly outside the page's visible area \(its clip cuts them through, box 58,467-778,479 pt\), not read/);
    expect(d.diagnostics.filter((x) => x.code === 'TEXT_CUT_BY_CLIP').map((x) => x.level)).toEqual(['WARNING']);
  });

  it('reads (八) once, from p. 5: the cut glyphs are no content', async () => {
    const source = await readSource(readFileSync(`${REAL}/dept_budget.pdf`), 'dept_budget.pdf');
    expect(source.text.split('\n').filter((l) => l.includes('负责本系统警车管理工作')).map((_, i, all) => all.length)).toEqual([1]);
  });

  it('says each line a frame’s clip cuts in half, reading the glyphs whose centre shows (司法局 2026 单位预算 p. 6 “加。”, p. 7 “险支出增加。” and “加。”)', async () => {
    const source = await readSource(readFileSync(`${REAL}/unit_budget.pdf`), 'unit_budget.pdf');
    const cut = parseDocument(source.printed, 'unit_budget.pdf', source.notes).anomalies.filter((a) => a.kind === 'TEXT_CUT');
    expect(cut.map((a) => a.severity)).toEqual(['INFO', 'INFO', 'INFO']);
    expect(cut.map((a) => /^page (\d+): \d+ character\(s\) .*read as printed; the glyphs drawn there read “(.*)”$/.exec(a.message)?.slice(1))).toEqual([['6', '加。'], ['7', '险支出增加。'], ['7', '加。']]);
  });
});
