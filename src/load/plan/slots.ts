// How one project's listings become allocations (one per printed row's money).
import type { Project } from '../../parse/records.js';

/**
 * Groups one project's listings into allocation slots. Listings that print a unit or a code
 * decide the slots (they agree when neither contradicts the other); a listing that prints
 * neither joins the slot whose amount it repeats, or the first slot.
 */
export function slotListings(list: Project[], unitKey: (unit: string | null) => string): Project[][] {
  type Slot = { unit: string | null; code: string | null; members: Project[] };
  const slots: Slot[] = [];
  const specific = list.filter((p) => p.unit || p.functionCode);
  const vague = list.filter((p) => !p.unit && !p.functionCode);
  // Most specific first, so a listing with unit and code founds the slot the partial ones join.
  const order = [...specific].sort((a, b) => Number(Boolean(b.unit && b.functionCode)) - Number(Boolean(a.unit && a.functionCode)));
  for (const p of order) {
    const u = p.unit ? unitKey(p.unit) : null;
    const fits = slots.filter((s) => (s.unit === null || u === null || s.unit === u) && (s.code === null || p.functionCode === null || s.code === p.functionCode));
    const slot = fits.length === 1 ? fits[0] : fits.find((s) => s.members.some((m) => m.amount !== null && m.amount === p.amount)) ?? (fits.length ? fits[0] : undefined);
    if (slot && !(p.unit && p.functionCode && slot.members.some((m) => m.unit && m.functionCode && (unitKey(m.unit) !== u || m.functionCode !== p.functionCode)))) {
      slot.members.push(p);
      slot.unit ??= u;
      slot.code ??= p.functionCode;
    } else {
      slots.push({ unit: u, code: p.functionCode, members: [p] });
    }
  }
  if (slots.length === 0) return [list];
  for (const p of vague) (slots.find((s) => s.members.some((m) => m.amount !== null && m.amount === p.amount)) ?? slots[0]!).members.push(p);
  // Keep print order inside each slot and among slots (the first printed row's slot first).
  const firstIndex = (s: Slot) => Math.min(...s.members.map((m) => list.indexOf(m)));
  return slots.sort((a, b) => firstIndex(a) - firstIndex(b)).map((s) => s.members.sort((a, b) => list.indexOf(a) - list.indexOf(b)));
}
