import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { Health } from '../types/health.js';
import { BudgetGraphError } from '../../errors.js';

/** A liveness probe must answer quickly even when the database does not. */
const HEALTH_TIMEOUT_MS = 1_000;
/**
 * How long a fresh reading is waited for once there is a last one: past it, the database having
 * answered its liveness probe (databaseUp), health answers with the last readings, and the fresh
 * one updates them when it comes.
 */
const FRESH_WAIT_MS = 300;

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Is the service up, and which Neo4j does it talk to? Reports ok: false (never an error) when the database is down.' })
  async health(@Ctx() { repo, databaseUp, databaseDownReason, healthMemo }: ApiContext): Promise<Health> {
    const down = (reason: string) => Object.assign(new Health(), { ok: false, neo4jVersion: null, neo4jEdition: null, documents: null, reason });
    const up = (server: { version: string; edition: string }, documents: number) => Object.assign(new Health(), { ok: true, neo4jVersion: server.version, neo4jEdition: server.edition, documents, reason: null });
    // Restarting, warming up (not ready until it is warm) or not answering its liveness probe.
    if (!databaseUp()) return down(databaseDownReason() ?? 'DATABASE_UNAVAILABLE');
    const fresh = Promise.all([repo.serverVersion(HEALTH_TIMEOUT_MS), repo.documentCount(HEALTH_TIMEOUT_MS)]).then(([server, documents]) => {
      healthMemo.version = server;
      healthMemo.documents = documents;
      return up(server, documents);
    });
    const last = healthMemo.version && healthMemo.documents !== null ? { server: healthMemo.version, documents: healthMemo.documents } : null;
    try {
      if (!last) return await fresh;
      // A busy database that answers its probe: the last readings rather than a wait.
      fresh.catch(() => undefined);
      const quick = await Promise.race([fresh, new Promise<null>((r) => setTimeout(() => r(null), FRESH_WAIT_MS).unref())]);
      return quick ?? (databaseUp() ? up(last.server, last.documents) : down(databaseDownReason() ?? 'DATABASE_UNAVAILABLE'));
    } catch (err) {
      return down(err instanceof BudgetGraphError ? String(err.details.reason ?? err.code) : 'DATABASE_UNAVAILABLE');
    }
  }
}
