// Every code's names derived again from the lines that print them (after a document is removed:
// the codes it printed may have lost a name).
MATCH (c:Code)
// @include code-names-set
