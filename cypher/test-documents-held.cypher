// Tests only: which of $files the graph holds as documents, with how many facts point at each.
UNWIND $files AS file
MATCH (d:Document {file: file})
RETURN file, COUNT { (d)<-[:IN_DOCUMENT]-() } AS facts
