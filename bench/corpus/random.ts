// A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine.
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An amount in fen, a whole number of 0.01 万元 (10,000 fen), between min and max 万元. */
  wan(min: number, max: number): bigint {
    return BigInt(this.int(min * 100, max * 100)) * 10_000n;
  }

  /** Splits `total` fen into `parts` positive pieces of whole 0.01 万元. */
  split(total: bigint, parts: number): bigint[] {
    const unit = 10_000n;
    const units = Number(total / unit);
    if (parts <= 1 || units < parts) return [total];
    const cuts = new Set<number>();
    while (cuts.size < parts - 1) cuts.add(this.int(1, units - 1));
    const sorted = [0, ...[...cuts].sort((a, b) => a - b), units];
    return sorted.slice(1).map((c, i) => BigInt(c - sorted[i]!) * unit);
  }
}
