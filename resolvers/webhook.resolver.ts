import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  Conference,
  Role,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEventType,
  WebhookStatus,
} from "../entities";
import { fromGlobalIdOf } from "../src/core/global-id";
import type { AppContext } from "../src/graphql/context";
import { NodeFields } from "./node-fields";
import { CreatedWebhook, CreateWebhookArgs, UpdateWebhookArgs } from "./types/webhook";

const ID_ARG = { description: "The endpoint's global id." } as const;

const conferenceIds = (ids: string[] | null | undefined) =>
  ids == null
    ? undefined
    : ids.map((id, i) => fromGlobalIdOf("Conference", id, `conferences[${i}]`));

@Resolver(_of => WebhookEndpoint)
export class WebhookResolver extends NodeFields(WebhookEndpoint, "WebhookEndpoint") {
  @Authorized(Role.ADMIN)
  @Query(_returns => [WebhookEndpoint], {
    description: "Every webhook endpoint, oldest first. ADMIN only.",
  })
  webhooks(@Ctx() ctx: AppContext): Promise<WebhookEndpoint[]> {
    return ctx.services.webhooks.list(ctx);
  }

  @FieldResolver(_returns => [Conference], {
    nullable: true,
    description: "The conferences whose events the endpoint receives; null for every conference.",
  })
  async conferences(@Root() endpoint: WebhookEndpoint, @Ctx() ctx: AppContext) {
    if (!endpoint.conferenceIds) return null;
    const found = await ctx.services.conferences.byIds(endpoint.conferenceIds);
    return found.filter((c): c is Conference => c !== null);
  }

  @FieldResolver(_returns => [WebhookDelivery], {
    description: "The endpoint's most recent deliveries, newest first.",
  })
  deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Arg("first", _type => Int, { defaultValue: 20, description: "How many (1 to 100)." })
    first: number,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.webhooks.deliveries(ctx, endpoint.id, first);
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => CreatedWebhook, {
    description:
      "Registers a webhook endpoint and returns its signing secret, once. Deliveries follow the Standard Webhooks specification. ADMIN only.",
  })
  async createWebhook(
    @Args() input: CreateWebhookArgs,
    @Ctx() ctx: AppContext,
  ): Promise<CreatedWebhook> {
    const { secret, endpoint } = await ctx.services.webhooks.create(ctx, {
      url: input.url,
      events: input.events,
      conferenceIds: conferenceIds(input.conferences),
    });
    return { secret, webhook: endpoint };
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => WebhookEndpoint, {
    description: "Changes an endpoint's URL, events or conferences. ADMIN only.",
  })
  updateWebhook(@Args() input: UpdateWebhookArgs, @Ctx() ctx: AppContext) {
    return ctx.services.webhooks.update(ctx, fromGlobalIdOf("WebhookEndpoint", input.id), {
      url: input.url ?? undefined,
      events: (input.events ?? undefined) as WebhookEventType[] | undefined,
      conferenceIds: conferenceIds(input.conferences),
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => WebhookEndpoint, {
    description: "Pauses an endpoint: its deliveries wait until it is resumed. ADMIN only.",
  })
  pauseWebhook(@Arg("id", _type => ID, ID_ARG) id: string, @Ctx() ctx: AppContext) {
    const endpointId = fromGlobalIdOf("WebhookEndpoint", id);
    return ctx.services.webhooks.setStatus(ctx, endpointId, WebhookStatus.PAUSED);
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => WebhookEndpoint, {
    description: "Resumes a paused endpoint; the deliveries that waited are sent. ADMIN only.",
  })
  resumeWebhook(@Arg("id", _type => ID, ID_ARG) id: string, @Ctx() ctx: AppContext) {
    const endpointId = fromGlobalIdOf("WebhookEndpoint", id);
    return ctx.services.webhooks.setStatus(ctx, endpointId, WebhookStatus.ACTIVE);
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => ID, {
    description: "Deletes an endpoint and its deliveries; returns its id. ADMIN only.",
  })
  async deleteWebhook(@Arg("id", _type => ID, ID_ARG) id: string, @Ctx() ctx: AppContext) {
    await ctx.services.webhooks.delete(ctx, fromGlobalIdOf("WebhookEndpoint", id));
    return id;
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => WebhookDelivery, {
    description:
      "Sends a delivery again (now, with a fresh count of attempts), whatever became of it. ADMIN only.",
  })
  redeliver(
    @Arg("delivery", _type => ID, { description: "The delivery's global id." }) delivery: string,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.webhooks.redeliver(
      ctx,
      fromGlobalIdOf("WebhookDelivery", delivery, "delivery"),
    );
  }
}

@Resolver(_of => WebhookDelivery)
export class WebhookDeliveryResolver extends NodeFields(WebhookDelivery, "WebhookDelivery") {
  @FieldResolver(_returns => WebhookEndpoint, {
    nullable: true,
    description: "The endpoint it goes to.",
  })
  endpoint(@Root() delivery: WebhookDelivery, @Ctx() ctx: AppContext) {
    return ctx.services.webhooks.byIdForViewer(ctx, delivery.endpointId);
  }
}
