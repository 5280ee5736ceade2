/** The app's tRPC router: one sub-router per resource. The client imports only its type. */
import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { claimRouter } from "./routers/claim";
import { contactRouter } from "./routers/contact";
import { coverageRouter } from "./routers/coverage";
import { entityRouter } from "./routers/entity";
import { graphRouter } from "./routers/graph";
import { layoutRouter } from "./routers/layout";
import { matchRouter } from "./routers/match";
import { nodeRouter } from "./routers/node";
import { regionRouter } from "./routers/region";
import { searchRouter } from "./routers/search";
import { shortlistRouter } from "./routers/shortlist";
import { submissionRouter } from "./routers/submission";
import { router } from "./trpc";

export const appRouter = router({
  graph: graphRouter,
  node: nodeRouter,
  search: searchRouter,
  region: regionRouter,
  match: matchRouter,
  coverage: coverageRouter,
  auth: authRouter,
  account: accountRouter,
  submission: submissionRouter,
  entity: entityRouter,
  admin: adminRouter,
  layout: layoutRouter,
  shortlist: shortlistRouter,
  contact: contactRouter,
  claim: claimRouter,
});

export type AppRouter = typeof appRouter;
