import { ArgsType, Field, ID, Int } from "type-graphql";
import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from "class-validator";
import { ScheduleChange } from "../../entities";
import { DateTimeScalar } from "../../src/core/scalars";
import { MAX_PAGE_SIZE } from "../../src/db/page-args";
import { MAX_CHANGE_CONFERENCES } from "../../src/services/schedule-change.service";
import { Connection } from "./connection";

export const ScheduleChangeConnection = Connection(
  ScheduleChange,
  "ScheduleChange",
  "schedule changes",
);

/** Forward paging shared by both change lists. */
@ArgsType()
class ChangePageArgs {
  @Field(_type => Int, {
    nullable: true,
    description: `Changes after \`after\` (default 20, at most ${MAX_PAGE_SIZE}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(_type => String, {
    nullable: true,
    description: "Cursor to continue after; keep the last endCursor to poll for newer changes.",
  })
  after?: string | null;
}

@ArgsType()
export class ConferenceChangesArgs extends ChangePageArgs {
  @Field(_type => Int, {
    nullable: true,
    description:
      "Only changes that produced a schedule version above this one (the `scheduleVersion` you last saw). Default: every change.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  since?: number | null;
}

@ArgsType()
export class ChangesArgs extends ChangePageArgs {
  @Field(_type => [String], {
    description: `The conferences (by slug) to follow, e.g. a co-located event's; at most ${MAX_CHANGE_CONFERENCES}. Unknown slugs match nothing.`,
  })
  @ArrayMaxSize(MAX_CHANGE_CONFERENCES)
  conferences!: string[];

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "Only changes written after this instant. Default: every change.",
  })
  since?: Date | null;
}

/** What `cancelSession` takes. */
@ArgsType()
export class CancelSessionArgs {
  @Field(_type => ID, { description: "The session's global id." })
  id!: string;

  @Field(_type => Int, {
    nullable: true,
    description: "The version you read; a newer one makes this CONFLICT. Default: the current one.",
  })
  @IsOptional()
  @IsInt()
  version?: number | null;
}
