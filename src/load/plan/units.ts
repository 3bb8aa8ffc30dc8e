// BudgetUnit // 预算单位 rows: every unit a document's facts name, registered as the mappers meet
// them, each once; none for a document that prints the department as a whole only. A unit is named as a table prints it: the
// department's own unit takes the department's printed name until a table prints its own (never
// an invented "（本级）").
import type { Source } from '../../parse/records.js';
import type { DepartmentIdentity } from '../identity.js';
import { listingUnit, unitId } from '../identity.js';
import { SELF_UNIT } from '../../model/ids.js';
import { src } from './values.js';

export class UnitRegistry {
  private readonly units = new Map<string, ReturnType<UnitRegistry['row']>>();

  constructor(private readonly dept: DepartmentIdentity) {}

  /** The unit's id, registering it the first time it is named. */
  add(name: string | null, source: Source): string {
    const id = unitId(this.dept.id, name);
    const known = this.units.get(id);
    if (!known || (known.printed === null && name)) this.units.set(id, this.row(id, name, source));
    return id;
  }

  /**
   * The unit a fact is of, registered: the unit its table prints it under, else the unit a 单位预算 /
   * 单位决算 is of (named where the document prints it, its 预算单位：… line); null for a fact the
   * table prints for the department as a whole, which is no unit's (no FOR_UNIT), never the
   * department's own unit (本级), one unit among its others.
   */
  ownerOf(printed: string | null, source: Source, documentUnit: { unit: string | null; unitSource: Source | null } | null): string | null {
    const owner = listingUnit(printed, documentUnit?.unit ?? null);
    if (owner.unit === null) return null;
    return this.add(owner.unit, owner.rule === 'PRINTED' ? source : (documentUnit?.unitSource ?? source));
  }

  private row(id: string, name: string | null, source: Source) {
    return { id, name: name ?? this.dept.name, printed: name, isSelf: id.endsWith(`|${SELF_UNIT}`), searchText: name ?? this.dept.name, ...src(source) };
  }

  rows() {
    return [...this.units.values()].map(({ printed: _printed, ...row }) => row);
  }
}
