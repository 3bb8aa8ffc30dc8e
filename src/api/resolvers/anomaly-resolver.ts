import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { selectionTree, selectsCursor } from '../selection.js';
import type { ApiContext } from '../context.js';
import { listArgs, toConnection } from '../pagination.js';
import { Anomaly } from '../types/anomalies.js';
import { Connection } from '../types/connection.js';
import { Document } from '../types/documents.js';
import { AnomalyFilter, AnomalyOrder } from '../types/inputs.js';
import { Box, Source } from '../types/source.js';
import { placeKey, readConfidence, servedCells, type LinePlaceRow, type PlaceBox } from '../../query/places.js';

export const AnomalyConnection = Connection(Anomaly, 'Anomaly', 'anomaly', 'anomalies');

@Resolver(() => Anomaly)
export class AnomalyResolver {
  @Query(() => AnomalyConnection, { description: 'Contradictions found in the documents (sums that do not add up, prose against tables, cut codes).' })
  async anomalies(
    @Ctx() { repo }: ApiContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => AnomalyFilter, { nullable: true, description: 'Which anomalies (all when omitted).' }) filter?: AnomalyFilter,
    @Arg('orderBy', () => [AnomalyOrder], { nullable: true, description: 'Sort keys, first key first (default: by document); ties by document and id. E.g. [{field: DELTA, direction: DESC}] for the largest differences first.' }) orderBy?: { field: string; direction: string }[],
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: 'Page backwards: the last N (at most 100) before `before` (or of all).' }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'startCursor of the page after this one, to page backwards.' }) before?: string,
  ) {
    const { order, signature, page } = listArgs('anomalies', orderBy, first, after, last, before, selectsCursor(selectionTree(info)));
    return toConnection(await repo.anomalies(filter, order, page), signature);
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document it was found in.' })
  document(@Root() a: Anomaly, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(a.documentId);
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Document, { nullable: true, description: 'The document the line is in.' })
  document(@Root() s: Source, @Ctx() { loaders }: ApiContext) {
    return loaders.documentById.get(s.documentId);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The page the line is printed on (1-based): for a PDF, and for a text whose form feeds mark its pages; null for a text without pages.' })
  async page(@Root() s: Source, @Ctx() { loaders }: ApiContext): Promise<number | null> {
    return (await placeOf(s, loaders))?.page ?? null;
  }

  @FieldResolver(() => Box, { nullable: true, description: 'The box of the line on its page (a table row: the whole row; prose: the paragraph’s first printed line), in PDF points from the top-left corner of the page (see Box). Null for a text source, which has no geometry.' })
  async box(@Root() s: Source, @Ctx() { loaders }: ApiContext): Promise<Box | null> {
    const place = await placeOf(s, loaders);
    return place?.box ? boxOf(place.page, place.box, null) : null;
  }

  @FieldResolver(() => [Box], { description: 'The cells the fact was read from, each with its box and text (read: true), in the line’s order: a 科目 line’s code, name and amount cells (of its own block where a line prints two), a 合计 row’s label and amounts, a 三公 record’s figures (its own basis’ where the row prints 预算数 and 决算数; none when all its figures are printed blank), a payment’s serial, item and amount, a form’s 项目名称 / 国家编码 label and its value, an indicator’s levels, name and values, a figure’s value and the label naming its row (a 收支总表 row’s 收入 item and 支出 item each their own); where the parser does not say which cells a line’s records read, every cell of the line (read: null). all: true gives every cell of the line, each saying whether it was read. Empty for a text source.' })
  async cells(@Root() s: Source, @Ctx() { loaders }: ApiContext, @Arg('all', () => Boolean, { defaultValue: false, description: 'Every cell of the line, read or not.' }) all: boolean): Promise<Box[]> {
    const place = await placeOf(s, loaders);
    return place ? servedCells(place, all, s.readKey).map((c) => ({ ...boxOf(place.page, c.box, c.text), index: c.index, read: c.read, ocrConfidence: c.ocrConfidence })) : [];
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Read by OCR from a scanned page: how sure OCR was of what the fact read, the lowest confidence (0-100, tesseract’s) of the words in the cells it read (each cell’s is Box.ocrConfidence), or of the line’s words where the cells read are not known; a number it read under 60 (or as no number is printed) is also a diagnostic of the document on this line (OCR_LOW_CONFIDENCE). Null for a line of a PDF’s text layer or of a text.' })
  async ocrConfidence(@Root() s: Source, @Ctx() { loaders }: ApiContext): Promise<number | null> {
    const place = await placeOf(s, loaders);
    return place ? readConfidence(place, s.readKey) : null;
  }
}

/** The stored place of a source's line (one batched read per request: loaders.placeByLine). */
async function placeOf(s: Source, loaders: ApiContext['loaders']): Promise<LinePlaceRow | null> {
  if (s.line === null || s.line === undefined || !s.documentId) return null;
  return loaders.placeByLine.get(placeKey(s.documentId, s.line));
}

const boxOf = (page: number, [x0, y0, x1, y1]: PlaceBox, text: string | null): Box => ({ page, x0, y0, x1, y1, text, index: null, read: null, ocrConfidence: null });
