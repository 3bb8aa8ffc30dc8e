// A row of a plan refers to another fact of the same plan by its index (a link's project, a
// report's allocation, a slot's first listing). The index comes from the same parse, so it is in
// range; if a reader ever breaks that, the load stops naming the reference instead of writing a
// row with undefined in it (which `list[i]!` would have let through).

import { ProgramBugError } from '../../errors.js';

/** `list[index]`, which the plan's own parse guarantees is there; throws ProgramBugError PLAN_REFERENCE naming `what` if not. */
export function indexed<T>(list: readonly T[], index: number, what: string): T {
  const value = list[index];
  if (value === undefined) throw new ProgramBugError('PLAN_REFERENCE', `${what} ${index} refers to none of the ${list.length} there are`);
  return value;
}
