MATCH (p:TestProbe {id: $id}) RETURN p.name AS name, p.amountFen AS amountFen
