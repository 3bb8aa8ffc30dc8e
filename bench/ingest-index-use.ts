// Which index or unique constraint of cypher/schema.cypher each statement's plan uses (issue 41):
// loads generated text documents (bench/corpus/generate.ts) and the bundled data/ into a fresh
// embedded Neo4j, so the planner has a graph's statistics, then EXPLAINs every statement of
// cypher/ (no parameters: planned, never run) and reads the index each operator seeks or scans
// by from its plan. An index no plan uses is upkeep on every write of its label for nothing.
// tests/unit/schema-indexes-used.test.ts holds the same from the statements' text.
//
//   npx tsx bench/ingest-index-use.ts --n=300 [--json=out.json]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const dir = mkdtempSync(join(tmpdir(), 'budget-graph-index-use-'));
process.env.NEO4J_DATA_DIR = join(dir, 'neo4j');

const { neo4jSettings, projectRoot } = await import('../src/config.js');
const { connect } = await import('../src/db/connection.js');
const { freePort } = await import('../src/db/embedded-neo4j.js');
const { QueryRunner } = await import('../src/db/run.js');
const { applySchema, declaredSchema } = await import('../src/db/schema.js');
const { cypher, cypherNames } = await import('../src/db/cypher.js');
const { listDocuments, loadFiles } = await import('../src/load/directory.js');
const { corpusDocuments } = await import('./corpus/generate.js');

/** One operator of a plan as the driver gives it. */
interface PlanNode {
  operatorType: string;
  arguments: { [key: string]: string };
  children: PlanNode[];
}

/** `Label(property)` of each index an operator's details name: `RANGE INDEX l:BudgetLine(code) WHERE …`, `UNIQUE d:Document(id) WHERE …`. */
function indexesOf(plan: PlanNode, out: Set<string> = new Set()): Set<string> {
  const details = plan.arguments['Details'];
  if (typeof details === 'string') {
    for (const m of details.matchAll(/(?:RANGE INDEX|TEXT INDEX|POINT INDEX|UNIQUE)\s+\w*:(\w+)\(([\w, ]+)\)/g)) out.add(`${m[1]}(${m[2]!.replace(/\s+/g, '')})`);
  }
  for (const c of plan.children) indexesOf(c, out);
  return out;
}

const n = Number(arg('n') ?? 300);
let db: Awaited<ReturnType<typeof connect>> | null = null;
try {
  const docsDir = join(dir, 'docs');
  mkdirSync(docsDir);
  const files = [...listDocuments(join(projectRoot, 'data'))];
  for (const d of corpusDocuments(n)) {
    const path = join(docsDir, d.file);
    writeFileSync(path, d.text);
    files.push(path);
  }
  db = await connect({ ...neo4jSettings(), uri: undefined, dataDir: join(dir, 'neo4j'), boltPort: await freePort(0), heapMb: 1024, pageCacheMb: 256, txTimeoutMs: 60_000 });
  await applySchema(db);
  const runner = new QueryRunner(db);
  // A generated document in the slot of a bundled one is refused (a rival): left out, said.
  let loaded = 0;
  let refused = 0;
  await loadFiles(runner, files, { keepReports: false }, () => loaded++, () => refused++);
  console.error(`loaded ${loaded} documents, ${refused} refused`);

  const declared = declaredSchema();
  const ruleOf = new Map(declared.map((r) => [`${r.labels.join('|')}(${r.properties.join(',')})`, r.name]));
  const users = new Map<string, string[]>(declared.map((r) => [r.name, []]));
  const notPlanned: string[] = [];
  const session = db.driver.session({ database: db.database });
  try {
    for (const name of cypherNames().filter((x) => !x.startsWith('schema'))) {
      const text = cypher(name).replaceAll('MAX_HOPS', '3');
      let plan: PlanNode | undefined;
      try {
        const res = await session.run(`EXPLAIN ${text}`);
        plan = res.summary.plan === false ? undefined : res.summary.plan;
      } catch (err) {
        notPlanned.push(`${name}: ${err instanceof Error ? err.message.split('\n')[0]!.slice(0, 120) : String(err)}`);
        continue;
      }
      if (!plan) continue;
      for (const key of indexesOf(plan)) {
        const rule = ruleOf.get(key);
        if (rule) users.get(rule)!.push(name);
        else users.set(`(not declared) ${key}`, [...(users.get(`(not declared) ${key}`) ?? []), name]);
      }
      // A full-text index is called by its name, not planned as a seek.
      for (const r of declared) if (r.type === 'FULLTEXT' && text.includes(`'${r.name}'`)) users.get(r.name)!.push(name);
    }
  } finally {
    await session.close();
  }
  const lines = ['| index or constraint | statements whose plan uses it |', '|---|---|'];
  for (const [rule, names] of users) lines.push(`| ${rule} | ${names.length ? names.join(', ') : '**none**'} |`);
  console.log(lines.join('\n'));
  if (notPlanned.length) console.log(`\nNot planned alone (fragments included elsewhere, or refused):\n${notPlanned.map((x) => `- ${x}`).join('\n')}`);
  const json = arg('json');
  if (json) writeFileSync(json, JSON.stringify({ documents: loaded, users: Object.fromEntries(users), notPlanned }, null, 2));
} finally {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
}
