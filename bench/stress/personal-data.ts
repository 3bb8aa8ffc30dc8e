// The personal-data probe of issue 35 (item 1) for npm run stress's abuse part: documents that
// print made-up people and numbers in every label form (spaced labels, qualifiers, a colon or
// none, a value in the next cell, a column of values, values with no label at all) are ingested
// through the API, then everything a client can read is searched for them: every window of each
// document's text, search, the graph view of every node a search finds, and an export of the
// document's figures. Leaks are counted per form.
// Alone: tsx bench/stress/personal-data.ts --url=http://127.0.0.1:4000/graphql --token=… [--documents=20]

import { Random } from '../corpus/random.js';

export interface PersonalDataProbe {
  documents: number;
  /** Personal values printed across the documents. */
  values: number;
  /** Of them, found in anything the API served, by the form they were printed in. */
  leaked: Record<string, number>;
  /** Requests that read the documents back (text windows, search, graph, export). */
  reads: number;
  ms: number;
}

type Rng = () => number;
/** The bench corpus's seeded generator (mulberry32): the same documents on every run. */
function rng(seed: number): Rng {
  const random = new Random(seed);
  return () => random.next();
}
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Rng, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建飞琳晶宇浩凯健俊帆帅旭宁欣悦婷雪琪佳怡梓睿轩涵'];
const NAME_LABELS = ['填报人', '填表人', '联系人', '经办人', '经办人员', '负责人', '项目负责人', '单位负责人', '财务负责人', '制表人', '审核人'];
const PHONE_LABELS = ['联系电话', '电话', '办公电话', '手机', '手机号码', '传真', '联系方式', '移动电话'];

/** An 18-digit ID number with a valid check digit (GB 11643). */
function idNumber(r: Rng): string {
  const body = `${1 + Math.floor(r() * 8)}${digits(r, 5)}19${10 + Math.floor(r() * 89)}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}${digits(r, 3)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

interface Printed {
  form: string;
  value: string;
  line: string;
}

/** One personal value in one printed form. */
function printed(r: Rng, n: number): Printed {
  const name = pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.5 ? pick(r, GIVEN) : '');
  const label = pick(r, NAME_LABELS);
  const spaced = (l: string) => (r() < 0.3 ? [...l].join(' ') : l);
  const landline = `0${pick(r, ['21', '10', '755', '571'])}-${digits(r, 8)}`;
  const mobile = `1${pick(r, ['3', '5', '8', '9'])}${digits(r, 9)}`;
  switch (n % 9) {
    case 0: return { form: 'label：name', value: name, line: `${spaced(label)}${pick(r, ['：', ':', ' ：'])}${name}` };
    case 1: return { form: 'label name (no colon)', value: name, line: `${spaced(label)} ${name}` };
    case 2: return { form: 'label cell, name cell', value: name, line: `${label}\t${r() < 0.5 ? '\t' : ''}${name}\t\t` };
    case 3: return { form: 'phone label（qualifier）：number', value: landline, line: `${spaced(pick(r, PHONE_LABELS))}${pick(r, ['（座机）', '(办公)', ''])}：${landline}` };
    case 4: return { form: 'phone label cell, number cell', value: mobile, line: `${pick(r, PHONE_LABELS)}\t${mobile}` };
    case 5: return { form: 'phone label number (no colon)', value: digits(r, 8), line: '' };
    case 6: return { form: 'e-mail in prose', value: `${name.length}x${digits(r, 4)}@example.gov.cn`, line: '' };
    case 7: return { form: 'ID number', value: idNumber(r), line: '' };
    default: return { form: 'mobile in prose', value: mobile, line: `如有疑问请致电 ${mobile} 咨询` };
  }
}

function fill(p: Printed, r: Rng): Printed {
  if (p.line) return p;
  if (p.form === 'phone label number (no colon)') return { ...p, line: `${pick(r, PHONE_LABELS)} ${p.value}` };
  if (p.form === 'e-mail in prose') return { ...p, line: `材料请发送至 ${p.value}，逾期不受理` };
  return { ...p, line: `${pick(r, ['身份证号：', '身份证号码 ', '申请人证件 '])}${p.value}` };
}

/** A budget document (a 部门收支总表, which the parser takes) with personal values among its lines. */
function document(r: Rng, k: number, values: Printed[]): string {
  const lines = [`深圳市压力测试${k}局2024年部门预算`, '一、部门收支总表', '单位：万元', '项目\t预算数', `一般公共预算拨款\t${(100 + k).toFixed(2)}`, `收入合计\t${(100 + k).toFixed(2)}`, ''];
  // A table with a column of personal values under its header.
  const columnName = pick(r, SURNAMES) + pick(r, GIVEN) + pick(r, GIVEN);
  values.push({ form: 'column under a header cell', value: columnName, line: '' });
  lines.push('项目名称\t项目负责人\t金额', `社区服务${k}\t${columnName}\t12.50`, '');
  for (const v of values) if (v.line) lines.push(v.line);
  return lines.join('\n');
}

async function gql(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; text: string; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
}

export async function personalDataProbe(url: string, token: string, log: (s: string) => void, documents = 20): Promise<PersonalDataProbe> {
  const t0 = Date.now();
  const r = rng(35);
  const auth = { authorization: `Bearer ${token}` };
  const leaked: Record<string, number> = {};
  let values = 0;
  let reads = 0;
  for (let k = 0; k < documents; k++) {
    const printedValues = Array.from({ length: 18 }, (_, n) => fill(printed(r, n), r));
    const text = document(r, k, printedValues);
    const name = `stress-personal-${k}.txt`;
    const ingest = await gql(url, 'mutation($name: String!, $text: String!) { ingest(name: $name, text: $text, replace: true) { status } }', { name, text }, auth);
    if (ingest.body.errors) throw new Error(`personal-data probe: ${name} not ingested: ${ingest.text.slice(0, 300)}`);
    values += printedValues.length;
    // Everything a client can read of it.
    const served: string[] = [];
    const list = await gql(url, '{ documents(first: 100) { nodes { id file } } }', {});
    const docId: string | undefined = list.body.data.documents.nodes.find((d: { file: string }) => d.file === name)?.id;
    if (!docId) throw new Error(`personal-data probe: ${name} not listed after its ingest`);
    served.push((await gql(url, 'query($id: ID!) { document(id: $id) { text(from: 1, to: 400) { lines { text } } figures { item column value } } }', { id: docId })).text);
    const exportUrl = `${url.replace(/\/graphql$/, '')}/export?format=csv&query=${encodeURIComponent(`{ document(id: "${docId}") { figures { item column value } } }`)}`;
    served.push(await (await fetch(exportUrl, { headers: { 'apollo-require-preflight': '1' } })).text());
    reads += 2;
    for (const v of printedValues) {
      const found = await gql(url, 'query($t: String!) { search(text: $t, first: 10) { id } }', { t: v.value });
      served.push(found.text);
      reads++;
      for (const hit of found.body.data?.search ?? []) {
        served.push((await gql(url, 'query($id: ID!) { graphNode(id: $id) { properties } }', { id: hit.id })).text);
        reads++;
      }
    }
    const all = served.join('\n');
    for (const v of printedValues) if (all.includes(v.value)) leaked[v.form] = (leaked[v.form] ?? 0) + 1;
    await gql(url, 'mutation($name: String!) { removeDocument(name: $name) }', { name }, auth);
  }
  const total = Object.values(leaked).reduce((a, b) => a + b, 0);
  log(`personal data: ${values} values in ${documents} documents, ${total} leaked, ${reads} reads`);
  return { documents, values, leaked, reads, ms: Date.now() - t0 };
}

export function personalDataReport(p: PersonalDataProbe | undefined): string[] {
  if (!p) return [];
  const leaks = Object.entries(p.leaked);
  return [
    '',
    '### Personal data (issue 35)',
    '',
    `${p.documents} documents printing ${p.values} made-up names, numbers, e-mail addresses and ID numbers in nine label forms and a column under a header cell, ingested through the API, then read back through ${p.reads} requests (text windows, figures, search, the graph view of every hit, a CSV export), ${(p.ms / 1000).toFixed(1)} s. Expected: none found.`,
    '',
    leaks.length ? leaks.map(([form, n]) => `- leaked, ${form}: ${n}`).join('\n') : '- leaked: 0',
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const url = arg('url') ?? 'http://127.0.0.1:4000/graphql';
  const probe = await personalDataProbe(url, arg('token') ?? process.env.BUDGET_GRAPH_TOKEN ?? '', (s) => console.error(s), Number(arg('documents') ?? 20));
  console.log(personalDataReport(probe).join('\n'));
}
