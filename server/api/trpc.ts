/** The one initTRPC of the server: context type, error formatting that names the bad field, procedure builders. */
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { NotFoundError } from "../../shared/errors";
import type { Context } from "./context";

function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => (i.path.length > 0 ? `field "${i.path.join(".")}": ${i.message}` : i.message)).join("; ");
}

const t = initTRPC.context<Context>().create({
  // Stack traces stay on the server unless explicitly developing.
  isDev: process.env.NODE_ENV === "development",
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (error.code === "BAD_REQUEST" && cause instanceof z.ZodError) {
      return {
        ...shape,
        message: `Invalid input: ${describeZodIssues(cause.issues).replace(/^Invalid input: /, "")}`,
        data: { ...shape.data, fieldErrors: z.flattenError(cause).fieldErrors as Record<string, string[]> },
      };
    }
    return shape;
  },
});

/** Maps domain errors to tRPC codes, so routers stay thin. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof NotFoundError) {
    throw new TRPCError({ code: "NOT_FOUND", message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(domainErrors);
export const createCallerFactory = t.createCallerFactory;
