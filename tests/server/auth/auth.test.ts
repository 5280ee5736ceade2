/** Password hashing and the sign-in limiter: pure enough to test without HTTP. */
import { describe, expect, it } from "vitest";
import { LoginLimiter, type LoginLimits, TooManyAttemptsError } from "../../../server/auth/login-limiter";
import { hashPassword, verifyPassword } from "../../../server/auth/password";

describe("password hashing (scrypt)", () => {
  it("verifies the right password, refuses a wrong one, and salts every hash", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
  });

  it("treats composed and decomposed letters alike (NFKC), and refuses a malformed stored hash", async () => {
    const hash = await hashPassword("lösenordet är långt");
    expect(await verifyPassword("lo\u0308senordet a\u0308r la\u030angt", hash)).toBe(true);
    expect(await verifyPassword("anything", "md5$abc")).toBe(false);
  });
});

const LIMITS: LoginLimits = {
  perAccountAndAddress: 3,
  windowSeconds: 60,
  perAddressPerHour: 100,
  slowDownAfter: 4,
  slowDownSeconds: 30,
  dailyCeiling: 6,
};

/** Makes one failed attempt; true when it was let through to the password check. */
const fail = async (limiter: LoginLimiter, email: string, address: string, known = false) =>
  limiter.reserve(email, address, known).then(
    () => true,
    (e: unknown) => {
      if (e instanceof TooManyAttemptsError) return false;
      throw e;
    },
  );

describe("sign-in limiter", () => {
  it("counts failures per account and address: an attacker elsewhere does not block the owner's address", async () => {
    const limiter = new LoginLimiter(LIMITS);
    for (let i = 0; i < 3; i++) expect(await fail(limiter, "x@example.org", "attacker")).toBe(true);
    expect(await fail(limiter, "X@Example.org", "attacker")).toBe(false);
    expect(await fail(limiter, "x@example.org", "owner")).toBe(true);
  });

  it("reserves before the check: parallel attempts beyond the limit are refused, not let through", async () => {
    const limiter = new LoginLimiter(LIMITS);
    const results = await Promise.all(Array.from({ length: 20 }, () => fail(limiter, "p@example.org", "a")));
    expect(results.filter(Boolean)).toHaveLength(3);
  });

  it("a success clears the address's count for the account, and a cancelled attempt costs nothing", async () => {
    const limiter = new LoginLimiter(LIMITS);
    await fail(limiter, "s@example.org", "a");
    await fail(limiter, "s@example.org", "a");
    await (await limiter.reserve("s@example.org", "a", false)).succeeded();
    for (let i = 0; i < 3; i++) expect(await fail(limiter, "s@example.org", "a")).toBe(true);
    const limiter2 = new LoginLimiter(LIMITS);
    for (let i = 0; i < 10; i++) await (await limiter2.reserve("c@example.org", "a", false)).cancel();
    expect(await fail(limiter2, "c@example.org", "a")).toBe(true);
  });

  it("slows an account down across addresses, then stops unknown clients for the day; known clients pass", async () => {
    const limiter = new LoginLimiter(LIMITS);
    // 4 failures from 4 addresses reach the slow-down: then one attempt per 30 s from anywhere.
    for (let i = 0; i < 4; i++) expect(await fail(limiter, "t@example.org", `addr${i}`)).toBe(true);
    expect(await fail(limiter, "t@example.org", "addr4")).toBe(true);
    expect(await fail(limiter, "t@example.org", "addr5")).toBe(false);
    expect(await fail(limiter, "t@example.org", "owner", true)).toBe(true);
    const error = await limiter.reserve("t@example.org", "addr6", false).catch((e: unknown) => e);
    expect((error as TooManyAttemptsError).message).toMatch(/try again in \d+ seconds/);
  });

  it("blocks an address that tries many accounts", async () => {
    const limiter = new LoginLimiter({ ...LIMITS, perAddressPerHour: 4 });
    for (let i = 0; i < 4; i++) expect(await fail(limiter, `user${i}@example.org`, "10.0.0.1")).toBe(true);
    const error = await limiter.reserve("someone-new@example.org", "10.0.0.1", false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyAttemptsError);
    expect((error as TooManyAttemptsError).message).toMatch(/try again in \d+ minutes/);
    expect(await fail(limiter, "someone-new@example.org", "10.0.0.2")).toBe(true);
  });
});
