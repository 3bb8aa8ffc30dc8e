import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { LoadReport } from '../types/ingest.js';
import { BudgetGraphError } from '../../errors.js';
import { loadDocument } from '../../load/loader.js';

export const MAX_DOCUMENT_CHARS = 1_500_000;

@Resolver()
export class IngestResolver {
  @Mutation(() => LoadReport, {
    description:
      'Load one document (its text, as extracted from the PDF) in one transaction. Needs `Authorization: Bearer <BUDGET_GRAPH_TOKEN>`; disabled when the server has no token. A bad document is refused with the file, line and what was expected, and the graph stays unchanged.',
  })
  async ingest(@Ctx() ctx: ApiContext, @Arg('name', () => String, { description: 'File name, e.g. "2024_龙岗_预算.txt".' }) name: string, @Arg('text', () => String) text: string): Promise<LoadReport> {
    if (!ctx.ingestEnabled) throw new BudgetGraphError('UNAUTHENTICATED', 'Ingest is disabled on this server: start it with BUDGET_GRAPH_TOKEN set to enable it.');
    if (!ctx.authorized) throw new BudgetGraphError('UNAUTHENTICATED', 'Ingest needs the header "Authorization: Bearer <BUDGET_GRAPH_TOKEN>".');
    if (!/^[^/\\\0]{1,200}\.txt$/.test(name)) throw new BudgetGraphError('BAD_USER_INPUT', 'name must be a plain file name ending in .txt (no folders), at most 200 characters.', { argument: 'name' });
    if (text.length > MAX_DOCUMENT_CHARS) throw new BudgetGraphError('BAD_USER_INPUT', `text is longer than ${MAX_DOCUMENT_CHARS} characters; split the document or load it with npm run load.`, { argument: 'text' });
    const report = await loadDocument(ctx.runner, name, text);
    if (report.status !== 'UNCHANGED') ctx.cache?.invalidate();
    return {
      file: report.file,
      status: report.status,
      records: report.records,
      nodesCreated: report.nodesCreated,
      relationshipsCreated: report.relationshipsCreated,
      anomalies: report.plan?.anomalies.length ?? 0,
      ms: report.ms,
    };
  }
}
