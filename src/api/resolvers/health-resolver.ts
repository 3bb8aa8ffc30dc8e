import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { Health } from '../types/health.js';
import { BudgetGraphError } from '../../errors.js';

/** A liveness probe must answer quickly even when the database does not. */
const HEALTH_TIMEOUT_MS = 1_000;

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Is the service up, and which Neo4j does it talk to? Reports ok: false (never an error) when the database is down.' })
  async health(@Ctx() { repo, databaseUp, databaseDownReason }: ApiContext): Promise<Health> {
    const down = (reason: string) => Object.assign(new Health(), { ok: false, neo4jVersion: null, neo4jEdition: null, documents: null, reason });
    // Restarting, warming up (not ready until it is warm) or not answering its liveness probe.
    if (!databaseUp()) return down(databaseDownReason() ?? 'DATABASE_UNAVAILABLE');
    try {
      const [server, documents] = await Promise.all([repo.serverVersion(HEALTH_TIMEOUT_MS), repo.documentCount(HEALTH_TIMEOUT_MS)]);
      return Object.assign(new Health(), { ok: true, neo4jVersion: server.version, neo4jEdition: server.edition, documents, reason: null });
    } catch (err) {
      return down(err instanceof BudgetGraphError ? String(err.details.reason ?? err.code) : 'DATABASE_UNAVAILABLE');
    }
  }
}
