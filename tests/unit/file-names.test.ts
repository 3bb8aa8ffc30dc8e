// File names that hold bidirectional controls, invisible or control characters are refused
// (src/load/file-name.ts, issue 35): by the API's ingest, by `npm run load` and the start-up load
// of a folder (both loadFiles), where that one file is reported and the others load. Before,
// every such name was accepted: the refusals below failed (a name with U+202E was loaded and
// shown reversed).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BudgetGraphError } from '../../src/errors.js';
import { IngestService } from '../../src/api/ingest-service.js';
import type { Database } from '../../src/db/connection.js';
import type { QueryRunner } from '../../src/db/run.js';
import { loadFiles } from '../../src/load/directory.js';
import { fileNameProblem, visibleName } from '../../src/load/file-name.js';
import { functionTable } from '../../bench/stress/documents.js';

describe('a file name', () => {
  it.each([
    ['\u202E', 'RIGHT-TO-LEFT OVERRIDE, a bidirectional control'],
    ['\u202A', 'LEFT-TO-RIGHT EMBEDDING, a bidirectional control'],
    ['\u202D', 'LEFT-TO-RIGHT OVERRIDE, a bidirectional control'],
    ['\u2066', 'LEFT-TO-RIGHT ISOLATE, a bidirectional control'],
    ['\u2069', 'POP DIRECTIONAL ISOLATE, a bidirectional control'],
    ['\u200E', 'LEFT-TO-RIGHT MARK, a bidirectional control'],
    ['\u200F', 'RIGHT-TO-LEFT MARK, a bidirectional control'],
    ['\u061C', 'ARABIC LETTER MARK, a bidirectional control'],
    ['\u200B', 'ZERO WIDTH SPACE, an invisible or format character'],
    ['\u200D', 'ZERO WIDTH JOINER, an invisible or format character'],
    ['\u2060', 'WORD JOINER, an invisible or format character'],
    ['\uFEFF', 'ZERO WIDTH NO-BREAK SPACE (BOM), an invisible or format character'],
    ['\u00AD', 'an invisible or format character'],
    ['\u3164', 'an invisible or format character'],
    ['\u{E0041}', 'an invisible or format character'],
    ['\u0007', 'a control character'],
    ['\u001B', 'a control character'],
    ['\u0085', 'a control character'],
    ['\t', 'a control character'],
    ['\uD800', 'a lone surrogate, half of a character'],
  ])('holding %j is refused, naming the code point, what it is and where', (char, what) => {
    const problem = fileNameProblem(`报告${char}txt.exe.txt`);
    const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    expect(problem).toContain(`U+${code} (${what}) at character 3`);
    // Shown escaped, never raw: the refusal itself must not reorder or hide anything.
    expect(problem).toContain(`报告\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}txt.exe.txt`);
    expect(problem).not.toContain(char);
  });

  it.each(['2024年深圳市龙岗区部门预算.txt', '004_977ad1fe0b13bb92.txt', 'budget 2024 (final) – v2.txt', '預算　全角空格.txt', 'مالية.txt', 'עברית.txt'])('%j is accepted', (name) => {
    expect(fileNameProblem(name)).toBeNull();
    expect(visibleName(name)).toBe(name);
  });
});

describe('refused where documents come in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-graph-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a folder load reports that one file, under its name made visible, and loads the others', async () => {
    const names = ['a-good.txt', 'b-bad\u202Etxt.exe.txt', 'c-zero\u200Bwidth.txt'];
    names.forEach((n, i) => writeFileSync(join(dir, n), functionTable(10, `名字${i}局`)));
    const refused: { file: string; err: BudgetGraphError }[] = [];
    const reports = await loadFiles({} as QueryRunner, names.map((n) => join(dir, n)), { dryRun: true }, undefined, (file, err) => refused.push({ file, err }));
    expect(reports.map((r) => [r.file, r.status])).toEqual([['a-good.txt', 'DRY_RUN']]);
    expect(refused.map((r) => r.file)).toEqual(['b-bad\\u{202E}txt.exe.txt', 'c-zero\\u{200B}width.txt']);
    expect(refused[0]!.err).toMatchObject({ code: 'BAD_DOCUMENT', details: { reason: 'FILE_NAME', codePoint: 'U+202E', position: 6 } });
    expect(refused[1]!.err.message).toMatch(/U\+200B \(ZERO WIDTH SPACE/);
  });

  it("the API's ingest refuses it as a bad argument before anything is read", () => {
    const ingest = new IngestService({} as Database, null);
    let err: unknown;
    try {
      void ingest.ingest('report\u202Etxt.exe.txt', functionTable(10), false);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { argument: 'name', reason: 'FILE_NAME' } });
    expect((err as Error).message).toMatch(/U\+202E \(RIGHT-TO-LEFT OVERRIDE/);
  });
});
