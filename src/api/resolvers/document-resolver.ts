import { keyOf } from '../../model/ids.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { primeDocumentBundle } from '../../../loaders/prime.js';
import { selectionTree, selectsCursor } from '../selection.js';
import { documentBundlePlan } from '../../query/projection.js';
import type { ApiContext } from '../context.js';
import { BudgetGraphError } from '../../errors.js';
import { listArgs, toConnection } from '../pagination.js';
import { Anomaly } from '../types/anomalies.js';
import { DiagnosticLevel, DocumentDiagnostic } from '../types/diagnostics.js';
import type { DiagnosticLevel as DiagnosticLevelValue } from '../../model/diagnostics.js';
import { Connection } from '../types/connection.js';
import { BudgetLine, BudgetUnit, Department, Document, ThreeCosts, DocumentText } from '../types/documents.js';
import { DocumentFilter, DocumentOrder } from '../types/inputs.js';
import { Figure, FigureMeasure, Payment, ProseAmount, TableFamily, TableTotal } from '../types/figures.js';
import { InvestmentProject } from '../types/investments.js';
import { Indicator, ProjectAllocation, SelfEvaluation } from '../types/projects.js';
import { documentIdOfFile, documentSchemeKey } from '../../model/ids.js';

export const DocumentConnection = Connection(Document, 'Document', 'document');

const MAX_TEXT_LINES = 400;

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => DocumentConnection, { description: 'Loaded documents, newest year first.' })
  async documents(
    @Ctx() { repo }: ApiContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => DocumentFilter, { nullable: true, description: 'Which documents (all when omitted).' }) filter?: DocumentFilter,
    @Arg('orderBy', () => [DocumentOrder], { nullable: true, description: 'Sort keys, first key first (default: newest year first); ties by file name.' }) orderBy?: { field: string; direction: string }[],
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: 'Page backwards: the last N (at most 100) before `before` (or of all).' }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'startCursor of the page after this one, to page backwards.' }) before?: string,
  ) {
    const { order, signature, page } = listArgs('documents', orderBy, first, after, last, before, selectsCursor(selectionTree(info)));
    return toConnection(await repo.documents(filter, order, page), signature);
  }

  @Query(() => Document, { nullable: true, description: 'One document by id (its file name without extension).' })
  async document(@Ctx() { repo, loaders }: ApiContext, @Arg('id', () => ID, { description: 'Document id (as in Document.id) or file name.' }) id: string, @Info() info: GraphQLResolveInfo) {
    // Asked for its lines or projects too? Fetch them with the document in one statement, only
    // the properties the selection reads.
    const key = keyOf('Document', id);
    const plan = documentBundlePlan(selectionTree(info));
    // By id; else by file name ("004_….txt"), as the description says: one more read, only on a miss.
    const byFile = documentIdOfFile(key) === key ? null : documentIdOfFile(key);
    if (!plan) {
      const row = await loaders.documentById.load(key);
      if (row || !byFile) return row;
      const other = await loaders.documentById.load(byFile);
      return other?.file === key ? other : null;
    }
    let bundle = await repo.documentBundle(key, plan);
    if (!bundle && byFile) {
      bundle = await repo.documentBundle(byFile, plan);
      if (bundle?.document.file !== key) bundle = null;
    }
    if (!bundle) return null;
    primeDocumentBundle(loaders, bundle);
    const lines = Object.fromEntries(plan.schemes.map((s) => [s, bundle.lines.filter((l) => l.scheme === s)]));
    return { ...bundle.document, bundled: { lines, projects: plan.withProjects ? bundle.allocations : undefined } };
  }

  @FieldResolver(() => Department, { description: 'The department whose document it is.' })
  department(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.departmentById.get(d.departmentId);
  }

  @FieldResolver(() => [BudgetUnit], { description: 'Budget units (预算单位) the document covers: those its tables print, or the unit a 单位预算 / 单位决算 is of; none when it prints the department as a whole only (no invented 本级).', complexity: 5 })
  units(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.unitsByDocument.get(d.id);
  }

  @FieldResolver(() => [BudgetLine], { description: '支出功能分类 lines in print order (every table that prints them).', complexity: 100 })
  functionLines(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return d.bundled?.lines.FUNCTION ?? loaders.linesByDocumentScheme.get(documentSchemeKey(d.id, 'FUNCTION'));
  }

  @FieldResolver(() => [BudgetLine], { description: '支出经济分类 lines in print order.', complexity: 100 })
  economicLines(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return d.bundled?.lines.ECONOMIC ?? loaders.linesByDocumentScheme.get(documentSchemeKey(d.id, 'ECONOMIC'));
  }

  @FieldResolver(() => [BudgetLine], { description: '政府采购 lines in print order.', complexity: 20 })
  procurementLines(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return d.bundled?.lines.PROCUREMENT ?? loaders.linesByDocumentScheme.get(documentSchemeKey(d.id, 'PROCUREMENT'));
  }

  @FieldResolver(() => [ProjectAllocation], { complexity: 50, description: 'Every project the document budgets, spends or evaluates.' })
  projects(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return d.bundled?.projects ?? loaders.allocationsByDocument.get(d.id);
  }

  @FieldResolver(() => [ThreeCosts], { complexity: 3, description: '"三公"经费 from the tables and from the prose.' })
  threeCosts(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.threeCostsByDocument.get(d.id);
  }

  @FieldResolver(() => [Figure], { complexity: 200, description: 'Numbers the tables print that no richer fact holds (summary tables, 合计 columns, scores, payments), in print order; filter by table family or measure.' })
  async figures(
    @Root() d: Document,
    @Ctx() { loaders }: ApiContext,
    @Arg('family', () => TableFamily, { nullable: true, description: 'Only figures of this family of table.' }) family?: string,
    @Arg('measure', () => FigureMeasure, { nullable: true, description: 'Only figures of this measure.' }) measure?: string,
  ) {
    const all = await loaders.figuresByDocument.load(d.id);
    return all.filter((f) => (!family || f.family === family) && (!measure || f.measure === measure));
  }

  @FieldResolver(() => [TableTotal], { complexity: 20, description: 'The 合计 rows of its classification tables, every column kept.' })
  tableTotals(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.tableTotalsByDocument.get(d.id);
  }

  @FieldResolver(() => DocumentText, { nullable: true, complexity: 50, description: `The document's text from line \`from\` to line \`to\` (at most ${MAX_TEXT_LINES} lines): read a fact in its place, with its table's title and header above it. Null when the document's text is not stored.` })
  async text(
    @Root() d: Document,
    @Ctx() { repo }: ApiContext,
    @Arg('from', () => Int, { description: 'First line (1-based).' }) from: number,
    @Arg('to', () => Int, { description: 'Last line (inclusive).' }) to: number,
  ) {
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from >= MAX_TEXT_LINES) {
      throw new BudgetGraphError('BAD_USER_INPUT', `text(from, to) takes at most ${MAX_TEXT_LINES} lines with from ≤ to (got ${from}..${to}).`, { argument: 'to' });
    }
    return repo.documentText(d.id, from, to);
  }

  @FieldResolver(() => [Payment], { complexity: 50, description: 'Payments its 项目支出明细表 list, in print order.' })
  payments(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.paymentsByDocument.get(d.id);
  }

  @FieldResolver(() => [ProseAmount], { complexity: 100, description: 'Every amount its prose states, with the change stated beside it and the table fact it restates.' })
  proseAmounts(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.proseAmountsByDocument.get(d.id);
  }

  @FieldResolver(() => [DocumentDiagnostic], { complexity: 20, description: 'What the reader says about how it read this document, in line order of raising: cells repaired or unreadable, tables left unread, units taken from the document, personal data hidden. A WARNING marks a line whose figures are not in the graph or are read with doubt.' })
  async diagnostics(
    @Root() d: Document,
    @Ctx() { loaders }: ApiContext,
    @Arg('level', () => DiagnosticLevel, { nullable: true, description: 'Only diagnostics of this level.' }) level?: DiagnosticLevelValue,
  ) {
    const all = await loaders.diagnosticsByDocument.get(d.id);
    return level ? all.filter((x) => x.level === level) : all;
  }

  @FieldResolver(() => [Anomaly], { complexity: 10, description: 'Contradictions recorded in this document.' })
  anomalies(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.anomaliesByDocument.get(d.id);
  }

  @FieldResolver(() => [Indicator], { complexity: 20, description: 'Department-wide (整体支出) indicators; project indicators hang off each project.' })
  indicators(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.indicatorsByDocument.get(d.id);
  }

  @FieldResolver(() => [InvestmentProject], { complexity: 20, description: 'Investment projects (国家编码) this document reports.' })
  investmentProjects(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.investmentsByDocument.get(d.id);
  }

  @FieldResolver(() => [SelfEvaluation], { complexity: 30, description: 'Self-evaluation (绩效自评) records this document prints.' })
  selfEvaluations(@Root() d: Document, @Ctx() { loaders }: ApiContext) {
    return loaders.evaluationsByDocument.get(d.id);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'Departments whose id, name or any printed alias contains `name` (all when omitted).' })
  async departments(@Ctx() { repo }: ApiContext, @Arg('name', () => String, { nullable: true, description: 'Only departments whose id, name or alias contains this text.' }) name?: string) {
    return repo.departments(name ?? null);
  }

  @FieldResolver(() => [Document], { complexity: 10, description: 'Its documents, oldest year first.' })
  documents(@Root() d: Department, @Ctx() { loaders }: ApiContext) {
    return loaders.documentsByDepartment.get(d.id);
  }

  @FieldResolver(() => [BudgetUnit], { complexity: 5, description: 'Its budget units as its documents print them: its own unit (本级) where one prints it, and subordinate units.' })
  units(@Root() d: Department, @Ctx() { loaders }: ApiContext) {
    return loaders.unitsByDepartment.get(d.id);
  }
}

@Resolver(() => BudgetUnit)
export class BudgetUnitResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The department it belongs to.' })
  department(@Root() u: BudgetUnit, @Ctx() { loaders }: ApiContext) {
    return loaders.departmentById.get(u.departmentId);
  }
}
