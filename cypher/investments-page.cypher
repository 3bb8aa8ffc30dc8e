// A page of investment projects. $code is a prefix of the 国家编码 as printed; $name a substring;
// $year the report year; $truncated filters codes cut short in the document.
MATCH (dep:Department)-[:PUBLISHED]->(d:Document)<-[:IN_DOCUMENT]-(ip:InvestmentProject)
WHERE ($code IS NULL OR ip.code STARTS WITH $code)
  AND ($name IS NULL OR ip.name CONTAINS $name)
  AND ($year IS NULL OR ip.year = $year)
  AND ($truncated IS NULL OR ip.truncated = $truncated)
  AND ($department IS NULL OR dep.id CONTAINS $department OR dep.name CONTAINS $department
       OR any(alias IN dep.aliases WHERE alias CONTAINS $department))
WITH ip ORDER BY ip.year DESC, ip.code
WITH collect(ip {.*, allocationIds: [(ip)-[:REPORTS_ON]->(x) | x.id]}) AS matched
RETURN size(matched) AS total, matched[$skip..$skip + $limit] AS items
