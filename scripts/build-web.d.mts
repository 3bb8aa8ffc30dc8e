export function webIsFresh(): boolean;
export const PAGES_NEED_DEV_DEPENDENCIES: string;
export function buildWeb(options?: { quiet?: boolean; loadVite?: () => Promise<unknown | null> }): Promise<{ built: boolean; dir: string; missing?: string; stale?: boolean }>;
