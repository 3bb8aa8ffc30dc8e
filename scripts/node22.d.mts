export function node22(): { binary: string | null; reason: string | null };
