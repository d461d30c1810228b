import { Resolver } from "type-graphql";
import { Comment } from "../entities";
import { NodeFields } from "./node-fields";

@Resolver(_of => Comment)
export class CommentResolver extends NodeFields(Comment, "Comment") {}
