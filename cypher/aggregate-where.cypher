// Included by the aggregate statements (`// @include aggregate-where`): $where, the filter as
// alternatives of field tests (src/query/filters.ts), over the document d of department dep and,
// where a statement reads lines, its line l (a code test without a line holds when the document
// prints a line of the code in the scheme asked).
AND any(clause IN $where WHERE all(atom IN clause WHERE atom.neg <> CASE atom.f
    WHEN 'department' THEN dep.id CONTAINS atom.v OR dep.name CONTAINS atom.v OR any(alias IN dep.aliases WHERE alias CONTAINS atom.v)
    WHEN 'departmentIn' THEN any(s IN atom.v WHERE dep.id CONTAINS s OR dep.name CONTAINS s OR any(alias IN dep.aliases WHERE alias CONTAINS s))
    WHEN 'year' THEN d.year = atom.v
    WHEN 'yearIn' THEN d.year IN atom.v
    WHEN 'yearFrom' THEN d.year >= atom.v
    WHEN 'yearTo' THEN d.year <= atom.v
    WHEN 'kind' THEN atom.v IN d.kinds
    WHEN 'kindIn' THEN any(k IN atom.v WHERE k IN d.kinds)
    WHEN 'code' THEN CASE WHEN l IS NULL THEN EXISTS { MATCH (x:BudgetLine {documentId: d.id}) WHERE x.scheme = $scheme AND x.code STARTS WITH atom.v } ELSE l.code STARTS WITH atom.v END
    WHEN 'codeIn' THEN CASE WHEN l IS NULL THEN EXISTS { MATCH (x:BudgetLine {documentId: d.id}) WHERE x.scheme = $scheme AND any(c IN atom.v WHERE x.code STARTS WITH c) } ELSE any(c IN atom.v WHERE l.code STARTS WITH c) END
  END))
