import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from "class-validator";
import { ArgsType, Field, ID, ObjectType } from "type-graphql";
import { WebhookEndpoint, WebhookEventType } from "../../entities";

/** A new endpoint: `createWebhook(url, events, conferences?)`. */
@ArgsType()
export class CreateWebhookArgs {
  @Field({ description: "Where to POST events: an http(s) URL on a public address." })
  @Length(1, 2000)
  url!: string;

  @Field(_type => [WebhookEventType], { description: "The events to receive (at least one)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  events!: WebhookEventType[];

  @Field(_type => [ID], {
    nullable: true,
    description:
      "Only events touching these conferences (global ids). Omitted or empty: every conference, and events that touch none.",
  })
  @IsOptional()
  @ArrayMaxSize(100)
  conferences?: string[] | null;
}

/** Changes to an endpoint; what is omitted stays. */
@ArgsType()
export class UpdateWebhookArgs {
  @Field(_type => ID, { description: "The endpoint's global id." })
  id!: string;

  @Field(_type => String, { nullable: true, description: "A new URL." })
  @IsOptional()
  @Length(1, 2000)
  url?: string | null;

  @Field(_type => [WebhookEventType], { nullable: true, description: "The new list of events." })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  events?: WebhookEventType[] | null;

  @Field(_type => [ID], {
    nullable: true,
    description: "The new list of conferences; an empty list means every conference.",
  })
  @IsOptional()
  @ArrayMaxSize(100)
  conferences?: string[] | null;
}

/** A new endpoint with its signing secret. */
@ObjectType({ description: "A newly registered webhook endpoint, with its signing secret." })
export class CreatedWebhook {
  @Field({
    description:
      "The signing secret (`whsec_` + base64), shown only this once. Verify deliveries with it, e.g. with the `standardwebhooks` library.",
  })
  secret!: string;

  @Field(_type => WebhookEndpoint, { description: "The stored endpoint." })
  webhook!: WebhookEndpoint;
}
