#!/usr/bin/env node
// npm install's last step: compile the server, build the embedded Neo4j launcher and the
// explorer page. A missing Maven only warns (NEO4J_URI users need no launcher); so does a
// production install (--omit=dev), which has no Vite to build the page with.
import { buildServer } from './build-server.mjs';
import { buildLauncher } from './build-launcher.mjs';
import { buildWeb } from './build-web.mjs';

await buildServer();
try {
  buildLauncher();
} catch (err) {
  console.warn(`budget-graph: ${err.message}`);
}
const web = await buildWeb();
if (web.missing) console.warn(`budget-graph: ${web.stale ? 'web/dist is not the build of this web/ and is served as it is; ' : ''}${web.missing}`);
