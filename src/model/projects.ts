// Where a project is listed, declared once: the parser records it, the ListingKind enum serves it.

/** Where a document lists a project (ProjectListing.sourceKind). */
export const PROJECT_SOURCE_KINDS = {
  PROSE_LIST: 'A list in the prose (说明 / 综述).',
  PROJECT_TABLE: 'A project table (项目支出表, 项目情况表 …).',
  KEY_PROJECT_TABLE: 'The table of key projects (重点项目).',
  TARGET_FORM: 'A performance-target form (绩效目标表).',
  SELF_EVALUATION: 'A self-evaluation form (绩效自评表).',
} as const;
export type ProjectSourceKind = keyof typeof PROJECT_SOURCE_KINDS;
