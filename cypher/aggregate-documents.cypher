// aggregate(): every document the filter's document tests match (a code test: the document prints
// a line of the code), with what it could contribute — its 项 lines of the scheme per basis in the
// primary table and in fund tables, and its headline total — so the answer can say which documents
// it read and why another added nothing.
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
WITH dep, d, null AS l
WHERE true
// @include aggregate-where
RETURN d.id AS documentId, d.file AS file, d.year AS year, d.kinds AS kinds, dep.id AS departmentId, dep.name AS departmentName, d.unitPrinted AS unitPrinted,
       d.totalFen AS totalFen, d.totalBasis AS totalBasis,
       [b IN ['BUDGET', 'ACTUAL'] WHERE EXISTS { MATCH (x:BudgetLine {documentId: d.id}) WHERE x.scheme = $scheme AND x.level = $level AND x.basis = b AND x.primary }] AS primaryBases,
       [b IN ['BUDGET', 'ACTUAL'] WHERE EXISTS { MATCH (x:BudgetLine {documentId: d.id}) WHERE x.scheme = $scheme AND x.level = $level AND x.basis = b AND x.fund IS NOT NULL }] AS fundBases
ORDER BY d.year, dep.name, d.file
LIMIT $limit
