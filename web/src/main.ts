// Budget Graph explorer: search → focus → expand → details, paths, ready-made questions.
// The view lives in the URL (?focus=…&expand=…&q=…) so a link reproduces it.
import './style.css';
import * as api from './api.js';
import { renderEdge, renderNode, renderTrail } from './details.js';
import { escapeHtml, toCsv, wan, isMoneyKey } from './format.js';
import { createGraph, KINDS, layeredLayout, layout, merge } from './graph.js';
import { QUESTIONS, suggestDefaults, type Answer } from './questions.js';
import { applyLanguage, currentLang, onLanguage, setLanguage, t } from './i18n.js';
import { currentView, showView, timings } from './views.js';
import { closeDocview, openSources } from './docview.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const cy = createGraph($('cy'));
// The canvas shrinks when the results table opens: keep cytoscape's idea of its size in step.
new ResizeObserver(() => cy.resize()).observe($('canvas-wrap'));
const status = (text: string, isError = false) => {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', isError);
};

// ---- view state, mirrored in the URL -------------------------------------------------------
const state = { focus: null as string | null, expanded: [] as string[], pathFrom: null as string | null, question: null as string | null, params: {} as Record<string, string> };

function writeUrl(): void {
  // The other views' parameters and the language stay as they are.
  const q = new URLSearchParams([...new URLSearchParams(location.search)].filter(([k]) => k === 'view' || k === 'lang' || k.startsWith('v.')));
  if (state.focus) q.set('focus', state.focus);
  if (state.expanded.length) q.set('expand', state.expanded.join(','));
  if (state.question) {
    q.set('q', state.question);
    for (const [k, v] of Object.entries(state.params)) if (v) q.set(`p.${k}`, v);
  }
  history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
}

// ---- selection and details ----------------------------------------------------------------
function select(id: string): void {
  const el = cy.getElementById(id);
  if (el.empty()) return;
  cy.elements().unselect();
  el.select();
  cy.animate({ center: { eles: el }, duration: 150 });
}

function showDetails(): void {
  const sel = cy.$(':selected');
  const body = $('details-body');
  const el = sel.first();
  const isNode = !sel.empty() && el.isNode();
  ($('expand') as HTMLButtonElement).disabled = !isNode || String(el.data('kind')) === 'Step';
  ($('path-from') as HTMLButtonElement).disabled = !isNode;
  ($('path-to') as HTMLButtonElement).disabled = !isNode || !state.pathFrom || state.pathFrom === el.id();
  if (sel.empty()) {
    body.innerHTML = '<p class="hint">Select a node or a relationship to see every property and the line of the document it came from.</p>';
    return;
  }
  body.innerHTML = isNode ? renderNode(el as never, cy) : renderEdge(el as never);
  if (isNode) {
    state.focus = el.id();
    writeUrl();
    void appendMoneyTrail(el.id(), el.data('kind') as string, el.data('props') as Record<string, unknown>);
  }
}

/** A 功能分类 budget line also shows its money trail: what explains its project money. */
async function appendMoneyTrail(id: string, kind: string, props: Record<string, unknown>): Promise<void> {
  const source = props.source as { documentId?: string } | undefined;
  if (kind !== 'BudgetLine' || props.scheme !== 'FUNCTION' || !source?.documentId) return;
  try {
    const trail = await api.moneyTrailOfDocument(source.documentId);
    if (!trail || state.focus !== id) return;
    const line = trail.lines.find((l) => l.code === props.code);
    $('details-body').insertAdjacentHTML('beforeend', renderTrail(line, trail.table, trail.basis));
  } catch (err) {
    $('details-body').insertAdjacentHTML('beforeend', `<p class="warn">Money trail not available: ${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`);
  }
}
cy.on('select unselect', () => showDetails());
$('details-body').addEventListener('click', (ev) => {
  const target = (ev.target as HTMLElement).closest('[data-select]') as HTMLElement | null;
  if (target) select(target.dataset.select!);
  const open = (ev.target as HTMLElement).closest('button.open-doc') as HTMLButtonElement | null;
  if (open) void openSources([{ documentId: open.dataset.doc!, line: Number(open.dataset.line), table: open.dataset.table || null, nodeId: open.dataset.node }]);
});
$('docview-close').addEventListener('click', () => closeDocview());
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && !$('docview').hidden) closeDocview();
});

// ---- focus, expand, paths -------------------------------------------------------------------
async function focus(id: string): Promise<void> {
  if (cy.getElementById(id).empty()) {
    const n = await api.node(id);
    if (!n) return status(`No node ${id}.`, true);
    merge(cy, [n], []);
  }
  select(id);
  status('Double-click a node (or press Expand) to see its neighbours.');
  refreshFilters();
}

/** Neighbours come a page at a time: a hub (a document, a shared code) never floods the canvas. */
const PAGE = 25;
async function expand(id: string, first = PAGE): Promise<void> {
  const started = performance.now();
  status(t('status.expanding'));
  const n = await api.neighbours(id, first);
  if (!n) return status(`No node ${id}.`, true);
  const added = merge(cy, [n.center, ...n.nodes], n.edges);
  if (!state.expanded.includes(id)) state.expanded.push(id);
  writeUrl();
  refreshFilters();
  select(id);
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  timings.push({ view: 'expand', ms: Math.round(performance.now() - started) });
  status(`${t('status.neighbours', { name: n.center.name, shown: n.nodes.length, total: n.totalCount })} (${added.length} new)`);
  if (n.totalCount > n.nodes.length && first < 100) {
    const more = document.createElement('button');
    more.id = 'more-neighbours';
    more.textContent = t('btn.more');
    more.addEventListener('click', () => void expand(id, 100).catch((e) => status(String(e.message ?? e), true)));
    $('status').append(' ', more);
  }
}

/** Groups drawn as one node (a lineage's indicators), by id, with what they stand for. */
const collapsed = new Map<string, api.GraphNode[]>();
let layeredRoot: string | null = null;
function expandGroup(id: string): void {
  const members = collapsed.get(id);
  const group = cy.getElementById(id);
  if (!members || group.empty()) return;
  const from = group.incomers('node').first();
  merge(cy, members, members.map((m) => ({ id: `${from.id()}->${m.id}`, type: 'MEASURED_BY', from: from.id(), to: m.id, properties: {} })));
  group.remove();
  collapsed.delete(id);
  if (layeredRoot) layeredLayout(cy);
}
cy.on('dbltap', 'node', (ev) => {
  const id = ev.target.id() as string;
  if (collapsed.has(id)) return expandGroup(id);
  if (ev.target.data('kind') !== 'Step') void expand(id).catch((e) => status(String(e.message ?? e), true));
});
$('expand').addEventListener('click', () => {
  const el = cy.$('node:selected').first();
  if (!el.empty()) void expand(el.id()).catch((e) => status(String(e.message ?? e), true));
});
$('path-from').addEventListener('click', () => {
  const el = cy.$('node:selected').first();
  state.pathFrom = el.id();
  status(`Path start: ${el.data('name')}. Select another node and press "Path to…".`);
  showDetails();
});
$('path-to').addEventListener('click', async () => {
  const to = cy.$('node:selected').first().id();
  if (!state.pathFrom) return;
  try {
    const found = await api.paths(state.pathFrom, to, 4);
    cy.elements().removeClass('path');
    for (const p of found) merge(cy, p.nodes, p.edges);
    for (const p of found) for (const id of [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)]) cy.getElementById(id).addClass('path');
    refreshFilters();
    status(found.length ? `${found.length} shortest path(s) of ${found[0]!.edges.length} steps, highlighted in red.` : 'No path within 4 steps.');
  } catch (e) {
    status(String((e as Error).message), true);
  }
});
$('fit').addEventListener('click', () => cy.fit(undefined, 30));
$('clear').addEventListener('click', () => {
  cy.elements().remove();
  Object.assign(state, { focus: null, expanded: [], pathFrom: null, question: null, params: {} });
  $('results').hidden = true;
  writeUrl();
  refreshFilters();
  showDetails();
});
$('png').addEventListener('click', () => {
  const a = document.createElement('a');
  a.href = cy.png({ full: true, bg: '#ffffff', scale: 2 });
  a.download = 'budget-graph.png';
  a.click();
});
$('copy-link').addEventListener('click', async () => {
  await navigator.clipboard?.writeText(location.href).catch(() => undefined);
  status(`Link to this view: ${location.href}`);
});

// ---- search with suggestions ----------------------------------------------------------------
const input = $<HTMLInputElement>('search');
const list = $<HTMLUListElement>('search-hits');
let hits: { id: string; kind: string; name: string; detail: string | null }[] = [];
let counts = new Map<string, number>();
let active = -1;
let timer: number | undefined;
let seq = 0;

/** Hits grouped by kind in the order the server ranks them (what a user means first), each group headed with its count. */
function groupHits(found: typeof hits): typeof hits {
  const order: string[] = [];
  for (const h of found) if (!order.includes(h.kind)) order.push(h.kind);
  return order.flatMap((k) => found.filter((h) => h.kind === k));
}

function renderHits(): void {
  list.hidden = hits.length === 0;
  let previous = '';
  list.innerHTML = hits
    .map((h, i) => {
      const head = h.kind !== previous ? `<li class="group" role="presentation" data-kind="${escapeHtml(h.kind)}">${escapeHtml(t(`kind.${h.kind}`) === `kind.${h.kind}` ? (KINDS[h.kind]?.label ?? h.kind) : t(`kind.${h.kind}`))} (${counts.get(h.kind) ?? hits.filter((x) => x.kind === h.kind).length})</li>` : '';
      previous = h.kind;
      return `${head}<li role="option" id="hit-${i}" data-index="${i}" aria-selected="${i === active}" class="${i === active ? 'active' : ''}"><span class="dot" style="background:${KINDS[h.kind]?.color ?? '#999'}"></span><span class="hit-name">${escapeHtml(h.name)}</span> <small>${escapeHtml(KINDS[h.kind]?.label ?? h.kind)}${h.detail ? ` · ${escapeHtml(h.detail)}` : ''}</small></li>`;
    })
    .join('');
  input.setAttribute('aria-activedescendant', active >= 0 ? `hit-${active}` : '');
}

async function choose(i: number): Promise<void> {
  const hit = hits[i];
  if (!hit) return;
  hits = [];
  renderHits();
  input.value = hit.name;
  await focus(hit.id);
}

input.addEventListener('input', () => {
  window.clearTimeout(timer);
  const text = input.value.trim();
  if (!text) {
    hits = [];
    return renderHits();
  }
  timer = window.setTimeout(async () => {
    const mine = ++seq;
    try {
      const [found, byKind] = await Promise.all([api.search(text), api.searchCounts(text).catch(() => [])]);
      if (mine !== seq) return; // a newer keystroke won
      hits = groupHits(found);
      counts = new Map(byKind.map((c) => [c.kind, c.count]));
      active = found.length ? 0 : -1;
      renderHits();
      if (!found.length) status(`Nothing matches "${text}".`);
    } catch (e) {
      status(String((e as Error).message), true);
    }
  }, 180);
});
input.addEventListener('keydown', (ev) => {
  if (ev.key === 'ArrowDown' && hits.length) {
    active = (active + 1) % hits.length;
    renderHits();
    ev.preventDefault();
  } else if (ev.key === 'ArrowUp' && hits.length) {
    active = (active - 1 + hits.length) % hits.length;
    renderHits();
    ev.preventDefault();
  } else if (ev.key === 'Enter' && active >= 0) {
    void choose(active);
    ev.preventDefault();
  } else if (ev.key === 'Escape') {
    hits = [];
    renderHits();
  }
});
list.addEventListener('mousedown', (ev) => {
  const li = (ev.target as HTMLElement).closest('li[role="option"]') as HTMLLIElement | null;
  if (li) {
    ev.preventDefault();
    void choose(Number(li.dataset.index));
  }
});

// ---- filters and legend ---------------------------------------------------------------------
const hiddenKinds = new Set<string>();
function refreshFilters(): void {
  const yearSel = $<HTMLSelectElement>('year-filter');
  const years = [...new Set(cy.nodes().map((n) => n.data('year')).filter((y) => typeof y === 'number'))].sort();
  const current = yearSel.value;
  yearSel.innerHTML = `<option value="">all years</option>${years.map((y) => `<option ${String(y) === current ? 'selected' : ''}>${y}</option>`).join('')}`;
  const kinds = new Set(cy.nodes().map((n) => n.data('kind') as string));
  $('legend').innerHTML = Object.entries(KINDS)
    .filter(([k]) => kinds.has(k))
    .map(([k, v]) => `<label><input type="checkbox" data-kind="${k}" ${hiddenKinds.has(k) ? '' : 'checked'}><span class="dot" style="background:${v.color}"></span>${escapeHtml(v.label)}</label>`)
    .join('');
  applyFilters();
}
function applyFilters(): void {
  const year = $<HTMLSelectElement>('year-filter').value;
  cy.nodes().forEach((n) => {
    const y = n.data('year');
    const hide = hiddenKinds.has(n.data('kind')) || (year !== '' && typeof y === 'number' && String(y) !== year);
    n.toggleClass('hidden', hide);
  });
}
$('year-filter').addEventListener('change', applyFilters);
$('legend').addEventListener('change', (ev) => {
  const box = ev.target as HTMLInputElement;
  if (box.checked) hiddenKinds.delete(box.dataset.kind!);
  else hiddenKinds.add(box.dataset.kind!);
  applyFilters();
});

// ---- ready-made questions ---------------------------------------------------------------------
let lastAnswer: Answer | null = null;
$('question-list').innerHTML = QUESTIONS.map(
  (q) => `<details data-question="${q.id}"><summary>${escapeHtml(q.title)}</summary><form data-question="${q.id}">
    ${q.inputs.map((i) => `<label>${escapeHtml(i.label)} <input name="${i.name}" value="${escapeHtml(i.value)}" placeholder="${escapeHtml(i.placeholder)}"></label>`).join('')}
    <button type="submit">Run</button></form></details>`,
).join('');
$('question-list').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const form = ev.target as HTMLFormElement;
  const params = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
  void runQuestion(form.dataset.question!, params);
});

async function runQuestion(id: string, params: Record<string, string>): Promise<void> {
  const q = QUESTIONS.find((x) => x.id === id);
  if (!q) return;
  status(`Running "${q.title}"…`);
  try {
    const answer = await q.run(params);
    lastAnswer = answer;
    Object.assign(state, { question: id, params });
    writeUrl();
    merge(cy, answer.nodes, answer.edges);
    // Collapsed groups keep their members to expand into.
    for (const n of answer.nodes) {
      const members = (n as typeof n & { members?: api.GraphNode[] }).members;
      if (members) collapsed.set(n.id, members);
    }
    layeredRoot = answer.layeredFrom ?? null;
    if (layeredRoot) layeredLayout(cy);
    refreshFilters();
    renderResults(answer);
    requestAnimationFrame(() => {
      cy.resize();
      cy.fit(undefined, 30);
    });
    status(`${answer.title}: ${answer.rows.length} rows.`);
  } catch (e) {
    status(String((e as Error).message), true);
  }
}

function renderResults(a: Answer): void {
  $('results').hidden = false;
  $('results-title').textContent = a.title;
  const cell = (c: string, v: unknown) => (/^(amount|planned|executed|delta)$/.test(c) || isMoneyKey(c) ? (v === null || v === undefined ? '—' : wan(v)) : escapeHtml(v ?? ''));
  $('results-table').innerHTML = `<thead><tr>${a.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${a.rows
    .map((r) => `<tr>${a.columns.map((c) => `<td data-column="${c}">${cell(c, r[c])}</td>`).join('')}</tr>`)
    .join('')}</tbody>`;
}
$('csv').addEventListener('click', () => {
  if (!lastAnswer) return;
  const blob = new Blob([`\uFEFF${toCsv(lastAnswer.rows, lastAnswer.columns)}`], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${lastAnswer.title.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`;
  a.click();
});

// ---- restore the view from the URL ------------------------------------------------------------
async function restore(): Promise<void> {
  const q = new URLSearchParams(location.search);
  try {
    // Fill each question's empty inputs from the graph, so one click runs it on these documents.
    const defaults = await suggestDefaults();
    for (const [qid, values] of Object.entries(defaults)) {
      const form = document.querySelector<HTMLFormElement>(`form[data-question="${qid}"]`);
      for (const [k, v] of Object.entries(values)) {
        const field = form?.elements.namedItem(k) as HTMLInputElement | null;
        if (field && !field.value) field.value = v;
      }
    }
    const qid = q.get('q');
    if (qid) {
      const params: Record<string, string> = {};
      for (const [k, v] of q) if (k.startsWith('p.')) params[k.slice(2)] = v;
      const form = document.querySelector<HTMLFormElement>(`form[data-question="${qid}"]`);
      if (form) {
        for (const [k, v] of Object.entries(params)) {
          const field = form.elements.namedItem(k) as HTMLInputElement | null;
          if (field) field.value = v;
        }
        (form.parentElement as HTMLDetailsElement).open = true;
      }
      await runQuestion(qid, params);
    }
    for (const id of (q.get('expand') ?? '').split(',').filter(Boolean)) await expand(id);
    const f = q.get('focus');
    if (f) await focus(f);
    if (cy.nodes().length) layout(cy);
  } catch (e) {
    status(String((e as Error).message), true);
  }
}
// ---- language and views ---------------------------------------------------------------------------
const langButton = $<HTMLButtonElement>('lang');
const labelLanguage = () => (langButton.textContent = currentLang() === 'zh' ? 'English' : '中文');
langButton.addEventListener('click', () => {
  setLanguage(currentLang() === 'zh' ? 'en' : 'zh');
  const q = new URLSearchParams(location.search);
  q.set('lang', currentLang());
  history.replaceState(null, '', `${location.pathname}?${q}`);
});
onLanguage(() => {
  labelLanguage();
  showDetails();
});
applyLanguage();
labelLanguage();
showView(currentView());

void restore();
// For the end-to-end test and for poking at the canvas from the browser console.
(window as unknown as { budgetGraph: unknown }).budgetGraph = { cy, state, timings };
