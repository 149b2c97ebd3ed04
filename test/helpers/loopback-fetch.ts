/**
 * A stand-in for `safeFetch` with the same contract, for tests against a local server until the real one is on this
 * branch: redirects followed by hand up to the limit, one deadline, a size limit, errors with the contract's codes.
 * It refuses every address but loopback, so a test can never reach the network.
 */
import type { OutboundFetch } from '../../src/engine/fetch/fetch-contract.js';

class LoopbackFetchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches loopback addresses with the contract of `safeFetch`. */
export const loopbackFetch: OutboundFetch = async (url, options) => {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const redirects: string[] = [];
  let target = new URL(url);
  try {
    for (;;) {
      if (target.hostname !== '127.0.0.1') throw new LoopbackFetchError('refused-private-address', 'not loopback');
      const response = await fetch(target, {
        redirect: 'manual',
        signal,
        headers: { ...options.headers, 'user-agent': options.userAgent },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        await response.body?.cancel();
        if (redirects.length >= (options.maxRedirects ?? 5)) {
          throw new LoopbackFetchError('too-many-redirects', `more than ${options.maxRedirects ?? 5} redirects`);
        }
        target = new URL(location, target);
        redirects.push(target.href);
        continue;
      }
      const body = new Uint8Array(await response.arrayBuffer());
      if (body.length > options.maxBytes) throw new LoopbackFetchError('too-large', 'over the size limit');
      return { url: target.href, status: response.status, headers: response.headers, body, redirects };
    }
  } catch (error) {
    if (error instanceof LoopbackFetchError) throw error;
    if (deadline.aborted) throw new LoopbackFetchError('timeout', `no complete answer within ${options.timeoutMs} ms`);
    if (options.signal?.aborted) throw new LoopbackFetchError('aborted', 'the request was cancelled');
    throw new LoopbackFetchError('network', (error as Error).message);
  }
};
