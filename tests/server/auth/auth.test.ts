/** Password hashing and the sign-in limiter: pure enough to test without HTTP. */
import { describe, expect, it } from "vitest";
import { LoginLimiter, TooManyAttemptsError } from "../../../server/auth/login-limiter";
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

describe("sign-in limiter", () => {
  it("blocks an account after its failures, whatever the address, and a success clears it", async () => {
    const limiter = new LoginLimiter({ perAccount: 3, perAddress: 100, windowSeconds: 60 });
    for (const address of ["a", "b", "c"]) {
      await limiter.check("x@example.org", address);
      await limiter.failed("x@example.org", address);
    }
    await expect(limiter.check("x@example.org", "d")).rejects.toBeInstanceOf(TooManyAttemptsError);
    await limiter.check("y@example.org", "d");
    await limiter.succeeded("x@example.org");
    await limiter.check("x@example.org", "d");
  });

  it("blocks an address that tries many accounts", async () => {
    const limiter = new LoginLimiter({ perAccount: 100, perAddress: 4, windowSeconds: 60 });
    for (let i = 0; i < 4; i++) await limiter.failed(`user${i}@example.org`, "10.0.0.1");
    const error = await limiter.check("someone-new@example.org", "10.0.0.1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyAttemptsError);
    expect((error as TooManyAttemptsError).message).toMatch(/try again in \d+ minutes/);
    await limiter.check("someone-new@example.org", "10.0.0.2");
  });
});
