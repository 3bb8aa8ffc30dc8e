import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { Health } from '../types/health.js';

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Is the service up, and which Neo4j does it talk to?' })
  async health(@Ctx() { repo }: ApiContext): Promise<Health> {
    const [server, documents] = await Promise.all([repo.serverVersion(), repo.documentCount()]);
    return Object.assign(new Health(), { ok: true, neo4jVersion: server.version, neo4jEdition: server.edition, documents });
  }
}
