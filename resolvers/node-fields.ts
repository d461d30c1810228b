import { Arg, FieldResolver, ID, Resolver, Root, type ClassType } from "type-graphql";
import type { BaseEntity } from "../entities/base";
import { toGlobalId, type NodeTypeName } from "../src/core/global-id";
import { DateTimeScalar } from "../src/core/scalars";
import { chooseZone, formatInstant } from "../src/core/time";

/**
 * Fields every Node type resolves the same way: its opaque global `id`, and its audit instants with
 * an optional `timezone`. A type's resolver extends `NodeFields(Type, "Type")`.
 */
export function NodeFields<T extends BaseEntity>(type: ClassType<T>, name: NodeTypeName) {
  @Resolver(_of => type)
  abstract class NodeFieldsResolver {
    @FieldResolver(_returns => ID, { description: "Opaque global id." })
    id(@Root() node: Pick<T, "id">): string {
      return toGlobalId(name, node.id);
    }

    @FieldResolver(_returns => DateTimeScalar, { description: "When the record was created." })
    createdAt(
      @Root() node: Pick<T, "createdAt">,
      @Arg("timezone", _type => String, {
        nullable: true,
        description: "IANA zone to express the time in. Defaults to UTC.",
      })
      timezone: string | null,
    ): string {
      return formatInstant(node.createdAt, chooseZone(timezone, "UTC"));
    }

    @FieldResolver(_returns => DateTimeScalar, { description: "When the record last changed." })
    updatedAt(
      @Root() node: Pick<T, "updatedAt">,
      @Arg("timezone", _type => String, {
        nullable: true,
        description: "IANA zone to express the time in. Defaults to UTC.",
      })
      timezone: string | null,
    ): string {
      return formatInstant(node.updatedAt, chooseZone(timezone, "UTC"));
    }
  }
  return NodeFieldsResolver;
}
