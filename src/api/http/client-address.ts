// Who a request comes from: the socket's address, or behind a trusted proxy the client it names.

/** "::ffff:10.0.0.5" and "10.0.0.5" are one address. */
export const bareAddress = (a: string) => a.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * The client a request comes from, for rate and connection limits. A request whose socket comes
 * from a trusted proxy (BUDGET_GRAPH_TRUSTED_PROXIES) is the first address of X-Forwarded-For read
 * from the right that is not itself a trusted proxy; from anyone else the header is ignored, since
 * any client can write it.
 */
export function clientAddressPolicy(trusted: string | undefined): (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string {
  const proxies = new Set((trusted ?? '').split(',').map(bareAddress).filter(Boolean));
  return (socketAddress, forwardedFor) => {
    const direct = bareAddress(socketAddress ?? 'unknown');
    if (!proxies.has(direct) || forwardedFor === undefined) return direct;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(bareAddress).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) if (!proxies.has(hops[i]!)) return hops[i]!.slice(0, 64);
    return direct;
  };
}
