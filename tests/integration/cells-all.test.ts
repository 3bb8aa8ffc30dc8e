// Source.cells(all: true) for every line of a 10,000-line document in one request (#39 item 1; the
// case npm run stress asks of a LibreOffice print, bench/stress/cells-all.ts): answered within the
// caps (a 200 with every line, at most LIMITS.maxAnswerBytes, within the request's 55 s) or refused
// with a documented 4xx code — never a 503 of a query that ran out of time. Here the document's
// places are laid out by the test (40 lines a page, each tab-separated cell a box of its own), as a
// PDF's source gives them, so that no LibreOffice is needed; the load and the API are the real ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRunner } from '../../src/db/run.js';
import type { Database } from '../../src/db/connection.js';
import { documentText } from '../../src/parse/index.js';
import { parseWithCellsRead } from '../../src/parse/cells-read.js';
import { buildPlan, planBytes } from '../../src/load/plan.js';
import { withCellsRead } from '../../src/load/places.js';
import { loadParsed } from '../../src/load/loader.js';
import type { LinePlace } from '../../src/source/index.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { askCellsAll, cellsAllDocument, cellsAllVerdict, CELLS_ALL_LINES } from '../../bench/stress/cells-all.js';
import { testDatabase, wipe } from './helpers.js';

let db: Database;
let server: RunningServer;
const { name, text } = cellsAllDocument();
const FILE = `${name}.pdf`;

/** Each line's place as a PDF's source gives it: 40 lines a page, the line's box and one box per cell. */
function placesOf(lines: string[]): LinePlace[] {
  return lines.map((line, i) => {
    const top = 40 + (i % 40) * 13;
    const parts = line.split('\t');
    const width = 760 / parts.length;
    return { page: Math.floor(i / 40) + 1, box: [36, top, 796, top + 12], cells: parts.map((_, k) => [36 + k * width, top, 36 + (k + 1) * width, top + 12]) };
  });
}

beforeAll(async () => {
  db = await testDatabase();
  await wipe(db);
  const { doc, cellsRead, recordCells } = parseWithCellsRead(text, FILE, [], placesOf(text.split('\n')));
  const stored = documentText(text, FILE);
  const plan = buildPlan(doc, stored);
  const places = withCellsRead(placesOf(stored.split('\n')), cellsRead, recordCells);
  const report = await loadParsed(new QueryRunner(db), FILE, text, doc, {}, Date.now(), { plan, text: stored, planBytes: planBytes(plan), places });
  expect(report.parity).toEqual([]);
  server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe(`every cell of every line of a ${CELLS_ALL_LINES.toLocaleString('en')}-line document`, () => {
  it('is answered within the caps, or refused with a documented 4xx code', async () => {
    const answer = await askCellsAll(server.url, name);
    const verdict = cellsAllVerdict(answer, CELLS_ALL_LINES);
    console.log(`cells(all) of ${CELLS_ALL_LINES} lines: ${answer.status} ${answer.code ?? ''} ${answer.lines} lines, ${answer.cells} cells, ${(answer.bytes / 1e6).toFixed(1)} MB in ${answer.ms} ms → ${verdict} ${JSON.stringify(answer.error)}`);
    expect(verdict).not.toBe('FAILED');
    // Answered: each line's five printed cells (code | name | amount | amount | amount), every one read.
    if (verdict === 'ANSWERED') expect(answer.cells).toBe(5 * CELLS_ALL_LINES);
  }, 120_000);

  it('serves each line its page and its cells, each said read', async () => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query($id: ID!) { document(id: $id) { functionLines { name source { line page cells(all: true) { index text read } } } } }', variables: { id: name } }) });
    const body = (await res.json()) as { data: { document: { functionLines: { name: string; source: { line: number; page: number; cells: { index: number; text: string; read: boolean }[] } }[] } } };
    const lines = body.data.document.functionLines;
    const last = lines.find((l) => l.name === `项目${CELLS_ALL_LINES - 1}`);
    // documents.ts functionTable: row i prints 201 + i % 20 | 项目i | i.00 | 0.00 | i.00.
    expect(last?.source.cells.map((c) => [c.index, c.text, c.read])).toEqual([
      [0, String(201 + ((CELLS_ALL_LINES - 1) % 20)), true],
      [1, `项目${CELLS_ALL_LINES - 1}`, true],
      [2, `${CELLS_ALL_LINES - 1}.00`, true],
      [3, '0.00', true],
      [4, `${CELLS_ALL_LINES - 1}.00`, true],
    ]);
    expect(last?.source.page).toBe(Math.floor((last!.source.line - 1) / 40) + 1);
  }, 120_000);
});
