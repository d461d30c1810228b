import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { Person, Role } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import { toGlobalId } from "../src/core/global-id";
import { DeletePayload } from "./types/editorial";
import { CreatePersonInput, UpdatePersonInput } from "./types/person";

/** Person mutations: EDITOR or ADMIN. */
@Resolver()
@UseMiddleware(RefreshLoaders)
export class PersonMutations {
  @Authorized(Role.EDITOR)
  @Mutation(_returns => Person, { description: "Creates a person. EDITOR." })
  async createPerson(
    @Arg("input", _type => CreatePersonInput, { description: "The new person." })
    input: CreatePersonInput,
    @Ctx() ctx: AppContext,
  ): Promise<Person> {
    const person = await ctx.services.editorial.people.create(ctx, input);
    return person;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Person, {
    description: "Changes a person if still at the version you read (else CONFLICT). EDITOR.",
  })
  async updatePerson(
    @Arg("input", _type => UpdatePersonInput, { description: "The changes." })
    input: UpdatePersonInput,
    @Ctx() ctx: AppContext,
  ): Promise<Person> {
    const person = await ctx.services.editorial.people.update(ctx, input);
    return person;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => DeletePayload, {
    description:
      "Deletes a person. CONFLICT while they speak at a session, author an article or are an article's subject, unless detach is true. EDITOR.",
  })
  async deletePerson(
    @Arg("id", _type => ID, { description: "The person's global id." }) id: string,
    @Arg("detach", {
      defaultValue: false,
      description:
        "Remove the person from their sessions and articles first (those records' versions go up).",
    })
    detach: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<DeletePayload> {
    const deleted = await ctx.services.editorial.people.delete(ctx, id, detach);
    return { deletedId: toGlobalId("Person", deleted) };
  }
}
