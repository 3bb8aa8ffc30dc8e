// What the reader says about reading a document is stored with it and served (issue #38 item 5):
// never a number read with doubt, or a row left out, without a word a user of the graph can see.
// Given 002 (data/002_94a530100b90bc43.txt): lines 168 and 169 print an amount (20,439.03;
// "20, 100. 00") with no project name beside it, and line 381 prints the 项目支出总表 run together
// on one line; 004 prints contact lines whose personal data is hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { startApi, type ApiFixture } from './helpers.js';

const TOKEN = 'diagnostics-token-0123456789';
const ID = '002_94a530100b90bc43';
let api: ApiFixture;
beforeAll(async () => {
  api = await startApi(TOKEN);
}, 180_000);
afterAll(async () => api?.stop());

type Seen = { level: string; code: string; original: string | null; source: { line: number; text: string } };

describe('Document.diagnostics', () => {
  it('serves the rows it could not place and the table it could not split, each with its line as printed', async () => {
    const res = await api.gql(`query($id: ID!) { document(id: $id) { diagnostics(level: WARNING) { level code original source { line text } } } }`, { id: ID });
    expect(res.errors).toBeUndefined();
    const warnings = res.data.document.diagnostics as Seen[];
    expect(warnings.map((w) => [w.code, w.source.line])).toEqual([
      ['PROJECT_NAME_MISSING', 168],
      ['PROJECT_NAME_MISSING', 169],
      ['FLATTENED_TABLE', 381],
    ]);
    expect(warnings[0]!.source.text).toContain('20,439.03');
    expect(warnings[1]!.original).toContain('20, 100. 00');
    expect(warnings[2]!.source.text).toMatch(/^项目支出总表/);
  });

  it('serves the INFO ones too (amounts repaired), and filters by level', async () => {
    const res = await api.gql(`query($id: ID!) { document(id: $id) { all: diagnostics { level code } info: diagnostics(level: INFO) { level } } }`, { id: ID });
    const all = res.data.document.all as Seen[];
    const info = res.data.document.info as Seen[];
    expect(all.filter((d) => d.code === 'AMOUNT_REPAIRED').length).toBeGreaterThan(0);
    expect(info.length + 3).toBe(all.length);
    expect(info.every((d) => d.level === 'INFO')).toBe(true);
  });

  it('holds no personal data where lines were hidden (004)', async () => {
    const res = await api.gql(`{ document(id: "004_977ad1fe0b13bb92") { diagnostics { code original source { text } } } }`);
    const all = res.data.document.diagnostics as Seen[];
    expect(all.length).toBeGreaterThan(0);
    for (const d of all) expect(`${d.source.text ?? ''} ${d.original ?? ''}`).not.toMatch(/1[3-9]\d{9}|\d{3,4}-\d{7,8}/);
  });

  it('comes back in the ingest result too', async () => {
    const text = readFileSync(join(projectRoot, 'data', `${ID}.txt`), 'utf8') + '\n';
    const res = await api.gql(`mutation($t: String!) { ingest(name: "${ID}.txt", text: $t, replace: true) { status diagnostics { level code source { line } } } }`, { t: text }, { authorization: `Bearer ${TOKEN}` });
    expect(res.errors).toBeUndefined();
    expect(res.data.ingest.status).toBe('REPLACED');
    const warnings = (res.data.ingest.diagnostics as Seen[]).filter((d) => d.level === 'WARNING');
    expect(warnings.map((w) => w.source.line)).toEqual([168, 169, 381]);
  });
});
