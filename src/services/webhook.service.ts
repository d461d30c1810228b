import type { DataSource } from "typeorm";
import {
  Conference,
  Role,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookStatus,
} from "../../entities";
import type { RequestContext } from "../core/context";
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from "../core/errors";
import { DOMAIN_EVENT_TYPES, type DomainEventType } from "../core/events";
import { roleIncludes } from "../core/roles";
import {
  checkWebhookUrl,
  isLocalName,
  newWebhookSecret,
  WebhookTargetError,
} from "./webhook-sender";
import { withFields } from "../core/objects";

/** What an admin sets on an endpoint. In an update, an omitted field stays as it is. */
export interface WebhookFields {
  url?: string;
  events?: DomainEventType[];
  /** Conference ids; empty for every conference. */
  conferenceIds?: number[];
}

/** The most deliveries `deliveries` returns. */
export const MAX_DELIVERIES_LISTED = 100;

/**
 * Webhook endpoints and their deliveries, for admins. The dispatcher (webhook-dispatcher.ts) sends;
 * this service manages what it sends to, and queues redeliveries.
 */
export class WebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: {
      allowPrivateAddresses: boolean;
      /** Called after a redelivery is queued, to wake the dispatcher. */
      onQueued?: () => void;
    },
  ) {}

  private get endpoints() {
    return this.dataSource.getRepository(WebhookEndpoint);
  }

  private get deliveryRepo() {
    return this.dataSource.getRepository(WebhookDelivery);
  }

  /** Registers an endpoint and returns its signing secret (once) with the stored row. */
  async create(
    ctx: RequestContext,
    fields: Required<Pick<WebhookFields, "url" | "events">> & WebhookFields,
  ): Promise<{ secret: string; endpoint: WebhookEndpoint }> {
    assertAdmin(ctx);
    const checked = await this.check(fields);
    const secret = newWebhookSecret();
    const saved = await this.endpoints.save(
      this.endpoints.create({
        url: checked.url,
        events: checked.events,
        conferenceIds: checked.conferenceIds?.length ? checked.conferenceIds : null,
        secret,
        status: WebhookStatus.ACTIVE,
        failing: false,
        consecutiveFailures: 0,
      }),
    );
    const endpoint = await this.endpoints.findOneByOrFail({ id: saved.id });
    ctx.log.info({ webhookId: endpoint.id, events: endpoint.events }, "webhook endpoint created");
    return { secret, endpoint };
  }

  /** Every endpoint, oldest first. */
  list(ctx: RequestContext): Promise<WebhookEndpoint[]> {
    assertAdmin(ctx);
    return this.endpoints.find({ order: { id: "ASC" } });
  }

  /** One endpoint for an admin; null for anyone else or an unknown id (node lookups never throw). */
  async byIdForViewer(ctx: RequestContext, id: number): Promise<WebhookEndpoint | null> {
    if (ctx.viewer.role !== "ADMIN") return null;
    return this.endpoints.findOneBy({ id });
  }

  /** One delivery for an admin; null otherwise. */
  async deliveryByIdForViewer(ctx: RequestContext, id: number): Promise<WebhookDelivery | null> {
    if (ctx.viewer.role !== "ADMIN") return null;
    return this.deliveryRepo.findOneBy({ id });
  }

  /** Changes an endpoint's URL, events or conferences. */
  async update(ctx: RequestContext, id: number, fields: WebhookFields): Promise<WebhookEndpoint> {
    assertAdmin(ctx);
    const checked = await this.check(fields);
    const values: Partial<WebhookEndpoint> = {};
    if (checked.url !== undefined) values.url = checked.url;
    if (checked.events !== undefined) values.events = checked.events;
    if (checked.conferenceIds !== undefined) {
      values.conferenceIds = checked.conferenceIds.length ? checked.conferenceIds : null;
    }
    return this.change(ctx, id, values);
  }

  /** Pauses (deliveries wait) or resumes an endpoint. */
  setStatus(ctx: RequestContext, id: number, status: WebhookStatus): Promise<WebhookEndpoint> {
    assertAdmin(ctx);
    return this.change(ctx, id, { status }).then(endpoint => {
      if (status === WebhookStatus.ACTIVE) this.options.onQueued?.();
      return endpoint;
    });
  }

  /** Deletes an endpoint and its deliveries. */
  async delete(ctx: RequestContext, id: number): Promise<void> {
    assertAdmin(ctx);
    const result = await this.endpoints.delete({ id });
    if (!result.affected) throw new NotFoundError("WebhookEndpoint", id);
    ctx.log.info({ webhookId: id }, "webhook endpoint deleted");
  }

  /** An endpoint's most recent deliveries, newest first. */
  async deliveries(
    ctx: RequestContext,
    endpointId: number,
    first: number,
  ): Promise<WebhookDelivery[]> {
    assertAdmin(ctx);
    if (!Number.isInteger(first) || first < 1 || first > MAX_DELIVERIES_LISTED) {
      throw new BadUserInputError(`first must be 1 to ${MAX_DELIVERIES_LISTED}`, [
        { field: "first", message: `must be 1 to ${MAX_DELIVERIES_LISTED}` },
      ]);
    }
    return this.deliveryRepo.find({
      where: { endpointId },
      order: { id: "DESC" },
      take: first,
    });
  }

  /**
   * Queues a delivery again, now, with a fresh count of attempts (whatever became of it). A delivery
   * being sent at this moment is left to finish.
   */
  async redeliver(ctx: RequestContext, id: number): Promise<WebhookDelivery> {
    assertAdmin(ctx);
    await this.deliveryRepo
      .createQueryBuilder()
      .update()
      .set({
        status: WebhookDeliveryStatus.PENDING,
        attempts: 0,
        nextAttemptAt: ctx.now,
        leaseOwner: null,
        leaseUntil: null,
        version: () => "version + 1",
      })
      .where("id = :id AND status <> :sending", { id, sending: WebhookDeliveryStatus.SENDING })
      .execute();
    const delivery = await this.deliveryRepo.findOneBy({ id });
    if (!delivery) throw new NotFoundError("WebhookDelivery", id);
    ctx.log.info({ deliveryId: id, by: ctx.viewer.tokenId }, "webhook delivery queued again");
    this.options.onQueued?.();
    return delivery;
  }

  private async change(
    ctx: RequestContext,
    id: number,
    values: Partial<WebhookEndpoint>,
  ): Promise<WebhookEndpoint> {
    if (Object.keys(values).length) {
      await this.endpoints
        .createQueryBuilder()
        .update()
        .set(withFields(values, { version: () => "version + 1" }) as never)
        .where("id = :id", { id })
        .execute();
    }
    const endpoint = await this.endpoints.findOneBy({ id });
    if (!endpoint) throw new NotFoundError("WebhookEndpoint", id);
    ctx.log.info({ webhookId: id, changed: Object.keys(values) }, "webhook endpoint changed");
    return endpoint;
  }

  /** Validates what an admin sent; every problem at once. */
  private async check(fields: WebhookFields): Promise<WebhookFields> {
    const problems: { field: string; message: string }[] = [];
    let url: string | undefined;
    if (fields.url !== undefined) {
      try {
        const allowPrivate = this.options.allowPrivateAddresses;
        const parsed = checkWebhookUrl(fields.url.trim(), allowPrivate);
        if (!allowPrivate && isLocalName(parsed)) {
          throw new WebhookTargetError("must not point at this machine");
        }
        url = parsed.toString();
        if (url.length > 2000)
          problems.push({ field: "url", message: "must be at most 2000 characters" });
      } catch (err) {
        if (!(err instanceof WebhookTargetError)) throw err;
        problems.push({ field: "url", message: err.message });
      }
    }
    let events: DomainEventType[] | undefined;
    if (fields.events !== undefined) {
      events = DOMAIN_EVENT_TYPES.filter(type => fields.events!.includes(type));
      if (!events.length)
        problems.push({ field: "events", message: "must name at least one event" });
      if (fields.events.some(e => !DOMAIN_EVENT_TYPES.includes(e))) {
        problems.push({
          field: "events",
          message: `must be among ${DOMAIN_EVENT_TYPES.join(", ")}`,
        });
      }
    }
    let conferenceIds: number[] | undefined;
    if (fields.conferenceIds !== undefined) {
      conferenceIds = [...new Set(fields.conferenceIds)].sort((a, b) => a - b);
      if (conferenceIds.length > 100) {
        problems.push({ field: "conferences", message: "must list at most 100 conferences" });
      } else if (conferenceIds.length) {
        const found = await this.dataSource
          .getRepository(Conference)
          .createQueryBuilder("c")
          .select("c.id", "id")
          .where("c.id IN (:...ids)", { ids: conferenceIds })
          .getRawMany<{ id: number }>();
        const known = new Set(found.map(r => Number(r.id)));
        conferenceIds.forEach((id, i) => {
          if (!known.has(id))
            problems.push({ field: `conferences[${i}]`, message: "no Conference has this id" });
        });
      }
    }
    if (problems.length) {
      throw new BadUserInputError(
        `Invalid input: ${problems.map(p => `${p.field} ${p.message}`).join("; ")}`,
        problems,
      );
    }
    return { url, events, conferenceIds };
  }
}

/** Webhooks are for admins; the GraphQL layer checks first, this is the backstop. */
function assertAdmin(ctx: RequestContext): void {
  if (ctx.viewer.role === null) throw new UnauthenticatedError("Managing webhooks needs a token");
  if (!roleIncludes(ctx.viewer.role, Role.ADMIN)) {
    throw new ForbiddenError("Only an ADMIN token may manage webhooks");
  }
}
