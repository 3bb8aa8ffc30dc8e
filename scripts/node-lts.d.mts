export const LTS_LINES: number[];
export function nodeLts(major: number): { binary: string; reason: null } | { binary: null; reason: string };
