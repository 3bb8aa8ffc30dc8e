// Ruled tables from their drawn grid, after pdfplumber's table.py stages: rulings are snapped and
// joined into edges, edges crossing make intersections, the smallest rectangles whose four sides
// are drawn make cells, and cells sharing corners make one table. Pure geometry, in points.
import type { Box, Ruling } from './geometry.js';

/** Rulings closer than this (points) are one line drawn twice (a border of each neighbouring cell). */
const SNAP = 1.5;
/** Segments of one line with a gap up to this are one edge. */
const JOIN = 3;
/** How far an edge may stop short of another and still meet it. */
const MEET = 2;

interface Edge {
  at: number;
  from: number;
  to: number;
}

export interface GridCell {
  box: Box;
  /** Row and column bands the cell starts at, and how many it spans. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface GridTable {
  box: Box;
  /**
   * Its vertical rulings run on past the last (first) horizontal one: a row cut by the page
   * break, closed here at the rulings' end so that its cells are cells.
   */
  openBottom: boolean;
  openTop: boolean;
  /** Row band boundaries (tops, then the last bottom) and column boundaries. */
  rows: number[];
  cols: number[];
  cells: GridCell[];
}

/** Snap rulings of one orientation to common positions and join collinear pieces. */
function edges(rulings: Ruling[], orientation: 'H' | 'V'): Edge[] {
  const sorted = rulings.filter((r) => r.orientation === orientation).sort((a, b) => a.at - b.at);
  // Each group starts with its first ruling.
  const groups: [Ruling, ...Ruling[]][] = [];
  for (const r of sorted) {
    const last = groups[groups.length - 1];
    if (last && r.at - last[0].at <= SNAP) last.push(r);
    else groups.push([r]);
  }
  const out: Edge[] = [];
  for (const g of groups) {
    const at = g.reduce((s, r) => s + r.at, 0) / g.length;
    const sorted: [Ruling, ...Ruling[]] = [...g];
    const [first, ...rest] = sorted.sort((a, b) => a.from - b.from);
    let cur = { from: first.from, to: first.to };
    for (const p of rest) {
      if (p.from <= cur.to + JOIN) cur.to = Math.max(cur.to, p.to);
      else {
        out.push({ at, ...cur });
        cur = { from: p.from, to: p.to };
      }
    }
    out.push({ at, ...cur });
  }
  return out;
}

const covers = (e: Edge, a: number, b: number) => e.from <= Math.min(a, b) + MEET && e.to >= Math.max(a, b) - MEET;

export function gridTables(rulings: Ruling[]): GridTable[] {
  const hs = edges(rulings, 'H');
  const vs = edges(rulings, 'V');
  if (hs.length < 1 || vs.length < 2) return [];
  const open = closeOpenEnds(hs, vs);
  // Intersections, keyed by their edges' positions.
  const xsAt = new Map<number, number[]>(); // y → xs of intersections on that horizontal line
  const points: { x: number; y: number }[] = [];
  for (const h of hs)
    for (const v of vs)
      if (v.at >= h.from - MEET && v.at <= h.to + MEET && h.at >= v.from - MEET && h.at <= v.to + MEET) {
        points.push({ x: v.at, y: h.at });
        const list = xsAt.get(h.at) ?? [];
        list.push(v.at);
        xsAt.set(h.at, list);
      }
  const ysAt = new Map<number, number[]>();
  for (const p of points) ysAt.set(p.x, [...(ysAt.get(p.x) ?? []), p.y]);
  for (const l of xsAt.values()) l.sort((a, b) => a - b);
  for (const l of ysAt.values()) l.sort((a, b) => a - b);
  const has = (x: number, y: number) => (xsAt.get(y) ?? []).includes(x);
  const hEdge = (y: number, x0: number, x1: number) => hs.some((e) => Math.abs(e.at - y) < 1e-6 && covers(e, x0, x1));
  const vEdge = (x: number, y0: number, y1: number) => vs.some((e) => Math.abs(e.at - x) < 1e-6 && covers(e, y0, y1));

  // The smallest drawn rectangle with its top-left corner at each intersection.
  const boxes: Box[] = [];
  for (const p of points) {
    const below = (ysAt.get(p.x) ?? []).filter((y) => y > p.y);
    const right = (xsAt.get(p.y) ?? []).filter((x) => x > p.x);
    found: for (const y of below) {
      if (!vEdge(p.x, p.y, y)) break;
      for (const x of right) {
        if (!hEdge(p.y, p.x, x)) break;
        if (has(x, y) && vEdge(x, p.y, y) && hEdge(y, p.x, x)) {
          boxes.push([p.x, p.y, x, y]);
          break found;
        }
      }
    }
  }
  return groupCells(boxes).map((t) => ({ ...t, openTop: open.tops.some((y) => Math.abs(y - t.box[1]) < 0.2), openBottom: open.bottoms.some((y) => Math.abs(y - t.box[3]) < 0.2) }));
}

/**
 * Vertical rulings whose ends no horizontal ruling meets, at a common height: a table row the
 * page break cut (the rest is on the next page). A horizontal edge is added there (it is
 * returned, so that the table can say it is open) and the row's cells close.
 */
function closeOpenEnds(hs: Edge[], vs: Edge[]): { tops: number[]; bottoms: number[] } {
  const result: { tops: number[]; bottoms: number[] } = { tops: [], bottoms: [] };
  for (const end of ['from', 'to'] as const) {
    const loose = vs.filter((v) => !hs.some((h) => Math.abs(h.at - v[end]) <= MEET && v.at >= h.from - MEET && v.at <= h.to + MEET)).sort((a, b) => a[end] - b[end]);
    const groups: [Edge, ...Edge[]][] = [];
    for (const v of loose) {
      const g = groups[groups.length - 1];
      if (g && Math.abs(v[end] - g[0][end]) <= SNAP) g.push(v);
      else groups.push([v]);
    }
    for (const g of groups) {
      if (g.length < 2) continue;
      const at = Math.round((g.reduce((sum, v) => sum + v[end], 0) / g.length) * 10) / 10;
      for (const v of g) v[end] = at;
      hs.push({ at, from: Math.min(...g.map((v) => v.at)), to: Math.max(...g.map((v) => v.at)) });
      (end === 'from' ? result.tops : result.bottoms).push(at);
    }
  }
  return result;
}

/** Cells sharing a corner belong to one table; each table's bands come from its cells' edges. */
function groupCells(boxes: Box[]): GridTable[] {
  const parent = boxes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byCorner = new Map<string, number>();
  const key = (x: number, y: number) => `${x.toFixed(1)},${y.toFixed(1)}`;
  boxes.forEach((b, i) => {
    for (const k of [key(b[0], b[1]), key(b[2], b[1]), key(b[0], b[3]), key(b[2], b[3])]) {
      const j = byCorner.get(k);
      if (j === undefined) byCorner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Box[]>();
  boxes.forEach((b, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), b]));
  const tables: GridTable[] = [];
  for (const cells of groups.values()) {
    const bands = (vals: number[]) => [...new Set(vals.map((v) => Math.round(v * 10) / 10))].sort((a, b) => a - b);
    const rows = bands(cells.flatMap((c) => [c[1], c[3]]));
    const cols = bands(cells.flatMap((c) => [c[0], c[2]]));
    const index = (list: number[], v: number) => list.findIndex((x) => Math.abs(x - v) < 0.2);
    const gridCells = cells.map((c) => {
      const row = index(rows, c[1]);
      const col = index(cols, c[0]);
      return { box: c, row, col, rowSpan: index(rows, c[3]) - row, colSpan: index(cols, c[2]) - col };
    });
    gridCells.sort((a, b) => a.row - b.row || a.col - b.col);
    const box: Box = [cols[0]!, rows[0]!, cols[cols.length - 1]!, rows[rows.length - 1]!];
    tables.push({ box, rows, cols, cells: gridCells, openTop: false, openBottom: false });
  }
  return tables.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}
