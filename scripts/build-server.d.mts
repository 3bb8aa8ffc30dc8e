export function serverIsFresh(): boolean;
export function buildServer(options?: { quiet?: boolean }): Promise<{ built: boolean; outDir: string }>;
