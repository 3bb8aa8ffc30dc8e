// ProjectAllocation // 项目年度安排 and ProjectListing rows. An allocation is one printed row's
// money: document + unit + project + code line. The listings of one name (tables, forms, prose)
// are grouped into slots that agree on unit and code; a listing that names neither joins the slot
// whose amount it repeats (else the first). Each slot's project is department + unit + name: two
// units' rows of a same-named project are two projects (其他一般管理事务 of 本级 and of a centre),
// and a listing printed without unit in a document of the whole department is the department's,
// not a unit's (identity.ts listingUnit). No listing is dropped. A project the prose names
// otherwise than its form is that project (decided with evidence, name-variants.ts).
import type { ParsedDocument, Project } from '../../parse/records.js';
import type { DepartmentIdentity } from '../identity.js';
import { listingUnit, projectId, unitId, type ProjectUnitRule } from '../identity.js';
import { normaliseProjectName } from '../../model/names.js';
import { nameVariants, type NameVariant } from '../name-variants.js';
import { allocationId, listingId, projectIdParts } from '../../model/ids.js';
import { slotListings } from './slots.js';
import type { UnitRegistry } from './units.js';
import { fundingJson, n, src } from './values.js';
import { storedValues, storedValuesOf } from './stored.js';
import { PROJECT_ALLOCATION } from '../../model/kinds/project-allocation.js';
import { PROJECT_LISTING } from '../../model/kinds/project-listing.js';
import type { RecordOf } from '../../model/fact-kind.js';
import { isKeyOf } from '../../keys.js';
import { pushTo } from '../../multimap.js';
import { indexed } from './indexed.js';

/** Which listing speaks for an allocation when several print it: the most detailed source first. */
const KIND_PREFERENCE: Project['sourceKind'][] = ['SELF_EVALUATION', 'PROJECT_TABLE', 'KEY_PROJECT_TABLE', 'PROSE_LIST', 'TARGET_FORM'];

export interface Allocations {
  /** One merged project record per allocation, in allocation order (what the linkers read). */
  representatives: Project[];
  allocationIds: string[];
  rows: ReturnType<typeof allocationRow>[];
  listings: ReturnType<typeof listingRow>[];
  variants: NameVariant[];
  /** The allocation a printed project name belongs to (indicators, evaluations, payments). */
  ownerOf: (printed: string | null) => string | null;
}

/**
 * How an allocation takes a declared property from its slot's listings when it is not the first
 * listing's that prints it: its name and amount are the most detailed listing's (the
 * representative), its level that listing's (2 when it names a parent), key any listing's mark.
 */
const MERGED: { [N in keyof AllocationRecord]?: (rep: Project, slot: Project[]) => AllocationRecord[N] } = {
  name: (rep) => rep.name,
  level: (rep) => rep.level ?? (rep.parent ? 2 : null),
  amount: (rep) => rep.amount,
  key: (_rep, slot) => slot.some((p) => p.key),
};

type AllocationRecord = RecordOf<typeof PROJECT_ALLOCATION>;

/** Whether a listing prints a value: null, absent and blank text are not printed; 0 and false are. */
const prints = (v: unknown) => v !== null && v !== undefined && v !== '';

/**
 * A declared property of an allocation from its listings: the merge rule's, else the first listing
 * that prints it; null when none does, undefined when no listing's reader sets it at all.
 */
function mergedValue(name: string, rep: Project, slot: Project[]): unknown {
  if (isKeyOf(MERGED, name)) return MERGED[name]?.(rep, slot);
  const values = slot.map((p) => {
    const fields: Record<string, unknown> = p;
    return fields[name];
  });
  const printed = values.find(prints);
  if (printed !== undefined) return printed;
  return values.some((v) => v !== undefined) ? null : undefined;
}

function allocationRow(allocId: string, pid: string, rep: Project, slot: Project[], year: number, unit: string | null, projectUnit: { id: string | null; rule: ProjectUnitRule }) {
  const printing = slot.find((p) => p.unit);
  return {
    id: allocId,
    projectId: pid,
    /** The project's unit (null: the department as a whole), and how it was named. */
    projectUnitId: projectUnit.id,
    unitRule: projectUnit.rule,
    /** The 预算单位 as the table prints it over this row, and that table (aggregate by UNIT reads them). */
    unitPrinted: printing?.unit ?? null,
    unitTable: printing?.source.table ?? null,
    // The declared properties (src/model/kinds/project-allocation.ts), with what the load derives beside them.
    ...storedValuesOf(PROJECT_ALLOCATION, (name) => mergedValue(name, rep, slot), {
      name: { normName: projectIdParts(pid).normName, parentName: rep.parent },
      level: { year: n(year), unitId: unit },
      period: { sourceKinds: [...new Set(slot.map((p) => p.sourceKind))], funding: fundingJson(slot.find((p) => p.funding?.length)?.funding ?? null), searchText: rep.name },
    }),
    ...src(rep.source),
  };
}

function listingRow(allocId: string, j: number, p: Project) {
  // Its declared properties (src/model/kinds/project-listing.ts), the unit it is printed under beside them.
  return { id: listingId(allocId, j), allocationId: allocId, ...storedValues(PROJECT_LISTING, p, { functionCode: { unit: p.unit } }), ...src(p.source) };
}

export function allocationsOf(doc: ParsedDocument, documentId: string, dept: DepartmentIdentity, units: UnitRegistry): Allocations {
  const variants = nameVariants(doc.projects);
  const canonical = new Map(variants.map((v) => [v.printed, v.canonical]));
  const identityName = (name: string) => canonical.get(name) ?? name;
  const nameKey = (name: string) => normaliseProjectName(identityName(name));
  const byName = new Map<string, Project[]>();
  for (const p of doc.projects) pushTo(byName, nameKey(p.name), p);
  // A 单位预算 / 单位决算 is one unit's: what it lists without a unit row is that unit's.
  const documentUnit = doc.meta.publisher?.unit ?? null;
  const out: Allocations = { representatives: [], allocationIds: [], rows: [], listings: [], variants, ownerOf: () => null };
  /** Allocation of a project for indicators and evaluations: the slot holding its form, else the first. */
  const ownerByName = new Map<string, string>();
  /** Slots already given to a project id in this document ("#2" for its next row). */
  const slotsOf = new Map<string, number>();
  for (const [key, list] of byName) {
    const slots = slotListings(list, (u) => unitId(dept.id, u));
    const withForm = slots.findIndex((slot) => slot.some((p) => p.sourceKind === 'TARGET_FORM' || p.sourceKind === 'SELF_EVALUATION'));
    const ownerSlot = withForm >= 0 ? withForm : 0;
    slots.forEach((slot, k) => {
      const sorted = [...slot].sort((a, b) => KIND_PREFERENCE.indexOf(a.sourceKind) - KIND_PREFERENCE.indexOf(b.sourceKind));
      const rep = { ...indexed(sorted, 0, 'the first listing of a slot') };
      rep.parent = slot.find((p) => p.parent)?.parent ?? null;
      rep.functionCode = slot.find((p) => p.functionCode)?.functionCode ?? null;
      rep.unit = slot.find((p) => p.unit)?.unit ?? null;
      const owner = listingUnit(rep.unit, documentUnit);
      const projectUnitId = owner.unit === null ? null : units.add(owner.unit, rep.source);
      const pid = projectId(dept.id, projectUnitId, identityName(indexed(list, 0, 'the first listing of a project').name));
      const slotNo = slotsOf.get(pid) ?? 0;
      slotsOf.set(pid, slotNo + 1);
      out.representatives.push(rep);
      const allocId = allocationId(documentId, pid, slotNo);
      out.allocationIds.push(allocId);
      if (k === ownerSlot) ownerByName.set(key, allocId);
      // An allocation of the department as a whole is no unit's (no FOR_UNIT), as its project is none's.
      out.rows.push(allocationRow(allocId, pid, rep, slot, doc.meta.year, projectUnitId, { id: projectUnitId, rule: owner.rule }));
      slot.forEach((p, j) => out.listings.push(listingRow(allocId, j, p)));
    });
  }
  out.ownerOf = (printed) => {
    if (!printed) return null;
    return ownerByName.get(nameKey(printed)) ?? allocationId(documentId, projectId(dept.id, documentUnit === null ? null : unitId(dept.id, documentUnit), identityName(printed)));
  };
  return out;
}
