/** The typed tRPC client (types only from the server) and the react-query client. */
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "../../server/api/router";

/** The custom header marks requests as the app's own (CSRF defence beside the server's Origin check). */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc", headers: { "x-partnerkartan": "1" } })],
});

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 } },
});
