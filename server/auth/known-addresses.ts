/**
 * Addresses each account has signed in from, in memory: a client at one of them is known to the login limiter even
 * without its device cookie (a script, another browser on the same network). Bounded, oldest accounts forgotten first.
 */
import { accountKey } from "./login-limiter";

const MAX_ACCOUNTS = 10_000;
const MAX_ADDRESSES_PER_ACCOUNT = 10;

export class KnownAddresses {
  private readonly byAccount = new Map<string, string[]>();

  remember(email: string, address: string): void {
    const key = accountKey(email);
    const addresses = [address, ...(this.byAccount.get(key) ?? []).filter((a) => a !== address)];
    this.byAccount.delete(key);
    this.byAccount.set(key, addresses.slice(0, MAX_ADDRESSES_PER_ACCOUNT));
    if (this.byAccount.size > MAX_ACCOUNTS) this.byAccount.delete(this.byAccount.keys().next().value as string);
  }

  knows(email: string, address: string): boolean {
    return this.byAccount.get(accountKey(email))?.includes(address) ?? false;
  }
}
