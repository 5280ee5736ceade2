/** The typed tRPC client (types only from the server) and the react-query client. */
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import type { AppRouter } from "../../server/api/router";

/** The custom header marks requests as the app's own (CSRF defence beside the server's Origin check). */
const headers = { "x-partnerkartan": "1" };

/**
 * Sign-in, sign-up and sign-out go alone (the server refuses them in a batch); everything else is batched, at most
 * 10 calls a request, the server's limit (server/http/trpc-request-policy.ts).
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === "mutation" && op.path.startsWith("auth."),
      true: httpLink({ url: "/trpc", headers }),
      false: httpBatchLink({ url: "/trpc", headers, maxItems: 10 }),
    }),
  ],
});

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 } },
});
