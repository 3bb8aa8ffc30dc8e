// Whether any project lacks its stored all-years amount (a graph loaded by an older version).
MATCH (p:Project) WHERE p.allYearsAmountFen IS NULL
RETURN count(p) AS n
