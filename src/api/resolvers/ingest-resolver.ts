import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { LoadReport } from '../types/ingest.js';
import { BudgetGraphError } from '../../errors.js';
import { MAX_DOCUMENT_CHARS } from '../ingest-service.js';

const FILE_NAME = /^[^/\\\0]{1,200}\.txt$/;
/** Removal takes any document's name: a PDF, web page or Markdown loaded through POST /ingest or from files keeps its own. */
const LOADED_NAME = /^[^/\\\0]{1,200}\.(txt|pdf|html?|md|markdown)$/i;

function authorize(ctx: ApiContext): NonNullable<ApiContext['ingest']> {
  if (!ctx.ingestEnabled || !ctx.ingest) throw new BudgetGraphError('UNAUTHENTICATED', 'Writes are disabled on this server: start it with BUDGET_GRAPH_TOKEN set to enable them.');
  if (!ctx.authorized) throw new BudgetGraphError('UNAUTHENTICATED', 'Writes need the header "Authorization: Bearer <BUDGET_GRAPH_TOKEN>".');
  return ctx.ingest;
}

function checkName(name: string): void {
  if (!FILE_NAME.test(name)) throw new BudgetGraphError('BAD_USER_INPUT', 'name must be a plain file name ending in .txt (no folders), at most 200 characters.', { argument: 'name' });
}

@Resolver()
export class IngestResolver {
  @Mutation(() => LoadReport, {
    description:
      'Load one document (its text, as extracted from the PDF) in one transaction. Needs `Authorization: Bearer <BUDGET_GRAPH_TOKEN>`; disabled when the server has no token. A bad document is refused (BAD_USER_INPUT, reason BAD_DOCUMENT) with the file, line and what was expected, and the graph stays unchanged. A second document for the same department, year and kind is refused (CONFLICT) unless replace is true.',
  })
  async ingest(
    @Ctx() ctx: ApiContext,
    @Arg('name', () => String, { description: 'File name, e.g. "2024_某区_预算.txt".' }) name: string,
    @Arg('text', () => String, { description: `The document's text (UTF-8, at most ${MAX_DOCUMENT_CHARS} characters).` }) text: string,
    @Arg('replace', () => Boolean, { defaultValue: false, description: 'Supersede a document already loaded for the same department, year and kind (it is removed in the same transaction).' }) replace: boolean,
  ): Promise<LoadReport> {
    const ingest = authorize(ctx);
    checkName(name);
    if (text.length > MAX_DOCUMENT_CHARS) throw new BudgetGraphError('BAD_USER_INPUT', `text is longer than ${MAX_DOCUMENT_CHARS} characters; split the document or load it with npm run load.`, { argument: 'text' });
    const report = await ingest.ingest(name, text, replace);
    return {
      file: report.file,
      status: report.status,
      records: report.records,
      nodesCreated: report.nodesCreated,
      relationshipsCreated: report.relationshipsCreated,
      anomalies: report.plan?.anomalies.length ?? 0,
      ms: report.ms,
      replacedFiles: report.replacedFiles,
      parityErrors: report.parity,
      diagnostics: report.diagnostics.map(({ level, code, message, original, line, text }) => ({ level, code, message, original, source: { documentId: report.plan?.documentId ?? report.file, table: null, line, text } })),
    };
  }

  @Mutation(() => Boolean, { description: 'Remove a loaded document and everything only it held; the graph is as if it had never been loaded. False when no such file is loaded. Needs the same token as ingest.' })
  async removeDocument(@Ctx() ctx: ApiContext, @Arg('name', () => String, { description: 'The file name the document was loaded under.' }) name: string): Promise<boolean> {
    const ingest = authorize(ctx);
    if (!LOADED_NAME.test(name)) throw new BudgetGraphError('BAD_USER_INPUT', 'name must be a plain file name ending in .txt, .pdf, .html, .htm or .md (no folders), at most 200 characters.', { argument: 'name' });
    return ingest.remove(name);
  }
}
