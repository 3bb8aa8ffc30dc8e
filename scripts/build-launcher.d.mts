export function launcherIsFresh(): boolean;
export const jar: string;
export function buildLauncher(options?: { quiet?: boolean }): { built: boolean; jar: string };
