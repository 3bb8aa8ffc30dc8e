// The writes counted by graph-write-begin have committed or rolled back: readers may trust what
// they read again once every begun write is done.
MATCH (g:GraphState {id: 'graph'})
SET g.done = g.done + $n
