import { IsInt } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";

/**
 * What every update input starts with: which record, and the version the client read. The write
 * succeeds only if the record still has that version (no lost updates).
 */
@InputType({ description: "Which record to change, and the version you read." })
export abstract class VersionedChanges {
  @Field(_type => ID, { description: "The global id of the record to change." })
  id!: string;

  @Field(_type => Int, { description: "The version you read; a newer one makes this CONFLICT." })
  @IsInt()
  version!: number;
}
