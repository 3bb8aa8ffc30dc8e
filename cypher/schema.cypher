// Constraints and indexes on every key of the graph model (docs/graph-model.md) that a statement
// looks nodes up by: each costs an entry on every write of its label, so none is declared that no
// statement uses (tests/unit/schema-indexes-used.test.ts; bench/ingest-index-use.ts shows what the
// planner picks). One dropped from here goes in RETIRED_SCHEMA (src/db/schema.ts), so a graph
// built before drops it too.
// Applied at start-up; every statement is idempotent (IF NOT EXISTS).
// applySchema (src/db/schema.ts) reads each statement's name and schema to find and repair what
// an earlier start left half built or defined otherwise: keep to the shapes used here (an index
// is on a label, or on a relationship type as `FOR ()-[r:TYPE]-()`).
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT document_file IF NOT EXISTS FOR (d:Document) REQUIRE d.file IS UNIQUE;
CREATE CONSTRAINT department_id IF NOT EXISTS FOR (d:Department) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (u:BudgetUnit) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT function_code IF NOT EXISTS FOR (c:FunctionCode) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT budget_line_id IF NOT EXISTS FOR (l:BudgetLine) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (p:Project) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT allocation_id IF NOT EXISTS FOR (a:ProjectAllocation) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (i:Indicator) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT investment_id IF NOT EXISTS FOR (i:InvestmentProject) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT self_evaluation_id IF NOT EXISTS FOR (s:SelfEvaluation) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT three_costs_id IF NOT EXISTS FOR (t:ThreeCosts) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT anomaly_id IF NOT EXISTS FOR (a:Anomaly) REQUIRE a.id IS UNIQUE;
CREATE INDEX investment_code IF NOT EXISTS FOR (i:InvestmentProject) ON (i.code);
// codeFeeds' default order (cypher/code-feeds-default-page.cypher) reads a code's COUNTED links in
// their owner's id order from this index, a page at a time, where without it every link of the
// code was expanded and sorted (10,296 at 10,000 generated documents). code and ownerId copy the
// link's ends (written by load-code-links and load-investment-links, backfilled at start).
CREATE INDEX booked_under_code_owner IF NOT EXISTS FOR ()-[r:BOOKED_UNDER]-() ON (r.code, r.status, r.ownerId);
// A department is found by a text its id, name or an alias contains (money-trail): matchText joins
// the three (cypher/department-match-text-set.cypher), and this index answers CONTAINS on it,
// where the three tests read every department (1,667 on 10,000 generated documents).
CREATE TEXT INDEX department_match_text IF NOT EXISTS FOR (d:Department) ON (d.matchText);
// aggregate-printed seeks a cell's 类 / 款 lines by code and document together: the lines its
// documents print of its code, where by code alone it read every document's and by documentId
// alone every line of each (one entry a line, as budget_line_code was, which this replaces).
CREATE INDEX budget_line_code_document IF NOT EXISTS FOR (l:BudgetLine) ON (l.code, l.documentId);
CREATE FULLTEXT INDEX search_names IF NOT EXISTS
FOR (n:Department|BudgetUnit|Project|FunctionCode|EconomicCode|ProcurementItem|InvestmentProject|Document)
ON EACH [n.name, n.code, n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
CREATE CONSTRAINT code_key IF NOT EXISTS FOR (c:Code) REQUIRE c.key IS UNIQUE;
CREATE CONSTRAINT listing_id IF NOT EXISTS FOR (l:ProjectListing) REQUIRE l.id IS UNIQUE;
// Facts are fetched per document (a document's lines, projects, anomalies…): index documentId
// so that cost does not grow with the number of documents in the graph.
CREATE INDEX budget_line_document IF NOT EXISTS FOR (l:BudgetLine) ON (l.documentId);
CREATE INDEX allocation_document IF NOT EXISTS FOR (a:ProjectAllocation) ON (a.documentId);
CREATE INDEX indicator_document IF NOT EXISTS FOR (i:Indicator) ON (i.documentId);
CREATE INDEX investment_document IF NOT EXISTS FOR (i:InvestmentProject) ON (i.documentId);
CREATE INDEX self_evaluation_document IF NOT EXISTS FOR (s:SelfEvaluation) ON (s.documentId);
CREATE INDEX three_costs_document IF NOT EXISTS FOR (t:ThreeCosts) ON (t.documentId);
CREATE INDEX anomaly_document IF NOT EXISTS FOR (a:Anomaly) ON (a.documentId);
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (f:Figure) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT table_total_id IF NOT EXISTS FOR (t:TableTotal) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT prose_amount_id IF NOT EXISTS FOR (p:ProseAmount) REQUIRE p.id IS UNIQUE;
CREATE INDEX figure_document IF NOT EXISTS FOR (f:Figure) ON (f.documentId);
CREATE INDEX table_total_document IF NOT EXISTS FOR (t:TableTotal) ON (t.documentId);
CREATE INDEX prose_amount_document IF NOT EXISTS FOR (p:ProseAmount) ON (p.documentId);
CREATE CONSTRAINT payment_id IF NOT EXISTS FOR (p:Payment) REQUIRE p.id IS UNIQUE;
CREATE INDEX payment_document IF NOT EXISTS FOR (p:Payment) ON (p.documentId);
// The printed text of each document, line by line, for the document view (one node per document).
CREATE CONSTRAINT document_text_id IF NOT EXISTS FOR (t:DocumentText) REQUIRE t.documentId IS UNIQUE;
// The largest projects are read in this index's order (cypher/projects-top-by-amount.cypher).
CREATE INDEX project_all_years_amount IF NOT EXISTS FOR (p:Project) ON (p.allYearsAmountFen);
// One node counting writes begun and done, so readers can tell a commit overlapped their
// questions (src/db/consistency.ts); unique so two processes' first writes make one.
CREATE CONSTRAINT graph_state_id IF NOT EXISTS FOR (g:GraphState) REQUIRE g.id IS UNIQUE;
