// The explorer's views besides the graph: money flow, years, anomalies. The active view and its
// parameters live in the URL (?view=flow&v.department=…&v.year=…) so a link reproduces it.
import { drawFlow, describePick, loadFlow, type Flow } from './flow.js';
import { codeYears, departmentYears, drawYears, projectYears, yearsLegend } from './years.js';
import { anomalyChoices, listAnomalies, renderAnomalyRows, sourcesOf, type AnomalyItem } from './anomalies.js';
import { openSources } from './docview.js';
import { escapeHtml } from './format.js';
import { onLanguage, t } from './i18n.js';
import { gql } from './api.js';

export type View = 'graph' | 'flow' | 'years' | 'anomalies';
const VIEWS: View[] = ['graph', 'flow', 'years', 'anomalies'];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Milliseconds from the last action to the drawn view, for the end-to-end test's log. */
export const timings: { view: string; ms: number }[] = [];

function params(): URLSearchParams {
  return new URLSearchParams(location.search);
}

function setParams(view: View, values: Record<string, string>): void {
  const q = params();
  for (const k of [...q.keys()]) if (k.startsWith('v.')) q.delete(k);
  if (view === 'graph') q.delete('view');
  else q.set('view', view);
  for (const [k, v] of Object.entries(values)) if (v) q.set(`v.${k}`, v);
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

export function currentView(): View {
  const v = params().get('view') as View | null;
  return v && VIEWS.includes(v) ? v : 'graph';
}

export function showView(view: View): void {
  for (const v of VIEWS) {
    document.getElementById(`view-${v}`)!.hidden = v !== view;
    const tab = document.querySelector<HTMLButtonElement>(`#views button[data-view="${v}"]`);
    tab?.setAttribute('aria-selected', String(v === view));
  }
  if (view !== currentView()) setParams(view, {});
  if (view === 'flow') void renderFlowForm();
  if (view === 'years') void renderYearsForm();
  if (view === 'anomalies') void renderAnomalies();
}

// ---- money flow ----------------------------------------------------------------------------
let lastFlow: Flow | null = null;
async function renderFlowForm(): Promise<void> {
  const q = params();
  const form = $<HTMLFormElement>('flow-form');
  let dept = q.get('v.department') ?? (form.elements.namedItem('department') as HTMLInputElement).value;
  let year = q.get('v.year') ?? (form.elements.namedItem('year') as HTMLInputElement).value;
  if (!dept || !year) {
    // Start from a document the graph holds rather than an empty form.
    const first = await gql<{ documents: { nodes: { year: number; department: { name: string } }[] } }>('{ documents(first: 1, filter: { kindIn: [BUDGET, FINAL_ACCOUNTS] }) { nodes { year department { name } } } }');
    const d = first.documents.nodes[0];
    if (d) [dept, year] = [dept || d.department.name, year || String(d.year)];
  }
  (form.elements.namedItem('department') as HTMLInputElement).value = dept;
  (form.elements.namedItem('year') as HTMLInputElement).value = year;
  if (dept && year) await drawFlowView(dept, Number(year));
}

async function drawFlowView(department: string, year: number): Promise<void> {
  const started = performance.now();
  setParams('flow', { department, year: String(year) });
  const svg = $('flow-svg') as unknown as SVGSVGElement;
  const pick = $('flow-pick');
  try {
    const flow = await loadFlow(department, year);
    lastFlow = flow;
    if (!flow.links.length) {
      svg.replaceChildren();
      pick.innerHTML = `<p class="hint">${escapeHtml(t('flow.empty'))}</p>`;
      return;
    }
    const width = Math.max(720, $('view-flow').clientWidth - 24);
    drawFlow(svg, flow, width, (p) => {
      pick.innerHTML = describePick(p);
      const source = p.node?.source;
      if (source) {
        pick.insertAdjacentHTML('beforeend', ` <button id="flow-open">${escapeHtml(t('btn.openDoc'))}</button>`);
        $('flow-open').addEventListener('click', () => void openSources([source], p.node!.label));
      }
    });
    pick.innerHTML = `<p class="hint">${escapeHtml(flow.table ?? '')}</p>`;
    timings.push({ view: 'flow', ms: Math.round(performance.now() - started) });
  } catch (err) {
    pick.innerHTML = `<p class="warn">${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`;
  }
}

$('flow-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const form = ev.target as HTMLFormElement;
  const dept = (form.elements.namedItem('department') as HTMLInputElement).value.trim();
  const year = Number((form.elements.namedItem('year') as HTMLInputElement).value);
  void drawFlowView(dept, year);
});
$('flow-svg-download').addEventListener('click', () => {
  const svg = $('flow-svg') as unknown as SVGSVGElement;
  if (!lastFlow) return;
  const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'money-flow.svg';
  a.click();
});

// ---- years -------------------------------------------------------------------------------------
async function renderYearsForm(): Promise<void> {
  const q = params();
  const form = $<HTMLFormElement>('years-form');
  for (const k of ['code', 'department', 'project']) {
    const v = q.get(`v.${k}`);
    if (v !== null) (form.elements.namedItem(k) as HTMLInputElement).value = v;
  }
  const code = (form.elements.namedItem('code') as HTMLInputElement).value.trim();
  const department = (form.elements.namedItem('department') as HTMLInputElement).value.trim();
  const project = (form.elements.namedItem('project') as HTMLInputElement).value.trim();
  if (project || department) await drawYearsView({ code, department, project });
}

async function drawYearsView(choice: { code: string; department: string; project: string }): Promise<void> {
  const started = performance.now();
  setParams('years', choice);
  const out = $('years-out');
  try {
    const data = choice.project ? await projectYears(choice.project) : choice.code ? await codeYears(choice.code, choice.department) : await departmentYears(choice.department);
    $('years-title').textContent = data.title;
    if (!data.points.length) {
      out.innerHTML = `<p class="hint">${escapeHtml(t('years.empty'))}</p>`;
      ($('years-svg') as unknown as SVGSVGElement).replaceChildren();
      return;
    }
    drawYears($('years-svg') as unknown as SVGSVGElement, data);
    out.innerHTML = yearsLegend(data);
    timings.push({ view: 'years', ms: Math.round(performance.now() - started) });
  } catch (err) {
    out.innerHTML = `<p class="warn">${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`;
  }
}

$('years-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const form = ev.target as HTMLFormElement;
  const get = (k: string) => (form.elements.namedItem(k) as HTMLInputElement).value.trim();
  void drawYearsView({ code: get('code'), department: get('department'), project: get('project') });
});

// ---- anomalies -----------------------------------------------------------------------------------
let anomalyItems: AnomalyItem[] = [];
let choicesLoaded = false;
async function renderAnomalies(): Promise<void> {
  const form = $<HTMLFormElement>('anomaly-form');
  const q = params();
  if (!choicesLoaded) {
    const choices = await anomalyChoices();
    const opts = (values: { value: string; label: string }[]) => `<option value="">${escapeHtml(t('label.any'))}</option>${values.map((v) => `<option value="${escapeHtml(v.value)}">${escapeHtml(v.label)}</option>`).join('')}`;
    (form.elements.namedItem('kind') as HTMLSelectElement).innerHTML = opts(choices.kinds.map((k) => ({ value: k, label: k })));
    (form.elements.namedItem('severity') as HTMLSelectElement).innerHTML = opts(choices.severities.map((k) => ({ value: k, label: k })));
    (form.elements.namedItem('document') as HTMLSelectElement).innerHTML = opts(choices.documents.map((d) => ({ value: d.id, label: d.label })));
    choicesLoaded = true;
  }
  for (const k of ['kind', 'severity', 'document', 'department']) {
    const v = q.get(`v.${k}`);
    if (v !== null) (form.elements.namedItem(k) as HTMLInputElement).value = v;
  }
  await drawAnomalies();
}

async function drawAnomalies(): Promise<void> {
  const started = performance.now();
  const form = $<HTMLFormElement>('anomaly-form');
  const get = (k: string) => (form.elements.namedItem(k) as HTMLInputElement).value.trim();
  const filters = { kind: get('kind'), severity: get('severity'), document: get('document'), department: get('department') };
  setParams('anomalies', filters);
  const { total, items } = await listAnomalies(filters);
  anomalyItems = items;
  $('anomaly-count').textContent = t('anomalies.count', { n: total });
  $('anomaly-rows').innerHTML = renderAnomalyRows(items);
  timings.push({ view: 'anomalies', ms: Math.round(performance.now() - started) });
}

$('anomaly-form').addEventListener('change', () => void drawAnomalies());
$('anomaly-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  void drawAnomalies();
});
$('anomaly-rows').addEventListener('click', (ev) => {
  const button = (ev.target as HTMLElement).closest('button.open-sides') as HTMLButtonElement | null;
  if (!button) return;
  const a = anomalyItems[Number(button.dataset.index)];
  if (a) void openSources(sourcesOf(a), `${a.kind}: ${a.message}`);
});

// ---- tabs ----------------------------------------------------------------------------------------
$('views').addEventListener('click', (ev) => {
  const b = (ev.target as HTMLElement).closest('button[data-view]') as HTMLButtonElement | null;
  if (b) showView(b.dataset.view as View);
});
onLanguage(() => {
  const v = currentView();
  if (v === 'anomalies') void drawAnomalies();
  if (v === 'years') void renderYearsForm();
  if (v === 'flow') void renderFlowForm();
});
