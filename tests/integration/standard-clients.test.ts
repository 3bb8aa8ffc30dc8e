// Any GraphQL client works: the GraphQL-over-HTTP audit of graphql-http, graphql-request as an
// analyst's script would use it, the README's graphql-request / urql / Apollo Client setups run as written, standard introspection, and the offline GraphiQL page in
// Debian's Chromium (no request leaves the machine).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { serverAudits } from 'graphql-http';
import { GraphQLClient, gql } from 'graphql-request';
import { Client as UrqlClient, fetchExchange } from '@urql/core';
import { ApolloClient, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { buildWeb } from '../../scripts/build-web.mjs';
import { startApi, type ApiFixture } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const execFileAsync = promisify(execFile);
const ARTEFACTS = join(projectRoot, 'test-results');

let api: ApiFixture;
let browser: Browser | undefined;

beforeAll(async () => {
  await buildWeb({ quiet: true });
  api = await startApi();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

describe('GraphQL over HTTP (graphql-http server audit)', () => {
  it('passes every MUST of the spec; SHOULDs are reported', async () => {
    const audits = serverAudits({ url: api.server.url, fetchFn: fetch });
    const results = [];
    for (const audit of audits) {
      const result = await audit.fn();
      results.push({ name: audit.name, status: result.status, reason: result.status === 'ok' ? '' : result.reason });
    }
    const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => `${r.name}: ${r.reason}`);
    // Known SHOULDs not followed: a client mistake is a 4xx with its code even under the legacy
    // application/json media type (README "Errors"), where the spec suggests 200.
    const notOk = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.name}: ${r.reason}`);
    if (notOk.length) console.log(`graphql-http audit, not ok (${notOk.length} of ${results.length}):\n${notOk.join('\n')}`);
    expect(failedMusts).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });
});

describe('a real client (graphql-request)', () => {
  it('reads the schema with the standard introspection query and asks the contract question', async () => {
    const client = new GraphQLClient(api.server.url);
    const intro = await client.request<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, oneOf: true }));
    const sdl = printSchema(buildClientSchema(intro));
    // Every option graphql-js offers, at the depths clients ask (GraphiQL and codegen up to 15; the library's maximum 100).
    for (const typeDepth of [15, 100]) {
      const deep = await client.request<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, oneOf: true, typeDepth }));
      expect(printSchema(buildClientSchema(deep))).toBe(sdl);
    }
    expect(sdl).toContain('type Query');
    expect(sdl).toContain('aggregate(');

    const answer = await client.request<{ aggregate: { cells: { year: number; amount: string }[] } }>(
      gql`
        query Contract($department: String!, $code: String!) {
          aggregate(measure: TOTAL, groupBy: [YEAR], filter: { department: $department, code: $code }) {
            cells { year amount }
          }
        }
      `,
      { department: '龙岗', code: '2010504' },
    );
    expect(answer.aggregate.cells.map((c) => [c.year, c.amount])).toEqual([
      [2020, '1590.00'],
      [2024, '2110.00'],
    ]);
  });

  it('surfaces a client mistake as a 4xx with its code', async () => {
    const client = new GraphQLClient(api.server.url);
    const err = await client.request('{ projects(first: -1) { totalCount } }').catch((e: unknown) => e as { response?: { status: number; errors?: { extensions?: { code?: string } }[] } });
    expect(err).toHaveProperty('response.status', 400);
    expect((err as { response: { errors: { extensions: { code: string } }[] } }).response.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('the client setups of the README, run as written (#42 item 8)', () => {
  /** The README's `<!-- client: name -->` blocks, each a whole script. */
  const setups = () => [...readFileSync(join(projectRoot, 'README.md'), 'utf8').matchAll(/<!-- client: ([\w-]+) -->\n```ts\n([\s\S]*?)```/g)].map((m) => ({ name: m[1]!, code: m[2]! }));

  it('graphql-request, urql and Apollo Client each get the contract answer with the README\'s code, only the URL changed', async () => {
    expect(setups().map((s) => s.name)).toEqual(['graphql-request', 'urql', 'apollo']);
    mkdirSync(ARTEFACTS, { recursive: true });
    for (const { name, code } of setups()) {
      expect(code, name).toContain("'http://127.0.0.1:4000/graphql'");
      // Inside the project, so the script finds the clients in node_modules as an analyst's would.
      const file = join(ARTEFACTS, `readme-client-${name}.mts`);
      writeFileSync(file, code.replaceAll("'http://127.0.0.1:4000/graphql'", JSON.stringify(api.server.url)));
      const run = await execFileAsync(process.execPath, ['--import', 'tsx', file], { cwd: projectRoot, timeout: 60_000 }).catch((e: { stdout?: string; stderr?: string; message: string }) => ({ stdout: '', stderr: `${e.message}\n${e.stderr ?? ''}` }));
      expect(run.stderr, name).toBe('');
      // urql and Apollo add __typename to what they ask; the figures are what counts.
      expect((JSON.parse(run.stdout) as { year: number; amount: string }[]).map(({ year, amount }) => ({ year, amount })), name).toEqual([
        { year: 2020, amount: '1590.00' },
        { year: 2024, amount: '2110.00' },
      ]);
    }
  }, 180_000);

  it('urql with its defaults sends a GET the CSRF rule refuses (400): why the README names preferGetMethod', async () => {
    const client = new UrqlClient({ url: api.server.url, exchanges: [fetchExchange] });
    const result = await client.query('{ health { ok } }', {}).toPromise();
    expect(result.error?.response?.status).toBe(400);
    const withHeader = new UrqlClient({ url: api.server.url, exchanges: [fetchExchange], fetchOptions: { headers: { 'apollo-require-preflight': 'true' } } });
    expect((await withHeader.query('{ health { ok } }', {}).toPromise()).data).toEqual({ health: { ok: true } });
  });

  it('Apollo Client\'s cache holds a code asked two ways, and by its old id, as one object keyed by its __typename', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: api.server.url }), cache: new InMemoryCache() });
    await client.query({ query: apolloGql`query ByCode { classificationCode(code: "2010504") { id name } }` });
    await client.query({ query: apolloGql`query ByOldId { node(id: "FunctionCode:2010504") { id ... on ClassificationCode { code } } }` });
    const store = client.cache.extract() as Record<string, unknown>;
    const keys = Object.keys(store).filter((k) => k.startsWith('ClassificationCode:'));
    expect(keys).toEqual(['ClassificationCode:ClassificationCode:FunctionCode:2010504']);
    expect(store[keys[0]!]).toMatchObject({ __typename: 'ClassificationCode', name: '信息事务', code: '2010504' });
  });
});

describe('static files', () => {
  it('sends the GraphiQL bundle precompressed with an ETag, and 304 when the client has it', async () => {
    const base = api.server.url.replace(/\/graphql$/, '');
    const page = await (await fetch(`${base}/graphiql`)).text();
    const scripts = [...page.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    // fetch() would decode for us: node:http shows the bytes as sent.
    const { request } = await import('node:http');
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }>((resolve, reject) => {
        request(`${base}${path}`, { headers }, (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
        }).on('error', reject).end();
      });
    const sizes = await Promise.all(scripts.map(async (s) => [s, (await get(s, {})).bytes] as const));
    const [bundle, plainBytes] = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(plainBytes).toBeGreaterThan(300_000);
    const br = await get(bundle, { 'accept-encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.bytes).toBeLessThan(plainBytes / 3);
    const gz = await get(bundle, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.bytes).toBeLessThan(plainBytes / 2);
    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^(W\/)?"/);
    expect(br.headers['cache-control']).toContain('immutable');
    const again = await get(bundle, { 'accept-encoding': 'gzip, br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.bytes).toBe(0);
    // The pages themselves are never cached stale and keep their CSP.
    const html = await get('/graphiql', { 'accept-encoding': 'br' });
    expect(html.headers['cache-control']).toBe('no-cache');
    expect(String(html.headers['content-security-policy'])).toContain("default-src 'self'");
    expect((await get('/../../etc/passwd', {})).status).toBe(404);
  });
});

describe('GraphiQL at /graphiql (offline, in Chromium)', () => {
  it('opens from /graphql in a browser, loads the schema, runs an example and shows its answer', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
    mkdirSync(ARTEFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const offsite: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('request', (req) => {
      if (!req.url().startsWith(api.server.url.replace(/\/graphql$/, '')) && !req.url().startsWith('data:')) offsite.push(req.url());
    });
    await page.goto(api.server.url);
    expect(new URL(page.url()).pathname).toBe('/graphiql');

    // The examples panel (a sidebar button) lists docs/queries.md's questions; one click puts one in the editor.
    await page.locator('button[aria-label="Show Examples"]').click();
    const example = page.locator('button.bg-example[data-example="1"]');
    await example.waitFor({ timeout: 15_000 });
    await example.click();
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 10_000 }).toContain('projectsFeedingCode');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 }).toContain('深圳市龙岗区大数据中心');
    expect(page.url()).toContain('example=1');

    // The schema arrived through standard introspection: the documentation explorer describes a type.
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 10_000 }).toContain('Query');
    await page.screenshot({ path: join(ARTEFACTS, 'graphiql-example.png') });

    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});

describe('every field of every type answers on the bundled graph', () => {
  it('selects every field of every type, each at the end of a path from a root that finds it: no errors, no field left out', async () => {
    const { getNamedType, isLeafType, isObjectType } = await import('graphql');
    const { buildApiSchema } = await import('../../src/api/schema.js');
    type Obj = import('graphql').GraphQLObjectType;
    const schema = await buildApiSchema();
    const ids = await api.gql(`{
      projects(first: 100) { nodes { id parent { name } sameAs { project { id } } } }
      documents(first: 20) { nodes { id } }
      investmentProjects(first: 1) { nodes { id code } }
      departments(name: "坪山") { id }
    }`);
    const projects: { id: string; parent: unknown; sameAs: unknown[] }[] = ids.data.projects.nodes;
    const ip = ids.data.investmentProjects.nodes[0];
    const q = JSON.stringify;
    // Alternatives per root: a type is checked with the first that finds it on the graph.
    const rootArgs: Record<string, string[]> = {
      documents: ['first: 20'],
      aggregate: ['measure: TOTAL, groupBy: [YEAR, FUNCTION_CLASS]'],
      classificationCode: ['code: "2010504"'],
      // 2050803 (培训支出): 培训经费 is counted there, its NAMED link to 2010302 is a rejected alternative.
      projectsFeedingCode: ['code: "2010504", department: "龙岗"', 'code: "2050803", department: "龙岗"'],
      document: ids.data.documents.nodes.map((d: { id: string }) => `id: ${q(d.id)}`),
      investmentProject: [`code: ${q(ip.code)}`],
      lineage: [`projectId: ${q(projects[0]!.id)}`],
      project: [projects.find((p) => p.parent), projects.find((p) => p.sameAs.length), projects[0]].filter(Boolean).map((p) => `id: ${q(p!.id)}`),
      moneyTrail: ['department: "坪山", year: 2020'],
      neighbours: ['id: "FunctionCode:2010504"'],
      node: ['id: "FunctionCode:2010504"'],
      nodes: ['ids: ["FunctionCode:2010504"]'],
      graphNode: ['id: "FunctionCode:2010504"'],
      paths: [`from: ${q(ids.data.departments[0].id)}, to: ${q(ip.id)}`],
      search: ['text: "信息"'],
      searchCounts: ['text: "信息"'],
      codeFeeds: ['code: "2010504", first: 2'],
    };
    // Nested fields whose arguments are required.
    const fieldArgs: Record<string, string> = { 'Document.text': '(from: 1, to: 5)' };
    // For each object type, the shortest path to it from a root field (roots in the order above
    // first: they find data); then one query per type selects every field of it at the path's end.
    const argsOf = (field: import('graphql').GraphQLField<unknown, unknown>, owner?: string) => fieldArgs[`${owner}.${field.name}`] ?? (field.args.some((a) => a.name === 'first') ? '(first: 2)' : '');
    const query = schema.getQueryType()!;
    const roots = [...Object.keys(rootArgs), ...Object.keys(query.getFields()).filter((f) => !(f in rootArgs))].map((name) => query.getFields()[name]!);
    const selected = new Set<string>();
    const pathTo = new Map<string, string[]>();
    const queue: { type: Obj; path: string[] }[] = [];
    const stepOf = (root: string, args: string | undefined) => `${root}${args ? `(${args})` : ''}`;
    for (const root of roots) {
      const named = getNamedType(root.type);
      const args = rootArgs[root.name]?.[0] ?? (root.args.some((a) => a.name === 'first') ? 'first: 2' : '');
      const step = stepOf(root.name, args);
      selected.add(`Query.${root.name}`);
      if (isObjectType(named) && !pathTo.has(named.name)) {
        pathTo.set(named.name, [step]);
        queue.push({ type: named, path: [step] });
      }
    }
    while (queue.length) {
      const { type, path } = queue.shift()!;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (!isObjectType(named) || pathTo.has(named.name)) continue;
        const next = [...path, `${field.name}${argsOf(field, type.name)}`];
        pathTo.set(named.name, next);
        queue.push({ type: named, path: next });
      }
    }
    const failures: string[] = [];
    const PDF_ONLY = new Set(['Box']);
    for (const [typeName, path] of pathTo) {
      const type = schema.getType(typeName) as Obj;
      const fields = Object.values(type.getFields()).map((field) => {
        selected.add(`${typeName}.${field.name}`);
        const named = getNamedType(field.type);
        return isLeafType(named) ? field.name + argsOf(field, typeName) : `${field.name}${argsOf(field, typeName)} { __typename }`;
      });
      const rootName = path[0]!.replace(/\(.*$/, '');
      const alternatives = rootArgs[rootName] ?? [undefined];
      let found = false;
      for (const args of alternatives) {
        const steps = [stepOf(rootName, args ?? path[0]!.match(/\((.*)\)$/)?.[1]), ...path.slice(1)];
        const text = steps.reduceRight((inner, step) => `${step} { ${inner} }`, fields.join(' '));
        const res = await api.gql(`{ ${text} }`);
        if (res.errors?.length) {
          failures.push(`${typeName} via ${steps.join('.')}: ${res.errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ')}`);
          found = true;
          break;
        }
        // The type must occur on the bundled graph along that path, or its resolvers ran on nothing.
        let values: unknown[] = [res.data];
        for (const name of steps.map((step) => step.replace(/\(.*$/, ''))) {
          values = values.flatMap((v) => (v && typeof v === 'object' ? [(v as Record<string, unknown>)[name]] : [])).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== null && v !== undefined);
        }
        if (values.length) {
          found = true;
          break;
        }
      }
      // Box (a page's rectangle) only a PDF's facts have; the bundled graph is texts: tests/integration/source-places.test.ts asks it of a real PDF.
      if (!found && !PDF_ONLY.has(typeName)) failures.push(`${typeName} via ${path.join('.')}: no data on the bundled graph`);
    }
    expect(failures).toEqual([]);
    // Types reachable only through the ingest mutation (LoadReport) are covered by the hardening tests.
    const mutationOnly = new Set(['LoadReport']);
    const unselected = Object.values(schema.getTypeMap())
      .filter((t): t is Obj => isObjectType(t) && !t.name.startsWith('__') && t.name !== 'Mutation' && !mutationOnly.has(t.name))
      .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`))
      .filter((f) => !selected.has(f));
    expect(unselected).toEqual([]);
  });
});

describe('docs/queries.md', () => {
  it('is what the server answers today (run `npm run docs:queries` against `npm start` after changing answers)', async () => {
    const { renderQueryDocs, queryDocsPath } = await import('../../scripts/query-docs.js');
    const { readFileSync } = await import('node:fs');
    expect(await renderQueryDocs(api.server.url)).toBe(readFileSync(queryDocsPath, 'utf8'));
  });
});

describe('CSV and NDJSON export', () => {
  const base = () => api.server.url.replace(/\/graphql$/, '');
  // The export takes /graphql's CSRF rule: a GET carries a header no cross-site page can send unasked.
  const fetch = (url: string) => globalThis.fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  it('streams every row of a list across pages (pageSize 7), exactly the rows GraphQL pages give, with provenance', async () => {
    const query = '{ anomalies(orderBy: [{field: DELTA, direction: DESC}]) { nodes { id kind delta } } }';
    const res = await fetch(`${base()}/export?format=ndjson&pageSize=7&query=${encodeURIComponent(query)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    const all = await api.gql('{ anomalies(first: 100, orderBy: [{field: DELTA, direction: DESC}]) { totalCount nodes { id } } }');
    expect(all.data.anomalies.totalCount).toBeGreaterThan(14);
    expect(rows.map((r) => r.id)).toEqual(all.data.anomalies.nodes.map((n: { id: string }) => n.id));

    const csv = await (await fetch(`${base()}/export?format=csv&query=${encodeURIComponent('{ investmentProjects { nodes { code totalInvestment } } }')}`)).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('code,totalInvestment,source.document.file,source.table,source.line,source.page,source.box.x0,source.box.y0,source.box.x1,source.box.y1,source.ocrConfidence,source.cells.index,source.cells.text,source.cells.x0,source.cells.y0,source.cells.x1,source.cells.y1,source.cells.ocrConfidence');
    const ipCount = (await api.gql('{ investmentProjects { totalCount } }')).data.investmentProjects.totalCount;
    expect(lines).toHaveLength(ipCount + 1);
    // A text document has no pages: page, box, confidence and cells are empty.
    expect(lines[1]).toMatch(/\.txt,[^,]+,\d+,{13}$/);
    // A list in a row (an anomaly's two sides) is a column per field, items joined by "; ".
    const sides = (await (await fetch(`${base()}/export?format=csv&query=${encodeURIComponent('{ anomalies(filter: {kind: PROJECT_NAMED_TWICE}) { nodes { kind sources { line } } } }')}`)).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(sides[0]).toBe('kind,sources.line');
    expect(sides.slice(1)).toContain('PROJECT_NAMED_TWICE,486; 1351');
    expect(sides.join('\n')).not.toMatch(/[[{]/);
  });

  it('a document’s figures in full (a plain list, not capped at a page), and a 400 with a code for a query with no list', async () => {
    const docs = await api.gql('{ documents(first: 100) { nodes { id figures { id } } } }');
    const doc = docs.data.documents.nodes.reduce((a: any, b: any) => (b.figures.length > a.figures.length ? b : a));
    expect(doc.figures.length).toBeGreaterThan(100);
    const text = await (await fetch(`${base()}/export?format=ndjson&query=${encodeURIComponent(`{ document(id: "${doc.id}") { figures { id value } } }`)}`)).text();
    expect(text.trim().split('\n')).toHaveLength(doc.figures.length);

    const bad = await fetch(`${base()}/export?format=csv&query=${encodeURIComponent('{ health { ok } }')}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
