import { OneRoundInput } from "../../src/core/input-problems";
import { ArgsType, Field, ID, ObjectType } from "type-graphql";
import { Comment } from "../../entities";
import { Connection } from "./connection";
import { IsEmail, IsOptional, Length, MaxLength } from "class-validator";
import { CLIENT_MUTATION_ID, ClientMutationIdLength } from "./editorial";

export const CommentConnection = Connection(Comment, "Comment", "comments");

@OneRoundInput()
@ArgsType()
export class PostCommentArgs {
  @Field(_type => ID, { description: "The article (it must be published)." })
  articleId!: string;

  @Field({ description: "The name to show (1 to 100 characters)." })
  @Length(1, 100)
  authorName!: string;

  @Field(_type => String, {
    nullable: true,
    description: "Your email, for the editors only; it is never shown to anyone.",
  })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  email?: string | null;

  @Field({
    description:
      "The comment, plain text (1 to 5000 characters). Markup is not interpreted: it is shown as typed.",
  })
  @Length(1, 5000)
  body!: string;

  @Field(_type => String, CLIENT_MUTATION_ID)
  @IsOptional()
  @ClientMutationIdLength()
  clientMutationId?: string | null;
}

@ObjectType({ description: "The result of postComment." })
export class PostCommentPayload {
  @Field(_type => Comment, {
    description: "Your comment (PENDING until an editor approves it, unless auto-approved).",
  })
  comment!: Comment;

  @Field(_type => String, { nullable: true, description: "The clientMutationId you sent." })
  clientMutationId!: string | null;

  @Field({
    description:
      "True when this was a repeat of an earlier clientMutationId and nothing new was made.",
  })
  replayed!: boolean;
}
