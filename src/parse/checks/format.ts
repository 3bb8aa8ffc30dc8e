// Rules on form: what a person proof-reading the document marks, no figure changed — a template
// placeholder left in (XX局), punctuation doubled (。。) or quotes left open, text printed twice.
import { toHalfWidth } from '../amount.js';
import type { Anomaly, Source } from '../records.js';
import { passages, sourceAt } from './passages.js';
import type { CheckContext, CheckRule } from './rule.js';
import { CARELESS_WRITING, UNSETTLED_TEMPLATE } from '../glossary/index.js';

const at = (ctx: CheckContext, line: number): Source => ({ file: ctx.doc.meta.file, table: '正文', line, text: ctx.lines[line - 1] ?? '' });

/** XX / ×× / 某某 beside Chinese text: a template's blank left unfilled (上海市XX局, XX年). */
function placeholders(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  ctx.lines.forEach((raw, i) => {
    const line = toHalfWidth(raw);
    const m = CARELESS_WRITING.placeholder.exec(line);
    if (!m) return;
    const around = line.slice(Math.max(0, m.index - 1), m.index + m[0].length + 1);
    if (!/[\u4e00-\u9fff]/.test(around)) return;
    out.push({ kind: 'PLACEHOLDER_TEXT', severity: 'WARNING', message: `a template placeholder "${m[0]}" is printed: "${raw.trim().slice(0, 60)}"`, delta: null, sources: [at(ctx, i + 1)] });
  });
  return out;
}

/**
 * What a template leaves for the writer to settle, printed unsettled: both ways of a change
 * ("财政拨款收入支出增加（减少）的主要原因是…", the template's wording kept where the amounts went
 * one way), and a reason or a use promised with a stop right after it ("主要原因是。").
 */
function unsettledTemplate(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const file = ctx.doc.meta.file;
  for (const p of passages(ctx.layout.prose)) {
    const text = p.text;
    for (const m of text.matchAll(UNSETTLED_TEMPLATE.bothWays)) {
      const i = m.index ?? 0;
      // "增加（减少）0万元": nothing changed, so neither way is wrong — form only, INFO.
      const none = UNSETTLED_TEMPLATE.zeroAfter.test(text.slice(i + m[0].length));
      out.push({ kind: 'PLACEHOLDER_TEXT', severity: none ? 'INFO' : 'WARNING', message: `the template's "${m[0]}" is printed as is: which way the amounts went is not said ("${text.slice(Math.max(0, i - 12), i + m[0].length + 12)}")`, delta: null, sources: [sourceAt(p, i, file)] });
    }
    for (const m of text.matchAll(UNSETTLED_TEMPLATE.emptyReason)) {
      const i = m.index ?? 0;
      out.push({ kind: 'PLACEHOLDER_TEXT', severity: 'WARNING', message: `"${m[1] ?? m[0]}" is followed by nothing: the reason or use it promises is not stated ("${text.slice(Math.max(0, i - 20), i + m[0].length)}")`, delta: null, sources: [sourceAt(p, i, file)] });
    }
  }
  return out;
}

/** 。。 ，， 、、 ；； (an ellipsis …… or a dash —— is one mark). */
function doubled(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  for (const p of passages(ctx.layout.prose)) {
    for (const m of p.text.matchAll(CARELESS_WRITING.doubledPunctuation)) {
      out.push({ kind: 'PUNCTUATION', severity: 'INFO', message: `punctuation doubled: "${p.text.slice(Math.max(0, m.index - 12), m.index + m[0].length)}"`, delta: null, sources: [sourceAt(p, m.index, ctx.doc.meta.file)] });
    }
  }
  return out;
}

/** A paragraph whose “ and ” (or 《 and 》) do not pair. */
function quotes(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  for (const p of passages(ctx.layout.prose)) {
    for (const [open, close] of [['“', '”'], ['《', '》']] as const) {
      let depth = 0;
      let bad = -1;
      for (let i = 0; i < p.text.length && bad < 0; i++) {
        if (p.text[i] === open) depth++;
        else if (p.text[i] === close && --depth < 0) bad = i;
      }
      if (bad < 0 && depth > 0) bad = p.text.lastIndexOf(open);
      if (bad < 0) continue;
      out.push({ kind: 'PUNCTUATION', severity: 'INFO', message: `${open} and ${close} do not pair: "${p.text.slice(Math.max(0, bad - 20), bad + 6)}"`, delta: null, sources: [sourceAt(p, bad, ctx.doc.meta.file)] });
    }
  }
  return out;
}

/**
 * A sentence stating a reason ("…的主要原因是工作量增加") that ends its line without a stop while
 * the next line starts anew: the line is short beside its neighbours (not a line the PDF wrapped)
 * and says something (原因是 / 主要是 / 主要用于), so it is no heading.
 */
function missingStop(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const prose = ctx.layout.prose;
  prose.forEach((p, i) => {
    const next = prose[i + 1];
    const text = toHalfWidth(p.text).replace(/\s/g, '');
    if (!next || next.line > p.line + 2 || p.heading || text.length < 10) return;
    if (CARELESS_WRITING.endsInPunctuation.test(text) || !CARELESS_WRITING.promisesMore.test(text)) return;
    // A next line opening with a particle or a stop goes on with this sentence ("…完全按零基预算" / "的原则…").
    if (CARELESS_WRITING.continuesSentence.test(next.text)) return;
    const around = prose.slice(Math.max(0, i - 3), i + 4).map((q) => q.text.replace(/\s/g, '').length);
    if (text.length >= 0.7 * Math.max(...around)) return;
    out.push({ kind: 'PUNCTUATION', severity: 'INFO', message: `a sentence ends without a stop: "${text.slice(-24)}"`, delta: null, sources: [at(ctx, p.line)] });
  });
  return out;
}

/**
 * Prose lines printed twice in a row (lines 27-31 again at 32-36): a page or a cell carried over,
 * the reader sees text twice and the first copy cut. Lines of 20 characters or more, in runs.
 */
function repeated(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const lines = ctx.layout.prose.map((p) => ({ line: p.line, key: p.text.replace(/\s/g, '') }));
  const seenAt = new Map<string, number>();
  // A run: prose indexes i..j repeating k..k+(j-i).
  let run: { i: number; j: number; k: number } | null = null;
  const flush = () => {
    // One repeated line alone (a recurring phrase) is not a page carried over: runs of two or more.
    const lineOf = (k: number) => lines[k]?.line;
    const [from, to, firstFrom, firstTo] = run ? [lineOf(run.i), lineOf(run.j), lineOf(run.k), lineOf(run.k + run.j - run.i)] : [];
    // The run's indexes lie inside `lines` (it is built from them): the checks only narrow the types.
    if (run && run.j > run.i && from !== undefined && to !== undefined && firstFrom !== undefined && firstTo !== undefined && from - firstTo <= 3) {
      out.push({ kind: 'REPEATED_TEXT', severity: 'INFO', message: `lines ${from}-${to} repeat lines ${firstFrom}-${firstTo} word for word`, delta: null, sources: [at(ctx, firstFrom), at(ctx, from)] });
    }
    run = null;
  };
  lines.forEach((l, i) => {
    const earlier = l.key.length >= 20 ? seenAt.get(l.key) : undefined;
    if (run && earlier === run.k + (i - run.i)) run.j = i;
    else {
      flush();
      // Only a copy right after its original (a page carried over), not a phrase two forms share.
      if (earlier !== undefined && i - earlier <= 12) run = { i, j: i, k: earlier };
    }
    if (l.key.length >= 20 && !seenAt.has(l.key)) seenAt.set(l.key, i);
  });
  flush();
  return out;
}

export const FORMAT_RULES: CheckRule[] = [
  {
    code: 'PLACEHOLDER',
    kind: 'PLACEHOLDER_TEXT',
    family: 'FORMAT',
    severity: 'WARNING',
    compares: 'every line with a template’s placeholders (XX, ××, 某某 beside Chinese text)',
    why: 'a placeholder left in means a field of the template was never filled: the department or figure it stands for is not stated',
    run: placeholders,
  },
  {
    code: 'UNSETTLED_TEMPLATE',
    kind: 'PLACEHOLDER_TEXT',
    family: 'FORMAT',
    severity: 'WARNING',
    compares: 'the prose with the wording a template leaves to settle: both ways of a change printed (增加（减少）), a reason or use promised with a stop right after it (主要原因是。)',
    why: 'the template’s choice or blank left as is: the reader is not told which way the money went, or why',
    run: unsettledTemplate,
  },
  {
    code: 'DOUBLED_PUNCTUATION',
    kind: 'PUNCTUATION',
    family: 'FORMAT',
    severity: 'INFO',
    compares: 'the prose’s punctuation with itself: a mark doubled (。。) or two stops in a row (，。)',
    why: 'a proof-reading finding a reviewer marks; no figure changes',
    run: doubled,
  },
  {
    code: 'UNPAIRED_QUOTES',
    kind: 'PUNCTUATION',
    family: 'FORMAT',
    severity: 'INFO',
    compares: 'opening and closing quotation marks (“ ”, 《 》) in each paragraph',
    why: 'an unpaired quote leaves unclear what is quoted (a title, a campaign’s name)',
    run: quotes,
  },
  {
    code: 'MISSING_STOP',
    kind: 'PUNCTUATION',
    family: 'FORMAT',
    severity: 'INFO',
    compares: 'a line stating a reason or a use (原因是, 主要用于) that ends, short beside its neighbours, without a stop',
    why: 'a proof-reading finding a reviewer marks; no figure changes',
    run: missingStop,
  },
  {
    code: 'REPEATED_LINES',
    kind: 'REPEATED_TEXT',
    family: 'FORMAT',
    severity: 'INFO',
    compares: 'runs of prose lines (20 characters or more) with the lines just before them',
    why: 'text printed twice is a page or a cell carried over; the first copy is often cut and unreadable',
    run: repeated,
  },
];
