// The per-client limits at the door of the API paths: a 429 with Retry-After, or a place to release.
import type { ServerResponse } from 'node:http';
import type { ClientLimiter } from './client-limits.js';
import { HttpError } from './errors.js';

/** Admits the client's request or throws its 429; the function returned frees the place when the request ends. */
export function admitClient(limiter: ClientLimiter, client: string, res: ServerResponse): () => void {
  const admission = limiter.admit(client);
  if (!admission.ok) {
    res.setHeader('retry-after', String(admission.retryAfterSeconds));
    throw new HttpError(429, 'RATE_LIMITED', admission.reason === 'RATE' ? 'Too many requests from this client; slow down (see Retry-After).' : 'Too many requests from this client at once; wait for some to finish.');
  }
  return admission.release;
}
