// Classification codes with their hierarchy. A new code takes the name this document prints;
// an existing one is never renamed here: load-refresh-codes derives names from every line.
UNWIND $rows AS row
MERGE (c:Code {key: row.label + ':' + row.code})
  ON CREATE SET c.code = row.code, c.scheme = row.label, c.level = row.level, c.namesByYear = [],
                c.name = row.name, c.searchText = row.code + ' ' + coalesce(row.name, '')
FOREACH (_ IN CASE WHEN row.label = 'FunctionCode' THEN [1] ELSE [] END | SET c:FunctionCode)
FOREACH (_ IN CASE WHEN row.label = 'EconomicCode' THEN [1] ELSE [] END | SET c:EconomicCode)
FOREACH (_ IN CASE WHEN row.label = 'ProcurementItem' THEN [1] ELSE [] END | SET c:ProcurementItem)
WITH c, row WHERE row.parent IS NOT NULL
MERGE (p:Code {key: row.label + ':' + row.parent})
  ON CREATE SET p.code = row.parent, p.scheme = row.label, p.level = row.level - 1, p.namesByYear = [], p.searchText = row.parent + ' '
FOREACH (_ IN CASE WHEN row.label = 'FunctionCode' THEN [1] ELSE [] END | SET p:FunctionCode)
FOREACH (_ IN CASE WHEN row.label = 'EconomicCode' THEN [1] ELSE [] END | SET p:EconomicCode)
FOREACH (_ IN CASE WHEN row.label = 'ProcurementItem' THEN [1] ELSE [] END | SET p:ProcurementItem)
MERGE (c)-[:PARENT]->(p)
