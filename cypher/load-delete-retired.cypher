// The nodes this load retired (load-clear-document, load-retire-document), deleted once no look-up
// by key is left in the transaction; found by their label, no index. A reader never sees them:
// they were retired and are deleted in the one transaction of the load.
MATCH (r:Retired)
DETACH DELETE r
