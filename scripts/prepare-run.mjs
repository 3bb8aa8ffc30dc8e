#!/usr/bin/env node
// Before `npm start`, `npm run load` and `npm run neo4j`: compile the server, build the embedded
// Neo4j launcher and the explorer page when their sources changed (each a no-op when fresh).
// Build steps live here, not in the server: the server only finds what they built.
import { buildServer } from './build-server.mjs';
import { buildLauncher } from './build-launcher.mjs';
import { buildWeb } from './build-web.mjs';

await buildServer();
if (!process.env.NEO4J_URI) {
  try {
    buildLauncher({ quiet: true });
  } catch (err) {
    console.error(`budget-graph: ${err.message}`);
  }
}
try {
  const { built, missing, stale } = await buildWeb({ quiet: true });
  if (built) console.error('budget-graph: explorer page built (web/dist)');
  // A production install without pages says so once per start (the server says it again).
  else if (missing && stale) console.error('budget-graph: web/dist is not the build of this web/ (older, or without its .br/.gz copies) and this install has no Vite to rebuild it (--omit=dev): served as it is');
} catch (err) {
  console.error(`budget-graph: explorer page not built (${err.message}); the API works without it`);
}
