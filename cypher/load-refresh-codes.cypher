// A code's names come from the lines that print it, never from the last document loaded.
// $keys: codes a load touched (a slice of them: src/load/loader.ts sends them in slices), each
// found by its key's index; a filter over every code (`c.key IN $keys`) read the whole label once
// per slice.
UNWIND $keys AS key
MATCH (c:Code {key: key})
// @include code-names-set
