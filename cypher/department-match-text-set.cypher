// Included where a department dep's id, name or aliases are (re)written: its matchText
// (department-match-text) written from them in the same transaction.
SET dep.matchText =
// @include department-match-text
