/** The one initTRPC of the server: context type, error formatting that names the bad field, procedure builders. */
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { ConflictError, InvalidFieldError, NotFoundError, StaleVersionError } from "../../shared/errors";
import { HashingBusyError } from "../auth/hash-pool";
import { TooManyAttemptsError } from "../auth/login-limiter";
import type { Context } from "./context";

function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `field "${i.path.length > 0 ? i.path.join(".") : "input"}": ${i.message}`).join("; ");
}

/** Messages by full field path ("record.partners.2"), so a form can put each next to its field. */
function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "input";
    errors[field] ??= [];
    errors[field].push(issue.message);
  }
  return errors;
}

const t = initTRPC.context<Context>().create({
  // Stack traces stay on the server unless explicitly developing.
  isDev: process.env.NODE_ENV === "development",
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (error.code === "BAD_REQUEST" && cause instanceof z.ZodError) {
      return {
        ...shape,
        message: `Invalid input: ${describeZodIssues(cause.issues)}`,
        data: { ...shape.data, fieldErrors: fieldErrorsOf(cause.issues) },
      };
    }
    if (error.code === "BAD_REQUEST" && cause instanceof SyntaxError) {
      return { ...shape, message: `Invalid input: field "input": the body is not valid JSON (${cause.message})` };
    }
    if (cause instanceof NotFoundError && cause.field) {
      const detail = cause.message.replace(/^field "[^"]+": /, "");
      return { ...shape, data: { ...shape.data, fieldErrors: { [cause.field]: [detail] } } };
    }
    if (cause instanceof InvalidFieldError || cause instanceof ConflictError) {
      const detail = cause.message.replace(/^(Invalid input: )?field "[^"]+": /, "");
      // A stale version also carries the current record and the fields changed meanwhile, for the form to merge.
      const stale = cause instanceof StaleVersionError ? { stale: cause.stale } : {};
      return { ...shape, data: { ...shape.data, fieldErrors: { [cause.field]: [detail] }, ...stale } };
    }
    // A limit (contact requests, submissions) says when it frees up, so a form can say when to try again.
    const retryAt = (cause as { retryAt?: unknown } | undefined)?.retryAt;
    if (error.code === "TOO_MANY_REQUESTS" && typeof retryAt === "string") {
      return { ...shape, data: { ...shape.data, retryAt } };
    }
    return shape;
  },
});

/** Maps domain errors to tRPC codes, so routers stay thin. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  const rethrow = (code: TRPCError["code"]) => {
    throw new TRPCError({ code, message: (cause as Error).message, cause });
  };
  if (cause instanceof NotFoundError) rethrow("NOT_FOUND");
  if (cause instanceof InvalidFieldError) rethrow("BAD_REQUEST");
  if (cause instanceof ConflictError) rethrow("CONFLICT");
  if (cause instanceof TooManyAttemptsError) rethrow("TOO_MANY_REQUESTS");
  if (cause instanceof HashingBusyError) rethrow("SERVICE_UNAVAILABLE");
  return result;
});

export const router = t.router;
export const middleware = t.middleware;
export const publicProcedure = t.procedure.use(domainErrors);
export const createCallerFactory = t.createCallerFactory;
