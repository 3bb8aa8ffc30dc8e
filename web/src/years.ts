// A code, a project or a department across years: plan (预算) and actual (决算) per year as a
// small bar chart (d3-scale), with the name each year printed and the identity evidence.
import { scaleBand, scaleLinear } from 'd3-scale';
import { gql } from './api.js';
import { escapeHtml } from './format.js';
import { t } from './i18n.js';
import { svgEl } from './svg.js';

export interface YearPoint {
  year: number;
  plan: string | null;
  actual: string | null;
}

export interface YearsData {
  title: string;
  points: YearPoint[];
  /** Name per year, and the rule that ties the years together. */
  names: { year: number; name: string }[];
  evidence: string[];
}

interface Cell {
  year: number;
  amount: string;
}

export async function codeYears(code: string, department: string): Promise<YearsData> {
  const data = await gql<{ plan: { cells: Cell[] }; actual: { cells: Cell[] }; classificationCode: { code: string; name: string | null; names: { year: number; name: string }[] } | null }>(
    `query($c: String!, $d: String!) {
      plan: aggregate(measure: TOTAL, groupBy: [YEAR], filter: { department: $d, code: $c }) { cells { year amount } }
      actual: aggregate(measure: ACTUAL, groupBy: [YEAR], filter: { department: $d, code: $c }) { cells { year amount } }
      classificationCode(code: $c) { code name names { year name } }
    }`,
    { c: code, d: department },
  );
  const years = [...new Set([...data.plan.cells, ...data.actual.cells].map((c) => c.year))].sort();
  const names = data.classificationCode?.names ?? [];
  return {
    title: `${code} ${data.classificationCode?.name ?? ''} · ${department}`,
    points: years.map((year) => ({ year, plan: data.plan.cells.find((c) => c.year === year)?.amount ?? null, actual: data.actual.cells.find((c) => c.year === year)?.amount ?? null })),
    names,
    evidence: names.length > 1 && new Set(names.map((n) => n.name)).size > 1 ? [`${code}: ${names.map((n) => `${n.year} ${n.name}`).join(' → ')} (${t('years.renamed')}; same code)`] : [],
  };
}

/** A department's totals per year (budget TOTAL, final-account ACTUAL), names as its documents print them. */
export async function departmentYears(department: string): Promise<YearsData> {
  const data = await gql<{ plan: { cells: Cell[] }; actual: { cells: Cell[] }; departments: { name: string; aliases: string[]; aliasRules: string[] }[] }>(
    `query($d: String!) {
      plan: aggregate(measure: TOTAL, groupBy: [YEAR], filter: { department: $d }) { cells { year amount } }
      actual: aggregate(measure: ACTUAL, groupBy: [YEAR], filter: { department: $d }) { cells { year amount } }
      departments(name: $d) { name aliases aliasRules }
    }`,
    { d: department },
  );
  const years = [...new Set([...data.plan.cells, ...data.actual.cells].map((c) => c.year))].sort();
  const dep = data.departments[0];
  return {
    title: dep?.name ?? department,
    points: years.map((year) => ({ year, plan: data.plan.cells.find((c) => c.year === year)?.amount ?? null, actual: data.actual.cells.find((c) => c.year === year)?.amount ?? null })),
    names: [],
    // One department across every title its documents print, by these identity rules.
    evidence: dep ? dep.aliasRules : [],
  };
}

export async function projectYears(projectId: string): Promise<YearsData> {
  const data = await gql<{ project: { name: string; names: string[]; allocations: { year: number; name: string; amount: string | null; executed: string | null }[]; sameAs: { project: { name: string }; rule: string; note: string }[] } | null }>(
    `query($id: ID!) { project(id: $id) { name names allocations { year name amount executed } sameAs { project { name } rule note } } }`,
    { id: projectId },
  );
  if (!data.project) throw new Error(`No project ${projectId}`);
  const byYear = new Map<number, YearPoint>();
  for (const a of data.project.allocations) {
    const p = byYear.get(a.year) ?? { year: a.year, plan: null, actual: null };
    if (a.amount) p.plan = a.amount;
    if (a.executed) p.actual = a.executed;
    byYear.set(a.year, p);
  }
  return {
    title: data.project.name,
    points: [...byYear.values()].sort((a, b) => a.year - b.year),
    names: data.project.allocations.map((a) => ({ year: a.year, name: a.name })),
    // One project across years: same department, same normalised name (the names printed are listed).
    evidence: [`${data.project.names.join(' = ')} (same department, same normalised name)`, ...data.project.sameAs.map((s) => `≈ ${s.project.name} (${s.rule}): ${s.note}`)],
  };
}

const el = svgEl;

export function drawYears(svg: SVGSVGElement, data: YearsData, width = 560, height = 260): void {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const margin = { top: 16, right: 12, bottom: 28, left: 70 };
  const x = scaleBand<number>().domain(data.points.map((p) => p.year)).range([margin.left, width - margin.right]).padding(0.25);
  const max = Math.max(1, ...data.points.flatMap((p) => [Number(p.plan ?? 0), Number(p.actual ?? 0)]));
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  for (const tick of y.ticks(5)) {
    svg.appendChild(el('line', { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), stroke: '#e3e7ec' }));
    svg.appendChild(el('text', { x: margin.left - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 10, fill: '#555' }, String(tick)));
  }
  const bw = x.bandwidth() / 2;
  for (const p of data.points) {
    const x0 = x(p.year) ?? 0;
    for (const [i, key, colour] of [[0, 'plan', '#1565c0'], [1, 'actual', '#ef6c00']] as const) {
      const v = p[key];
      if (v === null) continue;
      const bar = el('rect', { x: x0 + i * bw, y: y(Number(v)), width: bw - 2, height: y(0) - y(Number(v)), fill: colour, class: `bar bar-${key}`, 'data-year': p.year, 'data-amount': v });
      bar.appendChild(el('title', {}, `${p.year} ${t(key === 'plan' ? 'years.plan' : 'years.actual')}: ${v} 万元`));
      svg.appendChild(bar);
      svg.appendChild(el('text', { x: x0 + i * bw + (bw - 2) / 2, y: y(Number(v)) - 3, 'text-anchor': 'middle', 'font-size': 10 }, v));
    }
    svg.appendChild(el('text', { x: x0 + x.bandwidth() / 2, y: height - 10, 'text-anchor': 'middle', 'font-size': 11 }, String(p.year)));
  }
}

export function yearsLegend(data: YearsData): string {
  const names = data.names.length ? `<h3>${escapeHtml(t('years.names'))}</h3><ul>${data.names.map((n) => `<li>${n.year}: ${escapeHtml(n.name)}</li>`).join('')}</ul>` : '';
  const evidence = data.evidence.length ? `<ul class="evidence">${data.evidence.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>` : '';
  return `<p class="legend-row"><span class="dot" style="background:#1565c0"></span>${escapeHtml(t('years.plan'))} <span class="dot" style="background:#ef6c00"></span>${escapeHtml(t('years.actual'))} (万元)</p>${names}${evidence}`;
}
