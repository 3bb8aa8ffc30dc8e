// Tests only: a node written and read back through the driver.
CREATE (p:TestProbe {id: $id, amountFen: $amountFen, name: $name}) RETURN p.id AS id
