export function webIsFresh(): boolean;
export function buildWeb(options?: { quiet?: boolean }): Promise<{ built: boolean; dir: string }>;
