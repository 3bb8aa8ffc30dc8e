// Every index and unique constraint of cypher/schema.cypher is there for a statement that looks
// nodes up by it: each costs an index entry on every write of its label (a load writes ~110 nodes
// a document), so one that no statement seeks by is upkeep for nothing (issue 41). Read from the
// statements' text as sent (includes put in place, comments gone): a node pattern that names the
// property — `(x:Label {key: …})`, as MATCH and MERGE look up — or a variable of the label whose
// property a WHERE … / AND … compares with a parameter (=, IN, STARTS WITH, CONTAINS (a TEXT index), <, >…) or tests IS NOT
// NULL; a full-text index by its name in the procedure call. A property sorted on after a
// traversal, or compared with a value of another row (`x.code STARTS WITH atom.v`), is no look-up.
// What the planner really chooses over a loaded graph: bench/ingest-index-use.ts (EXPLAIN of every
// statement).
import { describe, expect, it } from 'vitest';
import { cypher, cypherNames } from '../../src/db/cypher.js';
import { declaredSchema, RETIRED_SCHEMA, type DeclaredRule } from '../../src/db/schema.js';

/** Statements the service runs: not the schema's own, not those only tests run. */
const statements = cypherNames()
  .filter((name) => !name.startsWith('schema') && !name.startsWith('test-'))
  .map((name) => ({ name, text: cypher(name) }));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` looks nodes of the rule's label up by its property (or calls its full-text index). */
function looksUpBy(rule: DeclaredRule, text: string): boolean {
  if (rule.type === 'FULLTEXT') return text.includes(`'${rule.name}'`);
  const [label] = rule.labels;
  const [property] = rule.properties;
  if (label === undefined || property === undefined || rule.labels.length > 1) return false;
  // A hint names the index outright: `USING INDEX x:Label(a, b)` (a composite index is found so).
  const hint = new RegExp(`\\bUSING INDEX \\w+:${escape(label)}\\(\\s*${rule.properties.map(escape).join('\\s*,\\s*')}\\s*\\)`);
  if (hint.test(text)) return true;
  const L = escape(label);
  const p = escape(property);
  // A relationship index (booked_under_code_owner) is sought by equality on its first property of
  // a variable of its type: `[r:BOOKED_UNDER]` … `WHERE r.code = $code` (a CREATE's map is no seek).
  if (rule.entityType === 'RELATIONSHIP') {
    const links = new Set([...text.matchAll(new RegExp(`\\[(\\w+):${L}\\b`, 'g'))].map((m) => m[1]!));
    return [...links].some((v) => new RegExp(`(?:\\bWHERE|\\bAND)\\s+${v}\\.${p}\\s*=\\s*\\$`).test(text));
  }
  if (rule.properties.length > 1) return false;
  // (x:Label {property: …}) or (:Other:Label {…, property: …}); [r:TYPE {property: …}] alike
  if (new RegExp(`[([]\\s*\\w*(?::\\w+)*:${L}(?::\\w+)*\\s*\\{[^}]*\\b${p}\\s*:`).test(text)) return true;
  const variables = new Set([...text.matchAll(new RegExp(`[([](\\w+)(?::\\w+)*:${L}\\b`, 'g'))].map((m) => m[1]!));
  // CONTAINS is a look-up only through a TEXT index: a RANGE index cannot answer it.
  const contains = rule.type === 'TEXT' ? '|CONTAINS\\b' : '';
  return [...variables].some((v) =>
    new RegExp(`(?:\\bWHERE|\\bAND)\\s+${v}\\.${p}\\s*(?:(?:=|IN\\b|STARTS WITH\\b${contains}|>=|<=|>|<)\\s*\\$|IS NOT NULL\\b)`).test(text),
  );
}

describe('cypher/schema.cypher', () => {
  const declared = declaredSchema();

  it('declares only indexes and constraints some statement looks nodes up by, each named with its statements', () => {
    const users = new Map(declared.map((rule) => [rule.name, statements.filter((s) => looksUpBy(rule, s.text)).map((s) => s.name)]));
    const unused = declared.filter((rule) => users.get(rule.name)?.length === 0).map((rule) => `${rule.name} (${rule.labels.join('|')}.${rule.properties.join(', ')})`);
    expect(unused).toEqual([]);
    // The reading above, on statements whose look-ups are known.
    expect(users.get('document_file')).toContain('load-documents-hash');
    expect(users.get('budget_line_document')).toContain('lines-by-document');
    expect(users.get('project_all_years_amount')).toEqual(['projects-top-by-amount']);
    expect(users.get('search_names')).toContain('search');
    expect(users.get('booked_under_code_owner')).toEqual(['code-feeds-default-page']);
  });

  it('tells a look-up from a property only read or tested inside an expression', () => {
    const rule = (name: string): DeclaredRule => ({ kind: 'index', name, type: 'RANGE', labels: ['BudgetLine'], properties: ['code'], statement: '' });
    expect(looksUpBy(rule('x'), 'MATCH (l:BudgetLine {documentId: $id, code: $code}) RETURN l')).toBe(true);
    expect(looksUpBy(rule('x'), 'MATCH (l:BudgetLine)\nWHERE l.code STARTS WITH $prefix RETURN l')).toBe(true);
    expect(looksUpBy(rule('x'), 'MATCH (l:BudgetLine) RETURN l {.code}, l.code AS code')).toBe(false);
    expect(looksUpBy(rule('x'), "MATCH (l:BudgetLine) WHERE CASE atom.f WHEN 'code' THEN l.code = atom.v END RETURN l")).toBe(false);
    expect(looksUpBy(rule('x'), 'MATCH (l:BudgetLine) WHERE ($code IS NULL OR l.code = $code) RETURN l')).toBe(false);
    expect(looksUpBy(rule('x'), 'MATCH (c:Code {code: $code}) RETURN c')).toBe(false);
    // CONTAINS: a TEXT index answers it, a RANGE index does not.
    expect(looksUpBy(rule('x'), 'MATCH (l:BudgetLine)\nWHERE l.code CONTAINS $part RETURN l')).toBe(false);
    expect(looksUpBy({ ...rule('x'), type: 'TEXT' }, 'MATCH (l:BudgetLine)\nWHERE l.code CONTAINS $part RETURN l')).toBe(true);
    const composite: DeclaredRule = { kind: 'index', name: 'y', type: 'RANGE', labels: ['BudgetLine'], properties: ['code', 'documentId'], statement: '' };
    expect(looksUpBy(composite, 'MATCH (l:BudgetLine)\nUSING INDEX l:BudgetLine(code, documentId)\nWHERE l.code = c.code AND l.documentId IN c.docs RETURN l')).toBe(true);
    expect(looksUpBy(composite, 'MATCH (l:BudgetLine) WHERE l.code = $code AND l.documentId = $id RETURN l')).toBe(false);
    expect(looksUpBy(rule('x'), 'MATCH (l:BudgetLine) USING INDEX l:BudgetLine(code) WHERE l.code = c.code RETURN l')).toBe(true);
    expect(looksUpBy(rule('x'), 'MATCH (x:BudgetLine {documentId: d.id}) WHERE x.code STARTS WITH atom.v RETURN x')).toBe(false);
    expect(looksUpBy(rule('x'), 'MATCH (c:Code)<-[:OF_CODE]-(l:BudgetLine) WITH l ORDER BY l.code RETURN l')).toBe(false);
  });

  it('names none of the retired ones again (applySchema drops those where it finds them)', () => {
    expect(declared.filter((rule) => RETIRED_SCHEMA.includes(rule.name)).map((rule) => rule.name)).toEqual([]);
  });
});
