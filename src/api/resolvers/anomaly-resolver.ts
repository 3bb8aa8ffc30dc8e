import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { listArgs, toConnection } from '../pagination.js';
import { Anomaly } from '../types/anomalies.js';
import { Connection } from '../types/connection.js';
import { Document } from '../types/documents.js';
import { AnomalyFilter, AnomalyOrder } from '../types/inputs.js';
import { Source } from '../types/source.js';

export const AnomalyConnection = Connection(Anomaly, 'Anomaly', 'anomaly', 'anomalies');

@Resolver(() => Anomaly)
export class AnomalyResolver {
  @Query(() => AnomalyConnection, { description: 'Contradictions found in the documents (sums that do not add up, prose against tables, cut codes).' })
  async anomalies(
    @Ctx() { repo }: ApiContext,
    @Arg('filter', () => AnomalyFilter, { nullable: true, description: 'Which anomalies (all when omitted).' }) filter?: AnomalyFilter,
    @Arg('orderBy', () => [AnomalyOrder], { nullable: true, description: 'Sort keys, first key first (default: by document); ties by document and id. E.g. [{field: DELTA, direction: DESC}] for the largest differences first.' }) orderBy?: { field: string; direction: string }[],
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: 'Page backwards: the last N (at most 100) before `before` (or of all).' }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'startCursor of the page after this one, to page backwards.' }) before?: string,
  ) {
    const { order, signature, page } = listArgs('anomalies', orderBy, first, after, last, before);
    return toConnection(await repo.anomalies(filter, order, page), signature);
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document it was found in.' })
  document(@Root() a: Anomaly, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(a.documentId);
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Document, { nullable: true, description: 'The document the line is in.' })
  document(@Root() s: Source, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(s.documentId);
  }
}
