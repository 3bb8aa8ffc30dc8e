// Rows that arrive with their neighbours (a line with its unit, a feed with its department, unit
// and project) fill the other loaders' caches, so resolving those fields costs no round-trip.
import type { Loaders } from './index.js';
import type { CodeFeedRow, DepartmentRow, ProjectRow, UnitRow } from '../src/query/records.js';
import type { FeedNeighboursPlan } from '../src/query/projection.js';
import type { DocumentBundle, LineageData } from '../src/query/repository.js';
import { departmentRow, projectRow, unitRow } from '../src/query/rows.js';

type Props = Record<string, unknown>;

export function primeNeighbours(loaders: Pick<Loaders, 'unitById' | 'projectById' | 'departmentById'>, row: { unit?: Props | UnitRow; project?: Props | ProjectRow; department?: Props | DepartmentRow }): void {
  if (row.unit?.id) loaders.unitById.prime(String(row.unit.id), unitRow(row.unit as Props));
  if (row.project?.id && (row.project as Props).departmentId) loaders.projectById.prime(String(row.project.id), projectRow(row.project as Props));
  if (row.department?.id) loaders.departmentById.prime(String(row.department.id), departmentRow(row.department as Props));
}

/** A lineage fetched in one statement fills every loader its nested fields would use. */
export function primeLineage(loaders: Loaders, data: LineageData): void {
  loaders.projectById.prime(data.project.id, data.project);
  loaders.departmentById.prime(data.department.id, data.department);
  loaders.allocationsByProject.prime(data.project.id, data.years.map((y) => y.allocation));
  for (const y of data.years) {
    const id = y.allocation.id;
    loaders.allocationById.prime(id, y.allocation);
    if (y.unit) loaders.unitById.prime(y.unit.id, y.unit);
    loaders.documentById.prime(y.document.id, y.document);
    loaders.codeLinksByAllocation.prime(id, y.links);
    loaders.investmentsByAllocation.prime(id, y.investments);
    loaders.indicatorsByAllocation.prime(id, y.indicators);
    loaders.evaluationsByAllocation.prime(id, y.evaluations);
  }
}

/** A document fetched with its lines and projects: the whole rows among them (the document, the
 * units, the projects) prime their loaders; the lines and allocations, cut to one selection, do not. */
export function primeDocumentBundle(loaders: Loaders, bundle: DocumentBundle): void {
  loaders.documentById.prime(bundle.document.id, bundle.document);
  for (const unit of bundle.units) loaders.unitById.prime(unit.id, unit);
  for (const project of bundle.projects) loaders.projectById.prime(project.id, project);
}

/** A project → code link's neighbours prime their loaders, those that came whole: a slim one
 * (id and name) answers its link's fields only (src/query/projection.ts). */
export function primeWholeNeighbours(loaders: Loaders, feed: CodeFeedRow, whole: FeedNeighboursPlan): void {
  primeNeighbours(loaders, { department: whole.wholeDepartment ? feed.department : undefined, unit: whole.wholeUnit ? (feed.unit ?? undefined) : undefined, project: whole.wholeProject ? (feed.project ?? undefined) : undefined });
}
