/**
 * contact.*: contact requests from a project's owner to an organisation's owners. The match's reasons are computed
 * here at send time, from the live read model, never taken from the client. Sending needs ownership of the project
 * (authorize("owner") on `projectId`); answering or reporting needs ownership of the organisation written to, which
 * only the request knows, so those check it below after the member check. Coordinators read reports and figures.
 */
import { TRPCError } from "@trpc/server";
import {
  ContactPairInputSchema,
  type ContactPreview,
  ContactReportInputSchema,
  type ContactRequest,
  ContactRequestIdInputSchema,
  ContactSendInputSchema,
  type ContactTarget,
  ContactTargetInputSchema,
} from "../../../shared/schema/contact";
import { CONTACT_REQUESTS_PER_PROJECT_PER_DAY } from "../../../shared/schema/limits";
import { DEFAULT_WEIGHTS } from "../../../shared/schema/match";
import { partnerReasons } from "../../export/partner-reasons";
import { partnerScore } from "../../match/partner-score";
import type { Services } from "../../services";
import { ContactLimitError, type ContactReasons } from "../../store/contact-requests";
import { authorize } from "../authorize";
import type { Context } from "../context";
import { publicProcedure, router } from "../trpc";

/**
 * The pair's reasons as the suggestions panel gives them with the default weights, in both languages: told to the
 * project (what its owner sees), and told to the organisation (what its owners read in the request and the mail).
 */
function reasonsOf(services: Services, projectId: string, organisationId: string): ContactReasons {
  const suggestion = partnerScore(services.matchIndex, projectId, organisationId, DEFAULT_WEIGHTS, "complement");
  if (!suggestion) return { score: null, sv: [], en: [], toOrganisation: { sv: [], en: [] } };
  return {
    score: suggestion.score,
    sv: partnerReasons(suggestion.evidence, "sv"),
    en: partnerReasons(suggestion.evidence, "en"),
    toOrganisation: {
      sv: partnerReasons(suggestion.evidence, "sv", "organisation"),
      en: partnerReasons(suggestion.evidence, "en", "organisation"),
    },
  };
}

/**
 * Only the project's own owners write on its behalf: a coordinator or administrator who does not own it may not
 * (authorize("owner") lets them pass, as it does for editing), since the request goes out in the project's name.
 */
async function requireProjectOwner(ctx: Context & { actor: { id: number } }, projectId: string): Promise<void> {
  if (!(await ctx.services.store.accounts.owns(ctx.actor.id, { kind: "project", id: projectId })))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `field "projectId": only an owner of project "${projectId}" may send contact requests for it`,
    });
}

/** Only an owner of the organisation written to may answer or report: 404 for an unknown id, else 403. */
async function requireRecipient(ctx: Context & { actor: { id: number } }, requestId: number): Promise<void> {
  const { contacts } = ctx.services.store;
  if (!(await contacts.partiesOf(requestId)))
    throw new TRPCError({ code: "NOT_FOUND", message: `field "requestId": no contact request with id "${requestId}"` });
  if (!(await contacts.isRecipient(requestId, ctx.actor.id)))
    throw new TRPCError({ code: "FORBIDDEN", message: "Only an owner of the organisation written to may do this." });
}

function rethrowLimit(error: unknown): never {
  if (error instanceof ContactLimitError)
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });
  throw error;
}

export const contactRouter = router({
  /** What the dialog shows first: claimed or not (then the website), the reasons, an open request, today's count. */
  preview: publicProcedure
    .input(ContactPairInputSchema)
    .use(authorize("owner"))
    .query(async ({ ctx, input }): Promise<ContactPreview> => {
      const { projectId, organisationId } = input;
      const { store } = ctx.services;
      const project = await store.entities.get({ kind: "project", id: projectId });
      const organisation = (await store.entities.get({ kind: "organisation", id: organisationId })) as
        | { name: string; website?: string }
        | undefined;
      if (!project)
        throw new TRPCError({ code: "NOT_FOUND", message: `field "projectId": no project with id "${projectId}"` });
      if (!organisation)
        throw new TRPCError({
          code: "NOT_FOUND",
          message: `field "organisationId": no organisation with id "${organisationId}"`,
        });
      const open = await store.contacts.openFor(projectId, organisationId);
      const { sv, en } = reasonsOf(ctx.services, projectId, organisationId);
      const retryAt = await store.contacts.limitFreesAt(projectId, CONTACT_REQUESTS_PER_PROJECT_PER_DAY);
      return {
        projectId,
        projectName: project.name,
        organisationId,
        organisationName: organisation.name,
        claimed: await store.contacts.isClaimed(organisationId),
        ...(organisation.website ? { website: organisation.website } : {}),
        reasons: { sv, en },
        ...(open ? { open } : {}),
        sentToday: await store.contacts.sentToday(projectId),
        perDay: CONTACT_REQUESTS_PER_PROJECT_PER_DAY,
        ...(retryAt ? { retryAt } : {}),
      };
    }),

  /** An organisation as the details panel's contact and claim controls need it. */
  target: publicProcedure
    .input(ContactTargetInputSchema)
    .use(authorize("member"))
    .query(async ({ ctx, input }): Promise<ContactTarget> => {
      const organisation = (await ctx.services.store.entities.get({
        kind: "organisation",
        id: input.organisationId,
      })) as { website?: string } | undefined;
      if (!organisation)
        throw new TRPCError({
          code: "NOT_FOUND",
          message: `field "organisationId": no organisation with id "${input.organisationId}"`,
        });
      const { store } = ctx.services;
      const pendingClaim = await store.claims.pendingFor(ctx.actor.id, input.organisationId);
      return {
        organisationId: input.organisationId,
        claimed: await store.contacts.isClaimed(input.organisationId),
        ...(organisation.website ? { website: organisation.website } : {}),
        mine: await store.accounts.owns(ctx.actor.id, { kind: "organisation", id: input.organisationId }),
        ...(pendingClaim ? { pendingClaim } : {}),
      };
    }),

  /** Sends: the request is recorded and each owner's mail queued in one transaction. */
  send: publicProcedure
    .input(ContactSendInputSchema)
    .use(authorize("owner"))
    .mutation(async ({ ctx, input }): Promise<ContactRequest> => {
      const { store } = ctx.services;
      const perDay = CONTACT_REQUESTS_PER_PROJECT_PER_DAY;
      await requireProjectOwner(ctx, input.projectId);
      try {
        // The rules first (cheap), then the reasons; create() checks the rules again inside its transaction.
        await store.contacts.checkCanSend(input.projectId, input.organisationId, perDay, new Date(), ctx.actor.id);
        const reasons = reasonsOf(ctx.services, input.projectId, input.organisationId);
        const id = await store.contacts.create(
          { ...input, senderId: ctx.actor.id, reasons },
          perDay,
          async (requestId) => {
            const request = (await store.contacts.byId(requestId)) as ContactRequest;
            for (const ownerId of await store.contacts.recipientsOf(input.organisationId)) {
              const owner = await store.accounts.byId(ownerId);
              if (!owner || ownerId === ctx.actor.id) continue;
              await ctx.mail.send(
                owner.email,
                owner.language,
                {
                  template: "contact-request",
                  projectName: request.projectName,
                  organisationName: request.organisationName,
                  senderName: ctx.actor.displayName,
                  message: input.message,
                  reasons: reasons.toOrganisation?.[owner.language] ?? [],
                  link: ctx.mail.link("/#contacts"),
                },
                owner.id,
              );
            }
          },
        );
        return (await store.contacts.byId(id, ctx.actor.id)) as ContactRequest;
      } catch (error) {
        rethrowLimit(error);
      }
    }),

  /** The caller's requests, sent and received, with the other party's address on those accepted between them. */
  mine: publicProcedure
    .use(authorize("member"))
    .query(async ({ ctx }) => await ctx.services.store.contacts.forAccount(ctx.actor.id)),

  /** Accepts: the sender gets the accepting owner's name and address, the owner the sender's; no one else does. */
  accept: publicProcedure
    .input(ContactRequestIdInputSchema)
    .use(authorize("member"))
    .mutation(async ({ ctx, input }): Promise<ContactRequest> => {
      await requireRecipient(ctx, input.requestId);
      const { store } = ctx.services;
      const parties = (await store.contacts.partiesOf(input.requestId)) as { senderId: number };
      const sender = await store.accounts.byId(parties.senderId);
      const owner = await store.accounts.byId(ctx.actor.id);
      if (!sender || sender.disabled || !owner)
        throw new TRPCError({
          code: "CONFLICT",
          message: 'field "requestId": the sender\'s account is no longer active, so there is no one to share with',
        });
      await store.contacts.decide(input.requestId, ctx.actor.id, "accepted", async () => {
        const request = (await store.contacts.byId(input.requestId)) as ContactRequest;
        const names = { projectName: request.projectName, organisationName: request.organisationName };
        await ctx.mail.send(
          sender.email,
          sender.language,
          {
            template: "contact-accepted",
            ...names,
            name: owner.displayName,
            address: owner.email,
          },
          sender.id,
        );
        await ctx.mail.send(
          owner.email,
          owner.language,
          {
            template: "contact-shared",
            ...names,
            name: sender.displayName,
            address: sender.email,
          },
          owner.id,
        );
      });
      return (await store.contacts.byId(input.requestId, ctx.actor.id, "recipient")) as ContactRequest;
    }),

  /** Declines: the sender is told, and nothing is shared. */
  decline: publicProcedure
    .input(ContactRequestIdInputSchema)
    .use(authorize("member"))
    .mutation(async ({ ctx, input }): Promise<ContactRequest> => {
      await requireRecipient(ctx, input.requestId);
      const { store } = ctx.services;
      const parties = (await store.contacts.partiesOf(input.requestId)) as { senderId: number };
      await store.contacts.decide(input.requestId, ctx.actor.id, "declined", async () => {
        const sender = await store.accounts.byId(parties.senderId);
        const request = (await store.contacts.byId(input.requestId)) as ContactRequest;
        if (!sender || sender.disabled) return;
        await ctx.mail.send(
          sender.email,
          sender.language,
          {
            template: "contact-declined",
            projectName: request.projectName,
            organisationName: request.organisationName,
            link: ctx.mail.link(`/?node=${encodeURIComponent(`project:${request.projectId}`)}`),
          },
          sender.id,
        );
      });
      return (await store.contacts.byId(input.requestId, ctx.actor.id, "recipient")) as ContactRequest;
    }),

  /** Reports a request as abuse (an open one is declined with it); coordinators see the report. */
  report: publicProcedure
    .input(ContactReportInputSchema)
    .use(authorize("member"))
    .mutation(async ({ ctx, input }): Promise<ContactRequest> => {
      await requireRecipient(ctx, input.requestId);
      await ctx.services.store.contacts.report(input.requestId, ctx.actor.id, input.note);
      return (await ctx.services.store.contacts.byId(input.requestId, ctx.actor.id, "recipient")) as ContactRequest;
    }),

  reports: publicProcedure
    .use(authorize("coordinator"))
    .query(async ({ ctx }) => await ctx.services.store.contacts.reports()),

  /** "Suggestion acted on": requests sent, how they ended, and how many became partners. */
  figures: publicProcedure
    .use(authorize("coordinator"))
    .query(async ({ ctx }) => await ctx.services.store.contacts.figures()),
});
