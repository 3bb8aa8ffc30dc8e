// Names the generated documents use: real districts, bureaus, 功能分类 codes and project names of
// the kind these families print. Facts (amounts, which project where) are generated, not copied.

export const DISTRICTS = ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区', '坪山区', '光明区', '大鹏新区'] as const;

export const BUREAUS = [
  { name: '政务服务数据管理局', unit: '大数据中心' },
  { name: '发展和改革局', unit: '价格监测中心' },
  { name: '教育局', unit: '教育信息中心' },
  { name: '科技创新局', unit: '科技服务中心' },
  { name: '民政局', unit: '社会福利中心' },
  { name: '司法局', unit: '公共法律服务中心' },
  { name: '人力资源局', unit: '就业服务中心' },
  { name: '文化广电旅游体育局', unit: '文化馆' },
  { name: '卫生健康局', unit: '卫生监督所' },
  { name: '应急管理局', unit: '应急指挥中心' },
  { name: '城市管理和综合执法局', unit: '环境卫生管理处' },
  { name: '统计局', unit: '统计调查队' },
] as const;

/** 项 codes under their 款 and 类, with names as the classification prints them. */
export const FUNCTION_TREE: { code: string; name: string; children: { code: string; name: string; children: { code: string; name: string; kind: 'basic' | 'project' | 'mixed' }[] }[] }[] = [
  {
    code: '201',
    name: '一般公共服务支出',
    children: [
      {
        code: '20103',
        name: '政府办公厅（室）及相关机构事务',
        children: [
          { code: '2010301', name: '行政运行', kind: 'basic' },
          { code: '2010302', name: '一般行政管理事务', kind: 'project' },
          { code: '2010350', name: '事业运行', kind: 'mixed' },
        ],
      },
      {
        code: '20105',
        name: '统计信息事务',
        children: [
          { code: '2010502', name: '一般行政管理事务', kind: 'project' },
          { code: '2010504', name: '信息事务', kind: 'project' },
        ],
      },
      {
        code: '20137',
        name: '网信事务',
        children: [
          { code: '2013701', name: '行政运行', kind: 'basic' },
          { code: '2013799', name: '其他网信事务支出', kind: 'project' },
        ],
      },
    ],
  },
  {
    code: '208',
    name: '社会保障和就业支出',
    children: [
      {
        code: '20805',
        name: '行政事业单位养老支出',
        children: [
          { code: '2080505', name: '机关事业单位基本养老保险缴费支出', kind: 'basic' },
          { code: '2080506', name: '机关事业单位职业年金缴费支出', kind: 'basic' },
        ],
      },
    ],
  },
  {
    code: '210',
    name: '卫生健康支出',
    children: [{ code: '21011', name: '行政事业单位医疗', children: [{ code: '2101101', name: '行政单位医疗', kind: 'basic' }] }],
  },
  {
    code: '221',
    name: '住房保障支出',
    children: [{ code: '22102', name: '住房改革支出', children: [{ code: '2210201', name: '住房公积金', kind: 'basic' }] }],
  },
];

export const PROJECT_STEMS = [
  '信息安全服务',
  '政务系统管理',
  '基础技术平台运营',
  '网络设备运维管理',
  '智慧城市项目运营管理',
  '办公设备购置',
  '办公楼修缮',
  '耗材及资料印刷',
  '12345公开电话热线事务',
  '政务服务管理',
  '数据资源管理',
  '电子政务外网运维',
  '视频资源管理平台',
  '档案数字化',
  '政务云服务',
  '网络安全等级保护测评',
  '大厅综合服务',
  '党建工作经费',
  '宣传推广经费',
  '业务培训',
] as const;

export const INDICATORS = [
  ['产出指标', '数量指标', '完成系统运维数量', '≥10个', '12个'],
  ['产出指标', '质量指标', '系统正常运行率', '≥99%', '99.5%'],
  ['产出指标', '时效指标', '故障响应时间', '≤2小时', '1小时'],
  ['效益指标', '社会效益指标', '服务对象覆盖率', '100%', '100%'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '95%'],
] as const;
