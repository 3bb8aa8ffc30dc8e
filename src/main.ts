// npm start: Neo4j (embedded unless NEO4J_URI), schema, bundled documents, GraphQL server.
import './runtime-mode.js';
import 'reflect-metadata';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { configOrExit, projectRoot } from './config.js';
import { connect, type Database } from './db/connection.js';
import { stopAllEmbedded } from './db/embedded-neo4j.js';
import { applySchema, schemaActionText } from './db/schema.js';
import { buildApiSchema } from './api/schema.js';
import { startHttpServer, type RunningServer } from './api/http-server.js';
import { QueryRunner } from './db/run.js';
import { listFolder, loadFiles } from './load/directory.js';
import { backfillDerived, writtenSummary } from './load/loader.js';
import { createLogger } from './api/logger.js';
import { describeWarmUp } from './db/warm-up.js';

const log = (msg: string) => console.error(`budget-graph: ${msg}`);

async function main(): Promise<void> {
  // Checked before anything starts: a bad value or an unknown BUDGET_GRAPH_* / NEO4J_* name ends
  // the start here (exit 78) with every problem listed.
  const { server, neo4j: settings } = configOrExit();

  let db: Database | undefined;
  let http: RunningServer | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    db?.quiesce();
    // Never hang on exit: the launcher also stops by itself when our stdin pipe closes.
    setTimeout(() => process.exit(1), 30_000).unref();
    const within = (p: Promise<unknown>, ms: number) => Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, ms))]);
    // An orchestrator's SIGTERM: requests still arriving get a 503 for the grace period; then
    // requests in flight finish (up to 10 s). Ctrl-C stops at once.
    await within(http?.stop(10_000, signal === 'SIGTERM' ? server.shutdownGraceMs : 0) ?? Promise.resolve(), 12_000 + server.shutdownGraceMs);
    // Still starting (no db yet): the JVM being started goes too.
    await within(db ? db.close() : stopAllEmbedded(), 20_000);
    process.exit(0);
  };
  // Installed before Neo4j starts: a signal during its start-up stops the JVM with us.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Started through npm or a shell that was killed without passing the signal on: an orphaned
  // server would keep the port and the store lock, so it stops when its parent goes away.
  const parent = process.ppid;
  if (parent > 1) setInterval(() => process.ppid !== parent && void shutdown('parent process exited'), 1000).unref();

  log(settings.uri ? `connecting to ${settings.uri}` : `starting embedded Neo4j (data in ${settings.dataDir})`);
  db = await connect(settings, { log });
  if (stopping) return;
  if (db.embedded) log(`Neo4j ready at ${db.embedded.uri} in ${db.embedded.startMs} ms (log: ${db.embedded.logFile})`);

  try {
    const changed: string[] = [];
    const n = await applySchema(db, { onChange: (a) => changed.push(schemaActionText(a)) });
    log(`schema: ${n} constraints and indexes in place; ${changed.length ? `this process ${changed.join(', ')}` : 'this process changed nothing'}`);
    const backfilled = await backfillDerived(new QueryRunner(db));
    if (backfilled.projectTotals) log(`derived data: all-years totals computed for ${backfilled.projectTotals} projects`);
    if (backfilled.matchTexts) log(`derived data: matchText written for ${backfilled.matchTexts} departments`);
    if (backfilled.linkKeys) log(`derived data: code and owner id written on ${backfilled.linkKeys} code links (${backfilled.linkKeysMs} ms)`);
    if (server.loadOnStart) {
      // Loads what the graph lacks or what changed; unchanged files are skipped by content hash.
      // A bad file is reported and skipped; the others load.
      const { files, skipped } = listFolder(server.dataDir);
      // A file of another kind beside the documents (an Excel workbook) is said, not loaded.
      for (const s of skipped) log(`skipped: ${s}`);
      log(`loading ${files.length} documents from ${server.dataDir} (unchanged ones are skipped)`);
      // Each document as it is done, so a long first load is never silent.
      const refused: string[] = [];
      await loadFiles(
        new QueryRunner(db),
        files,
        { keepReports: false },
        (r, i) => {
          log(`${i + 1}/${files.length} ${r.file}: ${r.status}${r.status === 'UNCHANGED' ? '' : ` (${r.records} records, ${writtenSummary(r)}, ${r.ms} ms)`}`);
          for (const d of r.parity) log(`${r.file}: ERROR parse/graph parity: ${d}`);
        },
        (file, err, i) => {
          refused.push(file);
          log(`${i + 1}/${files.length} ${file}: NOT LOADED: ${err.message}`);
        },
      );
      // One bad file is one bad file: the server starts, and says once which files it refused.
      if (refused.length) log(`${refused.length} of ${files.length} files refused (see above): ${refused.join(', ')}`);
    }
    // Ready means ready: the first requests must not pay for an empty page cache and unplanned
    // statements (they ran past their deadline in the first minute of a soak). Bounded.
    log('warming up Neo4j (page cache, plans of the read statements) before taking requests');
    log(describeWarmUp(await db.warmUp()));
    reportExplorer();
    const schema = await buildApiSchema();
    http = await startHttpServer({
      db,
      schema,
      host: server.host,
      port: server.port,
      token: server.token,
      cacheAnswers: server.cacheAnswers,
      cacheMb: server.cacheMb,
      clientConcurrency: server.clientConcurrency,
      clientRatePerSecond: server.clientRatePerSecond,
      logger: createLogger(server.logLevel),
      allowedHosts: server.allowedHosts,
      trustedProxies: server.trustedProxies,
      corsOrigins: server.corsOrigins,
    });
    log(`GraphQL ready at ${http.url}; explorer at ${http.url.replace(/graphql$/, '')}`);
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** The explorer page is built before start (scripts/prepare-run.mjs); the API works without it. */
function reportExplorer(): void {
  if (!existsSync(join(projectRoot, 'web', 'dist', 'index.html'))) log('explorer page not built (web/dist): `npm install && npm run build:web` builds it (Vite is a dev dependency; a production install cannot: copy a built web/dist, or use the Docker image); the API works without it');
}

main().catch((err: unknown) => {
  console.error(`budget-graph: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
