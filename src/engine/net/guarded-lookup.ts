import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isAddressAllowed, type AddressPolicy } from './address-policy.js';
import { refusedAddress } from './fetch-error.js';

/** A resolver of every address of a name, as `dns.lookup` with `all: true` is (tests put a fake one in its place). */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A DNS lookup for sockets that hands the connection only the addresses the policy allows. The socket connects to
 * what this returns, so the address checked is the address connected to: a name cannot resolve to a public address
 * for the check and to a private one for the connection (DNS rebinding). A name with no allowed address fails with
 * the refusal error.
 */
export function guardedLookup(policy: AddressPolicy, resolveAll: ResolveAll = dnsLookup): LookupFunction {
  return function lookupAllowed(hostname, options, callback) {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const allowed = addresses.filter((a) => isAddressAllowed(a.address, policy));
      const first = allowed[0];
      if (!first) {
        callback(refusedAddress(), '', 0);
        return;
      }
      // net.connect asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}
