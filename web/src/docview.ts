// The document view: a fact's source (document, table, line) opened in the document's own text,
// the line highlighted, its table's title and header shown above it. Two sources (an anomaly's
// sides) are shown side by side.
import { gql } from './api.js';
import { escapeHtml } from './format.js';
import { t } from './i18n.js';

export interface SourceRef {
  documentId: string;
  table: string | null;
  line: number | null;
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

function column(s: SourceRef, doc: Excerpt): string {
  const head = `<h3 class="doc-file">${escapeHtml(doc.title || doc.file)}</h3><p class="doc-where">${escapeHtml(s.table ?? '—')} · line ${escapeHtml(s.line ?? '—')}</p>`;
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

/** Opens the drawer with one column per source. */
export async function openSources(sources: SourceRef[], heading?: string): Promise<void> {
  const drawer = document.getElementById('docview')!;
  const body = document.getElementById('docview-body')!;
  document.getElementById('docview-title')!.textContent = heading ?? t('doc.title');
  drawer.hidden = false;
  body.innerHTML = '<p class="hint">…</p>';
  try {
    const docs = await Promise.all(sources.map(excerpt));
    body.className = sources.length > 1 ? 'side-by-side' : '';
    body.innerHTML = sources.map((s, i) => `<section class="doc-col" data-document="${escapeHtml(s.documentId)}">${column(s, docs[i]!)}</section>`).join('');
    for (const hit of body.querySelectorAll<HTMLElement>('.doc-text .hit')) hit.scrollIntoView({ block: 'center' });
  } catch (err) {
    body.innerHTML = `<p class="warn">${escapeHtml(err instanceof Error ? err.message : String(err))}</p>`;
  }
}

export function closeDocview(): void {
  document.getElementById('docview')!.hidden = true;
}
