// npm run neo4j: only the embedded Neo4j, for poking at the graph with cypher-shell or a
// driver while no API server runs. Ctrl-C stops it.
import { configOrExit } from '../config.js';
import { startEmbeddedNeo4j } from '../db/embedded-neo4j.js';
import { cliArgs } from './args.js';

cliArgs({ usage: 'npm run neo4j', about: 'Starts only the embedded Neo4j (data in .data/neo4j, settings from the environment: see README "Configuration"); Ctrl-C stops it.', options: {} });

const neo4j = await startEmbeddedNeo4j(configOrExit().neo4j);
console.log(`Neo4j is up at ${neo4j.uri} (data in ${neo4j.dataDir}); Ctrl-C stops it.`);
console.log(`Bolt needs authentication: user ${neo4j.user}, password ${neo4j.password} (kept in ${neo4j.passwordFile}, readable by its owner only).`);
const stop = async () => {
  await neo4j.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
