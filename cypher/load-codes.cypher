// Classification codes with their hierarchy. A code keeps the name each year printed for it.
UNWIND $rows AS row
MERGE (c:Code {key: row.label + ':' + row.code})
  ON CREATE SET c.code = row.code, c.scheme = row.label, c.level = row.level, c.namesByYear = []
SET c.name = coalesce(row.name, c.name),
    c.searchText = row.code + ' ' + coalesce(row.name, c.name, ''),
    c.namesByYear = CASE WHEN row.yearName IS NULL OR row.yearName IN c.namesByYear THEN c.namesByYear ELSE c.namesByYear + row.yearName END
FOREACH (_ IN CASE WHEN row.label = 'FunctionCode' THEN [1] ELSE [] END | SET c:FunctionCode)
FOREACH (_ IN CASE WHEN row.label = 'EconomicCode' THEN [1] ELSE [] END | SET c:EconomicCode)
FOREACH (_ IN CASE WHEN row.label = 'ProcurementItem' THEN [1] ELSE [] END | SET c:ProcurementItem)
WITH c, row WHERE row.parent IS NOT NULL
MERGE (p:Code {key: row.label + ':' + row.parent})
  ON CREATE SET p.code = row.parent, p.scheme = row.label, p.level = row.level - 1, p.namesByYear = []
FOREACH (_ IN CASE WHEN row.label = 'FunctionCode' THEN [1] ELSE [] END | SET p:FunctionCode)
FOREACH (_ IN CASE WHEN row.label = 'EconomicCode' THEN [1] ELSE [] END | SET p:EconomicCode)
FOREACH (_ IN CASE WHEN row.label = 'ProcurementItem' THEN [1] ELSE [] END | SET p:ProcurementItem)
MERGE (c)-[:PARENT]->(p)
