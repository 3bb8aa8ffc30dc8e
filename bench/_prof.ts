// Probe: time and PROFILE the statements of a question on a running graph (not part of the suite).
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { connect } from '../src/db/connection.js';
import { neo4jSettings } from '../src/config.js';
import { buildApiSchema } from '../src/api/schema.js';
import { recordStatements } from './raw-cypher.js';
const [dataDir, port, query] = process.argv.slice(2) as [string, string, string];
const db = await connect({ ...neo4jSettings(), uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: readFileSync(`${dataDir}/budget-graph.password`, 'utf8').trim() });
const st = await recordStatements(db, await buildApiSchema(), query, {});
for (const s of st) {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.READ });
  for (let i = 0; i < 5; i++) await session.run(s.text, s.params);
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) await session.run(s.text, s.params);
  console.log(`avg ${((performance.now() - t0) / 20).toFixed(1)} ms`);
  const prof = await session.run(`PROFILE ${s.text}`, s.params);
  const walk = (p: any, depth = 0): void => {
    console.log(`${'  '.repeat(depth)}${p.operatorType} rows=${p.rows} hits=${p.dbHits} ${p.identifiers?.slice(0, 6).join(',') ?? ''}`);
    for (const c of p.children ?? []) walk(c, depth + 1);
  };
  walk(prof.summary.profile);
  await session.close();
}
await db.close();
