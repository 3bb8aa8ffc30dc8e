// The document view: a fact's source (document, table, line) opened in the document's own text,
// the line highlighted, its table's title and header shown above it. Two sources (an anomaly's
// sides) are shown side by side. A fact of a PDF is shown on its printed page (#39 item 2): the
// page as the server renders it (personal data painted over, src/api/page-images.ts) with the
// fact's row and cells outlined, its table's title beside; the text stays below it.
import { gql } from './api.js';
import { escapeHtml } from './format.js';
import { t } from './i18n.js';

/** A box in PDF points from the page's top-left corner (schema: Box). */
export interface Box {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text?: string | null;
}

/** Where a fact is printed: its row's box and its cells' (Source.box, Source.cells). */
export interface Place {
  box: Box | null;
  cells: Box[];
}

export interface SourceRef {
  documentId: string;
  table: string | null;
  line: number | null;
  /** The fact's place when the caller has it; else looked up through `nodeId`. */
  place?: Place | null;
  nodeId?: string;
  /** With an anomaly's nodeId: which of its sources this is (Anomaly.sources[i]). */
  sourceIndex?: number;
}

/** The node types with a source (schema: `source: Source`): a fact's place is asked of its node. */
const SOURCED = ['BudgetLine', 'Figure', 'Indicator', 'InvestmentProject', 'Payment', 'ProjectAllocation', 'ProjectListing', 'ProseAmount', 'SelfEvaluation', 'TableTotal', 'ThreeCosts'];
const BOX = 'page x0 y0 x1 y1';
const PLACE_FIELDS = `box { ${BOX} } cells { ${BOX} text }`;

/** Asked when the view opens, not with the list that offers it: places of every row of a list cost too much (the anomaly list's 100 × sides). */
async function placeOf(nodeId: string, sourceIndex?: number): Promise<Place | null> {
  const fragments = [...SOURCED.map((t) => `... on ${t} { source { ${PLACE_FIELDS} } }`), `... on Anomaly { sources { ${PLACE_FIELDS} } }`].join(' ');
  const data = await gql<{ node: { source?: Place | null; sources?: Place[] } | null }>(`query($id: ID!) { node(id: $id) { ${fragments} } }`, { id: nodeId });
  return (sourceIndex !== undefined ? data.node?.sources?.[sourceIndex] : data.node?.source) ?? null;
}

/** The printed page, fetched with the header the page route asks of a browser (CSRF rule); null when it has none. */
async function pageImage(documentId: string, page: number): Promise<PageImage | null> {
  const res = await fetch(`/documents/${encodeURIComponent(documentId)}/pages/${page}.png`, { headers: { 'apollo-require-preflight': 'true' } });
  if (!res.ok) return null;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const img = new Image();
  img.src = url;
  await img.decode();
  const [w, h] = (res.headers.get('x-page-points') ?? '0 0').split(' ').map(Number) as [number, number];
  return { url, scale: Number(res.headers.get('x-page-scale')), width: img.naturalWidth, height: img.naturalHeight, rotate: Number(res.headers.get('x-page-rotate') ?? 0), points: [w, h] };
}

/** A box of the unrotated page where the rendered (turned) page shows it (as src/api/page-images.ts rotated()). */
function turned(b: Box, rot: number, [w, h]: [number, number]): Box {
  const r = ((rot % 360) + 360) % 360;
  if (r === 90) return { ...b, x0: h - b.y1, y0: b.x0, x1: h - b.y0, y1: b.x1 };
  if (r === 180) return { ...b, x0: w - b.x1, y0: h - b.y1, x1: w - b.x0, y1: h - b.y0 };
  if (r === 270) return { ...b, x0: b.y0, y0: w - b.x1, x1: b.y1, y1: w - b.x0 };
  return b;
}

interface PageImage {
  url: string;
  /** Pixels per PDF point. */
  scale: number;
  width: number;
  height: number;
  /** The page's /Rotate, and its unrotated size in points. */
  rotate: number;
  points: [number, number];
}

interface Printed {
  place: Place;
  page: PageImage;
}

const BEFORE = 80;
const AFTER = 8;

interface Text {
  lineCount: number;
  lines: { line: number; text: string }[];
}

/** What the reader said about a line (Document.diagnostics): shown on the line it concerns. */
interface Note {
  level: 'INFO' | 'WARNING';
  code: string;
  message: string;
  source: { line: number | null };
}

interface Excerpt {
  title: string;
  file: string;
  text: Text | null;
  diagnostics: Note[];
}

async function printed(s: SourceRef, doc: Excerpt): Promise<Printed | null> {
  // Text documents keep the text view.
  if (!/\.pdf$/i.test(doc.file)) return null;
  const place = s.place ?? (s.nodeId ? await placeOf(s.nodeId, s.sourceIndex).catch(() => null) : null);
  if (!place?.box) return null;
  const page = await pageImage(s.documentId, place.box.page).catch(() => null);
  return page ? { place, page } : null;
}

/** The page with the row outlined and each cell; positions in % of the image so it scales with the drawer. */
function pageView(s: SourceRef, p: Printed): string {
  const { scale, width, height, url, rotate, points } = p.page;
  const rect = (unturned: Box, cls: string, b = turned(unturned, rotate, points)) =>
    `<div class="${cls}" style="left:${((b.x0 * scale * 100) / width).toFixed(3)}%;top:${((b.y0 * scale * 100) / height).toFixed(3)}%;width:${(((b.x1 - b.x0) * scale * 100) / width).toFixed(3)}%;height:${(((b.y1 - b.y0) * scale * 100) / height).toFixed(3)}%"${unturned.text ? ` title="${escapeHtml(unturned.text)}"` : ''}></div>`;
  const box = p.place.box!;
  const cells = p.place.cells.filter((c) => c.page === box.page);
  return `<figure class="page-view" data-page="${box.page}">
    <figcaption class="page-caption"><strong>${escapeHtml(s.table ?? '—')}</strong> · ${escapeHtml(t('doc.page', { page: box.page }))} · line ${escapeHtml(s.line ?? '—')}</figcaption>
    <div class="page-frame"><div class="page-sheet"><img class="page-image" src="${url}" alt="${escapeHtml(t('doc.page', { page: box.page }))}" width="${width}" height="${height}">
    ${rect(box, 'page-row')}${cells.map((c) => rect(c, 'page-cell')).join('')}</div></div>
    <p class="hint">${escapeHtml(t('doc.redacted'))}</p></figure>`;
}

async function excerpt(s: SourceRef): Promise<Excerpt> {
  const line = s.line ?? 1;
  const data = await gql<{ document: Excerpt | null }>(
    'query($id: ID!, $from: Int!, $to: Int!) { document(id: $id) { title file text(from: $from, to: $to) { lineCount lines { line text } } diagnostics { level code message source { line } } } }',
    { id: s.documentId, from: Math.max(1, line - BEFORE), to: line + AFTER },
  );
  if (!data.document) throw new Error(`No document ${s.documentId}`);
  return data.document;
}

/** The table's title line above the fact (the last line before it that prints the title). */
function titleIndex(lines: Text['lines'], target: number, table: string | null): number {
  if (!table) return -1;
  const wanted = table.replace(/\s+/g, '');
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.line > target) continue;
    if (l.text.replace(/\s+/g, '').includes(wanted)) return i;
  }
  return -1;
}

function column(s: SourceRef, doc: Excerpt, page: Printed | null = null): string {
  const head = `<h3 class="doc-file">${escapeHtml(doc.title || doc.file)}</h3><p class="doc-where">${escapeHtml(s.table ?? '—')} · line ${escapeHtml(s.line ?? '—')}</p>${page ? pageView(s, page) : ''}`;
  if (!doc.text) return `${head}<p class="hint">${escapeHtml(t('doc.notStored'))}</p>`;
  const lines = doc.text.lines;
  const target = s.line ?? 0;
  const ti = titleIndex(lines, target, s.table);
  const titleLine = ti >= 0 ? lines[ti]!.line : null;
  // Near its title the context already shows the title and header; further down they are pinned
  // above the context (the title and the eight lines under it: units, column headers).
  const near = titleLine !== null && target - titleLine <= 16;
  const headerRows = titleLine !== null && !near ? lines.filter((l) => l.line >= titleLine && l.line <= titleLine + 8 && l.line < target - 8) : [];
  // A line the reader read with doubt (WARNING) or repaired (INFO) says so on hover, and the
  // target line's notes are listed under the text.
  const notes = new Map<number, Note[]>();
  for (const n of doc.diagnostics) if (n.source.line !== null) notes.set(n.source.line, [...(notes.get(n.source.line) ?? []), n]);
  const mark = (line: number) => {
    const on = notes.get(line);
    if (!on) return { cls: '', title: '' };
    return { cls: on.some((n) => n.level === 'WARNING') ? ' diag-warning' : ' diag-info', title: ` title="${escapeHtml(on.map((n) => `${n.code}: ${n.message}`).join('\n'))}"` };
  };
  const row = (l: { line: number; text: string }) => {
    const m = mark(l.line);
    return `<div class="doc-line${l.line === target ? ' hit' : ''}${m.cls}" data-line="${l.line}"${m.title}><span class="ln">${l.line}</span><span class="tx">${escapeHtml(l.text) || '&nbsp;'}</span></div>`;
  };
  const targetNotes = notes.get(target) ?? [];
  const context = lines.filter((l) => l.line >= (near ? titleLine! : target - 8));
  return `${head}
    ${headerRows.length ? `<div class="doc-header" aria-label="${escapeHtml(t('doc.header'))}"><p class="hint">${escapeHtml(t('doc.header'))}</p>${headerRows.map(row).join('')}</div>` : ''}
    <div class="doc-text">${context.map(row).join('')}</div>
    ${targetNotes.length ? `<ul class="doc-notes" aria-label="${escapeHtml(t('doc.notes'))}">${targetNotes.map((n) => `<li class="${n.level === 'WARNING' ? 'warn' : 'hint'}">${escapeHtml(n.code)}: ${escapeHtml(n.message)}</li>`).join('')}</ul>` : ''}`;
}

/** The page images' blob URLs now shown: let go when the drawer shows others. */
const shown: string[] = [];

/** Opens the drawer with one column per source. */
export async function openSources(sources: SourceRef[], heading?: string): Promise<void> {
  const drawer = document.getElementById('docview')!;
  const body = document.getElementById('docview-body')!;
  document.getElementById('docview-title')!.textContent = heading ?? t('doc.title');
  drawer.hidden = false;
  body.innerHTML = '<p class="hint">…</p>';
  try {
    const docs = await Promise.all(sources.map(excerpt));
    const pages = await Promise.all(sources.map((s, i) => printed(s, docs[i]!)));
    for (const url of shown.splice(0)) URL.revokeObjectURL(url);
    shown.push(...pages.flatMap((p) => (p ? [p.page.url] : [])));
    body.className = sources.length > 1 ? 'side-by-side' : '';
    body.innerHTML = sources.map((s, i) => `<section class="doc-col" data-document="${escapeHtml(s.documentId)}">${column(s, docs[i]!, pages[i])}</section>`).join('');
    // The printed row first when there is a page; else the text's line.
    const rows = body.querySelectorAll<HTMLElement>('.page-row');
    for (const hit of rows.length ? rows : body.querySelectorAll<HTMLElement>('.doc-text .hit')) hit.scrollIntoView({ block: 'center' });
  } catch (err) {
    body.innerHTML = `<p class="warn">${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`;
  }
}

export function closeDocview(): void {
  document.getElementById('docview')!.hidden = true;
}
