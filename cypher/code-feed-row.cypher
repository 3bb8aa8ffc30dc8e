// Included by projects-feeding-code and code-feeds-page (`// @include code-feed-row`): from a
// COUNTED link r of an allocation a (or an investment project ip) to code c, in document d of
// department dep, for unit u and project p, one row as the map `feed`. Its amount is the money
// the link counts at the code (r.countedFen, decided at load); `support` is the counted method and
// every SUPPORTING one to the same code; `alternatives` are the allocation's REJECTED links to
// other codes, each with the reason. The department, unit and project come back whole when the
// query reads more of them than their id and name ($whole*: src/query/projection.ts); support and
// alternatives are read only when the query selects them ($withSupport, $withAlternatives:
// src/query/feed-row-plan.ts), an empty list otherwise.
WITH *,
     CASE WHEN a IS NULL OR NOT $withSupport THEN [] ELSE [(a)-[s:BOOKED_UNDER {status: 'SUPPORTING'}]->(c) | s {.method, .note, .evidence}] END AS supporting,
     CASE WHEN a IS NULL OR NOT $withAlternatives THEN [] ELSE [(a)-[x:BOOKED_UNDER {status: 'REJECTED'}]->(o:Code) | x {code: o.code, .method, .note, .evidence, reason: x.rejectedBecause}] END AS rejected
WITH *, CASE WHEN r IS NULL THEN null ELSE {
       year: d.year, documentId: d.id, departmentId: dep.id, unitId: u.id, projectId: p.id,
       department: CASE WHEN $wholeDepartment THEN dep {.id, .name, .aliases, .aliasRules} ELSE dep {.id, .name} END,
       unit: CASE WHEN u IS NULL THEN null WHEN $wholeUnit THEN u {.id, .name, .isSelf} ELSE u {.id, .name} END,
       projectNode: CASE WHEN p IS NULL THEN null WHEN $wholeProject THEN p {.id, .name, .names, .normName, departmentId: dep.id} ELSE p {.id, .name, .normName, departmentId: dep.id} END,
       investment: CASE WHEN ip IS NULL THEN null ELSE ip {.*} END,
       allocationId: a.id, project: coalesce(a.name, ip.name), amountFen: r.countedFen,
       method: r.method, note: r.note, evidence: r.evidence, code: c.code,
       support: CASE WHEN $withSupport THEN [r {.method, .note, .evidence}] + supporting ELSE [] END, alternatives: rejected} END AS feed
