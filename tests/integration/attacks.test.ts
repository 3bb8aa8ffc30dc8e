// Attacks on the running service (issue 24), each with the answer it must get while /healthz keeps
// answering: oversized chunked bodies on every entry point, personal data through the text and the
// graph view, an export emptied by the cache, amplification through one variable, foreign Host
// headers, deep variables, subscriptions and mismatched persisted-query hashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { connect as tcpConnect, type Socket } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { QueryRunner } from '../../src/db/run.js';
import { loadDocument } from '../../src/load/loader.js';
import type { BudgetGraphError } from '../../src/errors.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { startHttpServer } from '../../src/api/http-server.js';
import { startApi, type ApiFixture } from './helpers.js';
import { readSource } from '../../src/source/index.js';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApi('attacks-token-0123456789');
});
afterAll(async () => api?.stop());

const base = () => api.server.url.replace(/\/graphql$/, '');
const health = async () => (await fetch(`${base()}/healthz`)).status;

/** A POST whose body is streamed in chunks (no content-length), as the crash report sent it. */
function chunkedPost(path: string, bytes: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  }).catch((err: NodeJS.ErrnoException) => ({ status: -1, body: err.code ?? String(err) })) as Promise<{ status: number; body: string }>;
}

describe('a body over the limit, on every entry point', () => {
  it('is a 413 PAYLOAD_TOO_LARGE on /graphql and /export, chunked or declared, and the process keeps answering', async () => {
    for (const path of ['/graphql', '/export']) {
      const chunked = await chunkedPost(path, 3 * 1024 * 1024);
      // The client may see the answer or, having sent on after it, a reset: never a dead server.
      if (chunked.status !== -1) {
        expect(chunked.status).toBe(413);
        expect(JSON.parse(chunked.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      }
      const declared = await fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024 + 1) });
      expect(declared.status).toBe(413);
      expect(await health()).toBe(200);
    }
  });

  it('is refused without reading on the explorer, the query editor and static files', async () => {
    for (const path of ['/', '/graphiql', '/index.html', '/nothing.js']) {
      const res = await chunkedPost(path, 3 * 1024 * 1024, { 'content-type': 'text/plain' });
      if (res.status !== -1) expect(res.status).toBe(405);
      expect(await health()).toBe(200);
    }
  });

  it('a request target that is not a URL is a 400, not an exception', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = tcpConnect(api.server.port, '127.0.0.1', () => socket.write('GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
      let text = '';
      socket.on('data', (c) => {
        text += c.toString();
        if (text.includes('\r\n\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(await health()).toBe(200);
  });
});

describe('personal data never leaves', () => {
  // A form that prints personal data in the forms issue #35 found served (a LibreOffice PDF; its
  // text layer read by pdf.js), ingested as the PDF itself beside the bundled documents for the
  // crawl below, so that its lines have pages and cells (Source.page / box / cells, #39).
  const formFile = 'personal-data-form.pdf';
  let formText = '';
  beforeAll(async () => {
    const pdf = readFileSync(join(projectRoot, 'tests', 'fixtures', formFile));
    formText = (await readSource(pdf, formFile)).text;
    const res = await fetch(`${base()}/ingest?name=${formFile}`, { method: 'POST', headers: { 'content-type': 'application/pdf', authorization: 'Bearer attacks-token-0123456789' }, body: pdf });
    expect(res.status, await res.clone().text()).toBe(200);
  });
  afterAll(async () => {
    await api.gql('mutation($name: String!) { removeDocument(name: $name) }', { name: formFile }, { authorization: 'Bearer attacks-token-0123456789' });
  });

  // Values printed after the labels, read here from the raw texts (a finder of its own, not the
  // redactor's rules), to be searched for everywhere; plus values personal by their shape.
  const LABELS = /^(?:填报人|填表人|制表人|联系人|经办人员|经办人|项目负责人|单位负责人|财务负责人|负责人|联系电话|办公电话|电话|手机号码|手机|传真|联系方式|电子邮箱|邮箱|身份证号)\s*(?:（[^）]*）)?\s*[:：]?\s*(.*)$/;
  const valuesOf = (text: string) => {
    const values = new Set<string>();
    for (const line of text.split('\n')) {
      const cells = line.split('\t').map((c) => c.trim());
      cells.forEach((c, i) => {
        // A label printed with spaces between its characters (联 系 人) reads as the label.
        const m = LABELS.exec(c.replace(/^(?:[\u4e00-\u9fff] )+[\u4e00-\u9fff](?=\s*[:：]|$)/, (w) => w.replace(/ /g, '')));
        const v = m ? m[1] || cells.slice(i + 1).find((x) => x !== '') : undefined;
        if (v) for (const part of v.split(/[、,，\s]+/)) if (part.length >= 2 && !LABELS.test(part)) values.add(part);
      });
    }
    return values;
  };
  const personal = (() => {
    const values = new Set<string>();
    for (const f of readdirSync(join(projectRoot, 'data')).filter((x) => x.endsWith('.txt'))) for (const v of valuesOf(readFileSync(join(projectRoot, 'data', f), 'utf8'))) values.add(v);
    return [...values];
  })();
  const SHAPES = [/(?<!\d)1[3-9]\d{9}(?!\d)/, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]/, /(?<!\d)\d{17}[\dXx](?!\d)/, /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/];
  const leaks = (text: string) => [...personal, ...valuesOf(formText)].filter((v) => text.includes(v)).concat(SHAPES.flatMap((re) => re.exec(text)?.[0] ?? []));

  it('the form prints them in every form (a check of the check): names, numbers, an e-mail, an ID number', () => {
    const found = valuesOf(formText);
    for (const v of ['尚明芳', '柳如烟', '江小白', '龙傲天', '林黛玉', '薛宝钗', '13800138000', '11010519491231002X']) expect(found.has(v), v).toBe(true);
    expect(SHAPES.filter((re) => re.test(formText))).toHaveLength(4);
    // 004 line 2493, served before #35: 项目负责人 and a name.
    expect(personal).toContain('尚明芳');
  });

  it('the bundled documents print some', () => {
    expect(personal.length).toBeGreaterThan(15);
  });

  it('not in any node or relationship of the graph', async () => {
    const rec = (await new QueryRunner(api.db).read('test-graph-fingerprint')).records[0]!;
    // Every stored string but identifiers and amounts: an amount in fen (a JSON map of them is
    // stored as a string) or a content hash can hold eleven digits in a row without being a
    // mobile number, so the shapes are looked for in text; the printed values everywhere.
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (/^[{[]/.test(v)) {
          try {
            return walk(JSON.parse(v));
          } catch {
            /* text that starts with a bracket */
          }
        }
        if (!/^[\w:|.\-]+$/.test(v)) strings.push(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(JSON.stringify([rec.get('nodes'), rec.get('relationships')], (_k, v) => (typeof v === 'bigint' ? String(v) : v))));
    expect(leaks(strings.join('\n'))).toEqual([]);
    const everything = JSON.stringify([rec.get('nodes'), rec.get('relationships')], (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    expect([...personal, ...valuesOf(formText)].filter((v) => everything.includes(v))).toEqual([]);
  });

  it('not in any window of any document’s text, nor in an export of every document’s lines', async () => {
    const docs = (await api.gql('{ documents(first: 100) { nodes { id text(from: 1, to: 1) { lineCount } } } }')).data.documents.nodes;
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      for (let from = 1; from <= d.text.lineCount; from += 400) {
        const res = await api.gql(`{ document(id: "${d.id}") { text(from: ${from}, to: ${from + 399}) { lines { line text } } } }`);
        expect(leaks(JSON.stringify(res.data))).toEqual([]);
      }
      // What the reader says about each line (the cell as printed, the line) and whose document it is.
      const said = await api.gql(`{ document(id: "${d.id}") { departmentPrinted unitPrinted publisherSource { text } diagnostics { message original source { text } } } }`);
      expect(said.errors).toBeUndefined();
      expect(leaks(JSON.stringify(said.data))).toEqual([]);
      const csv = await (await fetch(`${base()}/export?format=csv&query=${encodeURIComponent(`{ document(id: "${d.id}") { figures { item value column } } }`)}`, { headers: { 'apollo-require-preflight': '1' } })).text();
      expect(leaks(csv)).toEqual([]);
    }
  });

  // Every field the API serves, asked of every fact of every document and of every list the API
  // pages through: the selection is built from the schema itself (introspection), so a field added
  // later is crawled too — among them Source.cells { text } (#39: each cell's text as printed) on
  // every fact kind that has a source.
  type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
  type IField = { name: string; args: { name: string; type: TypeRef; defaultValue: string | null }[]; type: TypeRef };
  type IType = { kind: string; name: string; fields: IField[] | null; possibleTypes: { name: string }[] | null };
  const named = (t: TypeRef): string => (t.ofType ? named(t.ofType) : t.name!);
  const needsArgs = (f: IField) => f.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null);
  /** Every field reachable from `type` that needs no argument, `depth` objects deep, no type twice on a path (and no Document: each is crawled from its root); `reached`: the types asked. */
  function selection(types: Map<string, IType>, type: string, depth: number, path: string[], reached: Set<string>): string {
    const t = types.get(type)!;
    reached.add(type);
    if (t.possibleTypes) return `__typename ${t.possibleTypes.map((p) => `... on ${p.name} { ${selection(types, p.name, depth, path, reached) || '__typename'} }`).join(' ')}`;
    const parts: string[] = [];
    for (const f of t.fields ?? []) {
      if (needsArgs(f)) continue;
      const of = named(f.type);
      const kind = types.get(of)!.kind;
      if (kind === 'SCALAR' || kind === 'ENUM') parts.push(f.name);
      else if (depth > 0 && !path.includes(of) && of !== 'Document') {
        const sub = selection(types, of, depth - 1, [...path, of], reached);
        if (sub) parts.push(`${f.name} { ${sub} }`);
      }
    }
    return parts.join(' ');
  }
  const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

  it('not in any field of any fact, its source’s cells included, nor in any list the API pages through', async () => {
    const intro = await api.gql(`{ __schema { types { kind name possibleTypes { name } fields { name args { name defaultValue type { ${typeRef} } } type { ${typeRef} } } } } }`);
    expect(intro.errors).toBeUndefined();
    const types = new Map<string, IType>(intro.data.__schema.types.map((t: IType) => [t.name, t]));
    const reached = new Set<string>(['Document']);
    const asked: string[] = [];
    const isLeaf = (type: string) => ['SCALAR', 'ENUM'].includes(types.get(type)!.kind);
    const ask = async (query: string, answered?: { errors?: unknown; data?: any }): Promise<any> => {
      const res = answered ?? (await api.gql(query));
      expect(res.errors, query.slice(0, 300)).toBeUndefined();
      asked.push(JSON.stringify(res.data));
      expect(leaks(JSON.stringify(res.data)), query.slice(0, 300)).toEqual([]);
      return res.data;
    };
    /** `wrap(selection)` of `type`; over the cost limit, asked again object field by object field. */
    const crawl = async (wrap: (sel: string) => string, type: string, depth: number, path: string[]): Promise<void> => {
      const query = wrap(selection(types, type, depth, path, reached));
      const whole = await api.gql(query);
      if (whole.errors?.[0]?.extensions?.code !== 'QUERY_TOO_COMPLEX' || types.get(type)!.possibleTypes) return void (await ask(query, whole));
      const fields = types.get(type)!.fields!.filter((f) => !needsArgs(f));
      const leaves = fields.filter((f) => isLeaf(named(f.type))).map((f) => f.name).join(' ');
      await ask(wrap(leaves));
      for (const f of fields) {
        const of = named(f.type);
        if (!isLeaf(of) && depth > 0 && !path.includes(of) && of !== 'Document') await crawl((sel) => wrap(`${f.name} { ${sel} }`), of, depth - 1, [...path, of]);
      }
    };
    // Each document, field by field.
    const docs = (await api.gql('{ documents(first: 100) { nodes { id year department { name } functionLines { code } } } }')).data.documents.nodes as { id: string; year: number; department: { name: string }; functionLines: { code: string }[] }[];
    expect(docs.filter((d) => d.id.includes('personal-data-form'))).toHaveLength(1);
    for (const d of docs)
      for (const f of types.get('Document')!.fields!) {
        if (needsArgs(f)) continue; // text(from, to): crawled window by window above
        const of = named(f.type);
        if (isLeaf(of)) await ask(`{ document(id: "${d.id}") { ${f.name} } }`);
        else await crawl((sel) => `{ document(id: "${d.id}") { ${f.name} { ${sel} } } }`, of, 2, ['Document', of]);
      }
    // Every list of the root that needs no argument, page after page.
    const paged = async (field: string, args: string, type: string) => {
      const sel = selection(types, type, 2, ['Query', type], reached).replace(/\bpageInfo \{[^}]*\}/, '');
      let after: string | null = null;
      const nodes: { id?: string }[] = [];
      do {
        const data = await ask(`{ r: ${field}(${args}first: 100${after ? `, after: "${after}"` : ''}) { ${sel} pageInfo { hasNextPage endCursor } } }`);
        nodes.push(...(data.r.nodes ?? []));
        after = data.r.pageInfo.hasNextPage ? data.r.pageInfo.endCursor : null;
      } while (after);
      return nodes;
    };
    let projectIds: string[] = [];
    for (const f of types.get('Query')!.fields!) {
      const of = named(f.type);
      if (needsArgs(f) || isLeaf(of)) continue;
      if (!f.args.some((a) => a.name === 'after')) await crawl((sel) => `{ r: ${f.name} { ${sel} } }`, of, 2, ['Query', of]);
      else {
        const nodes = await paged(f.name, '', of);
        if (f.name === 'projects') projectIds = nodes.map((n) => n.id!);
      }
    }
    // And those that need one: each document's money trail, each project's lineage, each 类's
    // code feeds, every aggregate measure by unit.
    const rootOf = (name: string) => named(types.get('Query')!.fields!.find((f) => f.name === name)!.type);
    for (const d of docs) await crawl((sel) => `{ r: moneyTrail(department: "${d.department.name}", year: ${d.year}) { ${sel} } }`, rootOf('moneyTrail'), 3, ['Query']);
    expect(projectIds.length).toBeGreaterThan(0);
    for (const id of projectIds) await crawl((sel) => `{ r: lineage(projectId: "${id}") { ${sel} steps { ${selection(types, 'LineageStep', 2, ['LineageStep'], reached)} } } }`, rootOf('lineage'), 1, ['Query', 'Lineage']);
    for (const code of new Set(docs.flatMap((d) => d.functionLines.map((l) => l.code.slice(0, 3))))) await paged('codeFeeds', `code: "${code}", includeDescendants: true, `, rootOf('codeFeeds'));
    for (const measure of ['TOTAL', 'BASIC', 'PROJECT', 'ACTUAL', 'AS_PRINTED']) await crawl((sel) => `{ r: aggregate(measure: ${measure}, groupBy: [UNIT]) { ${sel} } }`, rootOf('aggregate'), 2, ['Query']);
    // Every type that carries a Source was asked for, and with it each cell's text.
    const withSource = [...types.values()].filter((t) => t.fields?.some((f) => named(f.type) === 'Source')).map((t) => t.name);
    expect(withSource.length).toBeGreaterThan(20);
    expect(withSource.filter((t) => !reached.has(t))).toEqual([]);
    expect(selection(types, 'Source', 1, ['Source'], new Set())).toMatch(/\bcells \{[^}]*\btext\b/);
    // A check of the check: the form's facts came back with their cells' texts, and the lines
    // where it prints personal data with theirs (the cells of its diagnostics' lines).
    const all = asked.join('\n');
    expect(all).toMatch(/"cells":\[\{[^\]]*"text":"1,234\.56"/);
    console.log(`personal-data crawl: ${asked.length} answers, ${(all.length / 1024 / 1024).toFixed(1)} MiB, ${reached.size} types`);
  }, 900_000);

  it('the stored text is no neighbour of its document', async () => {
    const doc = (await api.gql('{ documents(first: 1) { nodes { id } } }')).data.documents.nodes[0];
    const res = await api.gql(`{ neighbours(id: "${doc.id}", first: 100) { nodes { id kind } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.neighbours.nodes.map((n: { id: string }) => n.id).filter((id: string) => /undefined|DocumentText/.test(id))).toEqual([]);
  });
});

describe('the export', () => {
  const exportUrl = (q: string) => `${base()}/export?format=csv&query=${encodeURIComponent(q)}`;
  it('reads the same rows three times over, whether the answer came from the cache or not', async () => {
    api.server.cache!.invalidate();
    const q = '{ document(id: "000_5c682a4da5e2a113") { figures { id value } } }';
    const docId = (await api.gql('{ documents(first: 1) { nodes { id } } }')).data.documents.nodes[0].id;
    const query = q.replace('000_5c682a4da5e2a113', docId);
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) runs.push(await (await fetch(exportUrl(query), { headers: { 'apollo-require-preflight': '1' } })).text());
    expect(runs[0]!.split('\r\n').length).toBeGreaterThan(10);
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  it('takes the CSRF rule of /graphql: a bare GET or a form POST is a 400 BAD_REQUEST that says what to send', async () => {
    const get = await fetch(exportUrl('{ documents { nodes { file } } }'));
    expect(get.status).toBe(400);
    const body = (await get.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).toMatch(/apollo-require-preflight/);
    const form = await fetch(`${base()}/export`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ documents { nodes { file } } }' }) });
    expect(form.status).toBe(400);
    const json = await fetch(`${base()}/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ documents { nodes { file } } }' }) });
    expect(json.status).toBe(200);
  });
});

describe('requests that cost more than they look', () => {
  it('the largest filter reused by 30 aliases through one variable is refused before it runs, health answering meanwhile', async () => {
    const f = { or: Array.from({ length: 64 }, (_, i) => ({ and: Array.from({ length: 32 }, (_, j) => ({ departmentIn: Array.from({ length: 100 }, (_, k) => `d${k}`) })) })) };
    const query = `query($f: ProjectFilter) { ${Array.from({ length: 30 }, (_, i) => `a${i}: projects(first: 1, filter: $f) { totalCount }`).join(' ')} }`;
    const [res, h] = await Promise.all([
      fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { f } }) }),
      new Promise<number>((r) => setTimeout(() => void health().then(r), 20)),
    ]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(h).toBe(200);
  });

  it('variables nested 5,000 deep are a 400 BAD_USER_INPUT with a request id', async () => {
    let body = '{"year":2020}';
    for (let i = 0; i < 5000; i++) body = `{"and":[${body}]}`;
    const res = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"query($f: ProjectFilter) { projects(filter: $f) { totalCount } }","variables":{"f":${body}}}` });
    expect(res.status).toBe(400);
    const json = (await res.json()) as any;
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a subscription, and a persisted query whose hash is not its query’s, are 400 BAD_REQUEST with what to do', async () => {
    const sub = await api.gql('subscription { x }');
    expect(sub.status).toBe(400);
    expect(sub.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const res = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ documents { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }) });
    expect(res.status).toBe(400);
    const json = (await res.json()) as any;
    expect(json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(json.errors[0].message).toMatch(/SHA-256/);
  });
});

describe('who may connect', () => {
  it('a Host header naming another site is refused (DNS rebinding); loopback and IP literals answer', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request(`${base()}/healthz`, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await status('attacker.example')).toBe(421);
    expect(await status(`localhost:${api.server.port}`)).toBe(200);
    expect(await status(`127.0.0.1:${api.server.port}`)).toBe(200);
  });

  it('one client cannot hold more connections than its cap; others still get in', async () => {
    const server = await startHttpServer({ db: api.db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined, connectionCaps: { total: 100, perClient: 5 } });
    const sockets: Socket[] = [];
    try {
      const open = await Promise.all(
        Array.from({ length: 12 }, () =>
          new Promise<boolean>((resolve) => {
            const s = tcpConnect(server.port, '127.0.0.1');
            sockets.push(s);
            s.on('error', () => resolve(false));
            s.on('close', () => resolve(false));
            s.on('connect', () => setTimeout(() => resolve(!s.destroyed), 300));
          }),
        ),
      );
      expect(open.filter(Boolean).length).toBe(5);
    } finally {
      for (const s of sockets) s.destroy();
      await server.stop();
    }
  });
});

describe('a disk without room for a load', () => {
  it('refuses the document before Neo4j sees it (SERVICE_UNAVAILABLE, DISK_FULL), writes nothing and keeps answering', async () => {
    const before = await api.gql(`{ documents { totalCount } }`);
    // The embedded store's disk as a full one reports it: 100 KiB free.
    const full = new QueryRunner({ ...api.db, freeBytes: () => 100 * 1024 });
    const text = readFileSync(join(projectRoot, 'data', '004_977ad1fe0b13bb92.txt'), 'utf8');
    const refused = await loadDocument(full, 'disk-full.txt', text, { replace: true }).then(
      () => null,
      (err: BudgetGraphError) => err,
    );
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'DISK_FULL', file: 'disk-full.txt' } });
    expect(refused!.message).toMatch(/free space there and load it again/);
    const after = await api.gql(`{ documents { totalCount } d: document(id: "disk-full") { id } }`);
    expect(after.data.documents.totalCount).toBe(before.data.documents.totalCount);
    expect(after.data.d).toBeNull();
    expect(await health()).toBe(200);
  });
});
