// A DataLoader that answers a key it was primed with at once, without a promise. Page and bundle
// rows arrive with their neighbours (a line with its unit, a project with its department) and
// prime these loaders; when no field of a row returns a promise, graphql-js completes the whole
// list synchronously instead of one promise per row and field.
import DataLoader from 'dataloader';

export class PrimedLoader<K, V> extends DataLoader<K, V> {
  private readonly known = new Map<K, V>();
  /** Keys asked for before any prime: DataLoader keeps its first answer, and so does get(). */
  private readonly asked = new Set<K>();

  override load(key: K): Promise<V> {
    this.asked.add(key);
    return super.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    const settled = !(value instanceof Error) && !(value !== null && typeof value === 'object' && 'then' in value);
    if (settled && !this.asked.has(key) && !this.known.has(key)) this.known.set(key, value as V);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.known.delete(key);
    this.asked.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    this.asked.clear();
    return super.clearAll();
  }

  /** The primed value itself, else load(key). */
  get(key: K): V | Promise<V> {
    return this.known.has(key) ? (this.known.get(key) as V) : this.load(key);
  }
}

/** `f` of a value that may still be on its way: at once when it is there, else when it comes. */
export function andThen<T, R>(value: T | Promise<T>, f: (v: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}
