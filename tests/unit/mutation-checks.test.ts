// Every mutation that breaks a printed sum yields an anomaly (#38 item 6). Given the bundled
// documents as printed, change one amount of a coded row whose parent row the same table prints
// (a 款 under its 类, a 项 under its 款, 30217 under 302), in whichever amount column comes first,
// by 7 in its units digit — beyond any rounding a table can show — and parse again: a new anomaly
// must name it. Before, a table's parent = Σ children was checked in 合计 / 基本支出 / 项目支出
// only, so a change in any other column (004 line 362's 本年收入 of 2340299 抗疫相关支出 under
// 23402) went unsaid.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';

const DATA = join(projectRoot, 'data');
const AMOUNT = /^-?[\d,]+(\.\d+)?$/;

/** A printed amount plus 7 in its units digit, printed as the document prints it (commas kept). */
function plusSeven(printed: string): string {
  const decimals = /\.(\d+)$/.exec(printed)?.[1]?.length ?? 0;
  const fen = BigInt(printed.replace(/[,.]/g, '')) + 7n * 10n ** BigInt(decimals);
  const digits = fen.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, printed.includes(',') ? ',' : '');
  return decimals ? `${whole}.${digits.slice(-decimals)}` : whole;
}

describe('mutating a child amount of the bundled documents', () => {
  it('every one that breaks its parent row is an anomaly', () => {
    let tried = 0;
    const silent: string[] = [];
    for (const file of readdirSync(DATA).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(DATA, file), 'utf8');
      const base = parseDocument(text, file);
      const said = new Set(base.anomalies.map((a) => a.message));
      const codes = new Set(base.lines.map((l) => l.code));
      const lines = text.split('\n');
      const inTable = new Map<string, Set<string>>();
      for (const l of base.lines) (inTable.get(l.source.table ?? '') ?? inTable.set(l.source.table ?? '', new Set()).get(l.source.table ?? '')!).add(l.code);
      const seen = new Set<number>();
      for (const l of base.lines) {
        const parent = l.code.slice(0, l.code.length - 2);
        const line = l.source.line;
        if (l.code.length <= 3 || !inTable.get(l.source.table ?? '')?.has(parent) || !line || seen.has(line)) continue;
        seen.add(line);
        const cells = lines[line - 1]!.split('\t');
        // The row's own code and name first; a code of a block printed beside it is no amount.
        const at = cells.findIndex((c, i) => i > 0 && AMOUNT.test(c.trim()) && !codes.has(c.trim()) && !/^0+(\.0+)?$/.test(c.trim()));
        if (at < 0) continue;
        const before = cells[at]!.trim();
        cells[at] = plusSeven(before);
        const mutated = [...lines];
        mutated[line - 1] = cells.join('\t');
        tried++;
        const doc = parseDocument(mutated.join('\n'), file);
        if (!doc.anomalies.some((a) => !said.has(a.message))) silent.push(`${file}:${line} ${l.code} ${before} → ${cells[at]}`);
      }
    }
    expect(tried).toBeGreaterThan(150);
    expect(silent).toEqual([]);
  });
});
