// Everything a department-year's money trail needs, in one statement: the document(s) of the
// departments whose id, name or alias contains $department, their 功能分类 项 lines with their
// unit, and every allocation and investment project booked under a 功能分类 code with its link.
// src/query/money-trail.ts chooses the document and does the sums over the lines of the primary
// table (marked at load by src/model/document-tables.ts).
// From the departments, then their documents: a department publishes a few documents a year, a
// year has thousands, and a plan starting from the year reads each of them and its publisher to
// keep the department's (5,001 of them for 3 on 10,000 generated documents, measured when
// Document.year had an index, retired since in 743ca73; without one such a plan reads every
// Document). The department's documents are listed first and tested after: with the year in the
// pattern (a second MATCH, even with a hint to scan departments, or a pattern comprehension) the
// planner started from the year's documents and joined them to the department.
// Found through the TEXT index on matchText (id, name and aliases joined by U+001F, which no
// text a department holds contains: cypher/department-match-text-set.cypher), so the work follows
// the departments found (3 db hits for one), not every department (6,668 on 10,000 documents).
// A $department holding the separator would match across two texts: it matches none, as before.
MATCH (dep:Department)
WHERE dep.matchText CONTAINS $department AND NOT $department CONTAINS '\u001F'
UNWIND [(dep)-[:PUBLISHED]->(doc:Document) | doc] AS d
WITH dep, d
WHERE d.year = $year AND ($kind IS NULL OR $kind IN d.kinds)
// A name matching several departments is the client's mistake, answered by naming them: a few of
// them ($listed document rows), with how many there are, and none of their lines or links read
// (a district's name matched 1,667 departments on 10,000 generated documents, each read in full).
// In id order, so the few named are the same at every asking, whatever the plan.
WITH dep, d ORDER BY dep.id, d.id
WITH collect({dep: dep, d: d}) AS found, count(DISTINCT dep) AS departmentCount
UNWIND CASE WHEN departmentCount = 1 THEN found ELSE found[0..$listed] END AS f
WITH f.dep AS dep, f.d AS d, departmentCount, departmentCount = 1 AS one
CALL (d, one) {
  WITH d WHERE one
  MATCH (l:BudgetLine)-[:IN_DOCUMENT]->(d)
  WHERE l.scheme = 'FUNCTION' AND l.level = 3
  // A line printed for the department as a whole has no unit (unit null); a unit is named as the
  // table prints it over the line (else as its own document names it), not by the node's first name.
  OPTIONAL MATCH (l)-[:FOR_UNIT]->(u:BudgetUnit)
  RETURN collect(l {.id, .code, .name, .projectFen, .basis, .primary, .srcTable, .srcLine, .srcText,
    unit: CASE WHEN u IS NULL THEN null ELSE coalesce(l.unitPrinted, d.unitPrinted, u.name) END, unitId: u.id}) AS lines
}
CALL (d, one) {
  WITH d WHERE one
  MATCH (a:ProjectAllocation)-[:IN_DOCUMENT]->(d)
  MATCH (a)-[r:BOOKED_UNDER]->(c:FunctionCode)
  OPTIONAL MATCH (a)-[:FOR_UNIT]->(u:BudgetUnit)
  RETURN collect({allocationId: a.id, name: a.name, amountFen: a.amountFen, executedFen: a.executedFen, partFen: r.amountFen, unitId: u.id, code: c.code, method: r.method, note: r.note, evidence: r.evidence}) AS links
}
CALL (d, one) {
  WITH d WHERE one
  MATCH (ip:InvestmentProject)-[:IN_DOCUMENT]->(d)
  MATCH (ip)-[r:BOOKED_UNDER]->(c:FunctionCode)
  RETURN collect({investment: ip {.*, allocationIds: [(ip)-[:REPORTS_ON]->(x) | x.id]}, amountFen: ip.completedInYearFen, code: c.code, method: r.method, note: r.note, evidence: r.evidence}) AS investmentLinks
}
RETURN dep {.id, .name} AS department, d {.id, .file, .title, .year, .kinds} AS document, lines, links, investmentLinks, departmentCount
ORDER BY department.id, CASE WHEN 'BUDGET' IN document.kinds THEN 0 WHEN 'FINAL_ACCOUNTS' IN document.kinds THEN 1 ELSE 2 END, document.id
