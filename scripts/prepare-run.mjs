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
  const { built } = await buildWeb({ quiet: true });
  if (built) console.error('budget-graph: explorer page built (web/dist)');
} catch (err) {
  console.error(`budget-graph: explorer page not built (${err.message}); the API works without it`);
}
