/**
 * Bounds password hashing. scrypt runs on libuv's thread pool (4 threads), which static files and other file work
 * share: a flood of sign-ins once made GET / wait 31 s. At most HASH_CONCURRENCY hashes run at once, at most
 * HASH_QUEUE wait; beyond that a sign-in is refused at once as busy (503) instead of queueing without bound.
 */
import pLimit from "p-limit";

export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE = 32;

export class HashingBusyError extends Error {
  override name = "HashingBusyError";
  constructor() {
    super("The server is busy checking other sign-ins; try again in a few seconds.");
  }
}

export class HashPool {
  private readonly limit;

  constructor(
    concurrency = HASH_CONCURRENCY,
    private readonly queue = HASH_QUEUE,
  ) {
    this.limit = pLimit(concurrency);
  }

  /** Runs one hashing job, or throws HashingBusyError when too many already wait. */
  run<T>(job: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.queue) return Promise.reject(new HashingBusyError());
    return this.limit(job);
  }
}
