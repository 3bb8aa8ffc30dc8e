// Included where a department dep's matchText is computed (`// @include department-match-text`,
// an expression): its id, name and aliases joined with a separator (U+001F) that no department
// text a query sends holds (the tests refuse it), so one CONTAINS on matchText, answered by the
// TEXT index department_match_text, says what the three CONTAINS (id, name, any alias) said: a
// list of aliases is not indexable.
reduce(s = dep.id + '\u001F' + coalesce(dep.name, ''), a IN coalesce(dep.aliases, []) | s + '\u001F' + a)
