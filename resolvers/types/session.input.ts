import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { SessionKind } from "../../entities";
import { DateScalar, DateTimeScalar } from "../../src/core/scalars";
import { SessionOrder } from "../../src/services/session.service";
import { ConnectionArgs } from "./connection";

registerEnumType(SessionOrder, {
  name: "SessionOrder",
  description: "How a session list is sorted. Every order ends with the id, so paging is stable.",
  valuesConfig: {
    START_TIME_ASC: { description: "Earliest first (the default)." },
    START_TIME_DESC: { description: "Latest first." },
    TITLE_ASC: { description: "By title, A to Z." },
  },
});

/** Narrows a session list. Every field is optional; given fields combine with AND. */
@InputType({ description: "Narrows a session list. Given fields combine with AND." })
export class SessionFilterInput {
  @Field({ nullable: true, description: "Only this conference's program (by slug)." })
  conference?: string;

  @Field({
    nullable: true,
    description: "Only sessions for this community (by slug) or any community below it.",
  })
  community?: string;

  @Field(_type => [SessionKind], { nullable: true, description: "Only sessions of these kinds." })
  kinds?: SessionKind[];

  @Field({ nullable: true, description: "Only sessions with this topic (by slug)." })
  topic?: string;

  @Field({ nullable: true, description: "Only sessions this person speaks at (by slug)." })
  speaker?: string;

  @Field({ nullable: true, description: "Only sessions in this room (exact name)." })
  room?: string;

  @Field(_type => DateScalar, {
    nullable: true,
    description:
      "Only sessions overlapping this calendar day in the conference's time zone (needs a conference).",
  })
  day?: string;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "Only sessions still running at or after this instant.",
  })
  from?: Date;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "Only sessions starting before this instant.",
  })
  to?: Date;

  @Field({
    nullable: true,
    description:
      "true: only sessions whose audiences span more than one root community (e.g. Python and PHP); false: only the others.",
  })
  crossCommunity?: boolean;

  @Field({
    nullable: true,
    description: "Only sessions matching these words (full-text search on title and abstract).",
  })
  text?: string;
}

/** Arguments of every session connection: paging, a filter and an order. */
@ArgsType()
export class SessionConnectionArgs extends ConnectionArgs {
  @Field(_type => SessionFilterInput, { nullable: true, description: "Narrows the list." })
  filter?: SessionFilterInput | null;

  @Field(_type => SessionOrder, {
    defaultValue: SessionOrder.START_TIME_ASC,
    description: "Sort order.",
  })
  orderBy!: SessionOrder;
}
