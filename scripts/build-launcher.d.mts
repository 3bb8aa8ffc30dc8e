export function launcherIsFresh(): boolean;
export function buildLauncher(options?: { quiet?: boolean }): { built: boolean; jar: string };
