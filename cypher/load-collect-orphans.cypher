// After a document is removed: shared nodes that only it held go too, so removing (or
// replacing) a document leaves the graph as if it had never been loaded.
CALL () {
  MATCH (p:Project) WHERE NOT (p)<-[:ALLOCATES]-() DETACH DELETE p
}
// The projects left keep their stored all-years totals true (one may have lost allocations).
CALL () {
  MATCH (p:Project)
  // @include project-totals-set
}
CALL () {
  MATCH (u:BudgetUnit) WHERE NOT (u)-[:APPEARS_IN]->() DETACH DELETE u
}
CALL () {
  MATCH (dep:Department) WHERE NOT (dep)-[:PUBLISHED]->() DETACH DELETE dep
}
// Codes no fact refers to, leaves first (a 项 before its 款 before its 类).
CALL () {
  UNWIND [3, 2, 1] AS level
  CALL (level) {
    MATCH (c:Code) WHERE c.level = level AND NOT (c)<-[:OF_CODE|BOOKED_UNDER|PARENT]-()
    DETACH DELETE c
  }
}
// A department's aliases are the titles of the documents it still publishes.
CALL () {
  MATCH (dep:Department)-[:PUBLISHED]->(d:Document)
  WITH dep, collect(DISTINCT d.departmentPrinted) AS printed
  WHERE size(printed) < size(dep.aliases)
  SET dep.aliases = [a IN dep.aliases WHERE a IN printed],
      dep.aliasRules = [r IN dep.aliasRules WHERE any(a IN printed WHERE r STARTS WITH a + ' → ')]
  WITH dep
  // @include department-match-text-set
}
