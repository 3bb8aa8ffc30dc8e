// One place that turns settings into a verified neo4j-driver: an external server when
// NEO4J_URI is set, otherwise the embedded launcher.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jSettings } from '../config.js';
import { ServiceUnavailableError } from '../errors.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.js';

export interface Database {
  driver: Driver;
  database: string | undefined;
  txTimeoutMs: number;
  embedded: EmbeddedNeo4j | undefined;
  close(): Promise<void>;
}

export async function verifyWithRetries(driver: Driver, uri: string, attempts = 30, delayMs = 500, hint = ''): Promise<void> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      await driver.getServerInfo();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new ServiceUnavailableError(`Neo4j at ${uri} did not answer after ${attempts} tries (${reason}).${hint}`);
}

export async function connect(settings: Neo4jSettings): Promise<Database> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = settings.uri;
  let auth: ReturnType<typeof neo4j.auth.basic> | undefined = neo4j.auth.basic(settings.user, settings.password);
  if (!uri) {
    embedded = await startEmbeddedNeo4j(settings);
    uri = embedded.uri;
    // The embedded server listens on loopback only and runs without authentication.
    auth = undefined;
  }
  const driver = neo4j.driver(uri, auth, {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 20_000,
    userAgent: 'budget-graph',
  });
  try {
    await verifyWithRetries(driver, uri, 30, 500, embedded ? ` See ${embedded.logFile}.` : ' Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.');
  } catch (err) {
    await driver.close();
    await embedded?.stop();
    throw err;
  }
  return {
    driver,
    database: settings.database,
    txTimeoutMs: settings.txTimeoutMs,
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}
