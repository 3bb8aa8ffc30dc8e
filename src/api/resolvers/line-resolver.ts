import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { Anomaly } from '../types/anomalies.js';
import { ClassificationCode } from '../types/codes.js';
import { BudgetLine, BudgetUnit, Document } from '../types/documents.js';
import { codeKey } from '../../model/codes.js';


@Resolver(() => BudgetLine)
export class BudgetLineResolver {
  @FieldResolver(() => BudgetUnit, { nullable: true, description: 'The budget unit (预算单位) the row is printed for: the unit its table prints it under, else the unit a 单位预算 / 单位决算 is of. Null when the table prints the department as a whole: that money is the department’s, not its own unit’s (本级).' })
  unit(@Root() l: BudgetLine, @Ctx() { loaders }: ApiContext) {
    return l.unitId === null ? null : loaders.unitById.get(l.unitId);
  }

  @FieldResolver(() => ClassificationCode, { nullable: true, description: 'The code node, with its hierarchy.' })
  classification(@Root() l: BudgetLine, @Ctx() { loaders }: ApiContext) {
    return loaders.codeByKey.get(codeKey(l.scheme, l.code));
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document that prints it.' })
  document(@Root() l: BudgetLine, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(l.documentId);
  }

  @FieldResolver(() => [Anomaly], { complexity: 3, description: 'Anomalies that cite this line.' })
  anomalies(@Root() l: BudgetLine, @Ctx() { loaders }: ApiContext) {
    return loaders.anomaliesByFact.get(l.id);
  }
}
