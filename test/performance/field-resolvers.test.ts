import { IsInt, Max } from "class-validator";
import { execute, isObjectType, parse, type GraphQLSchema } from "graphql";
import {
  Arg,
  Args,
  ArgsType,
  ArgumentValidationError,
  Authorized,
  buildSchema,
  Ctx,
  getMetadataStorage,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  type ClassType,
} from "type-graphql";
import { validateInput } from "../../src/graphql/validate-input";
import { skipValidationWithoutRules, sortParamsOnce } from "../../src/server/arg-validation";
import {
  hookedFieldResolver,
  installFieldHooks,
  observeFields,
} from "../../src/server/field-hooks";
import { dropPlainFieldResolvers } from "../../src/server/plain-fields";
import { ResolverInstances } from "../../src/server/resolver-instances";
import { callResolversDirectly } from "../../src/server/direct-resolvers";

// A schema of its own (type-graphql's metadata is per test file): each kind of field once.

const calls: string[] = [];

@ObjectType()
class Thing {
  @Field(_type => Int)
  id!: number;

  @Field()
  plain!: string;

  @Field({ name: "renamed" })
  property!: string;

  @Authorized("ADMIN")
  @Field({ nullable: true })
  guarded!: string;

  @UseMiddleware(({ info }, next) => {
    calls.push(`middleware ${info.fieldName}`);
    return next();
  })
  @Field()
  watched!: string;

  @Field()
  get shout(): string {
    return this.plain.toUpperCase();
  }

  @Field()
  resolved!: string;
}

@ArgsType()
class PlainArgs {
  @Field(_type => Int, { nullable: true })
  first?: number;

  @Field({ nullable: true })
  order: string = "name";
}

@ArgsType()
class CheckedArgs {
  @Field(_type => Int)
  @IsInt()
  @Max(10)
  count!: number;
}

/** A field every type gets from an abstract resolver it extends (as `NodeFields` gives `id`). */
function Inherited<T extends { id: number }>(type: ClassType<T>) {
  @Resolver(_of => type)
  abstract class InheritedResolver {
    @FieldResolver(_returns => String)
    inherited(@Root() thing: T): string {
      return `inherited ${thing.id}`;
    }
  }
  return InheritedResolver;
}

@Resolver(_of => Thing)
class ThingResolver extends Inherited(Thing) {
  @Query(_returns => Thing)
  thing(): Thing {
    return Object.assign(new Thing(), {
      id: 7,
      plain: "plain",
      property: "property",
      guarded: "guarded",
      watched: "watched",
      resolved: "ignored",
    });
  }

  @Query(_returns => String)
  plainArgs(@Args() args: PlainArgs, @Arg("word", { nullable: true }) word?: string): string {
    calls.push(`plainArgs ${args instanceof PlainArgs} ${args.order} ${args.first} ${word}`);
    return "ok";
  }

  @Query(_returns => String)
  ordered(
    @Arg("a") a: string,
    @Arg("b") b: string,
    @Ctx() ctx: { c?: string },
    @Arg("d", { nullable: true }) d?: string,
  ): string {
    return [a, b, ctx.c, d].join(" ");
  }

  @Query(_returns => Int)
  checkedArgs(@Args() { count }: CheckedArgs): number {
    return count;
  }

  @FieldResolver(_returns => String)
  resolved(@Root() thing: Thing): string {
    return `resolved ${thing.id}`;
  }

  @Authorized("ADMIN")
  @Query(_returns => String, { nullable: true })
  secret(): string {
    return "secret";
  }
}

describe("plain fields and argument validation (type-graphql fast paths)", () => {
  let schema: GraphQLSchema;
  let direct = 0;
  const container = new ResolverInstances();
  beforeAll(async () => {
    // In the order getSchema applies them.
    const built = await buildSchema({
      resolvers: [ThingResolver],
      validateFn: validateInput,
      authChecker: ({ context }) => (context as { admin?: boolean }).admin === true,
      authMode: "null",
      container,
    });
    skipValidationWithoutRules();
    sortParamsOnce();
    direct = callResolversDirectly(built, { resolvers: [ThingResolver], container });
    schema = installFieldHooks(dropPlainFieldResolvers(built));
  });
  beforeEach(() => {
    calls.length = 0;
  });

  const run = async (query: string, context: object = {}) =>
    execute({
      schema,
      document: parse(query),
      contextValue: context,
      fieldResolver: hookedFieldResolver,
    });

  it("takes the resolver off plain fields only", () => {
    const type = schema.getType("Thing");
    if (!isObjectType(type)) throw new Error("Thing is not an object type");
    const withResolver = Object.values(type.getFields())
      .filter(f => f.resolve !== undefined)
      .map(f => f.name)
      .sort();
    // `renamed` keeps one that reads its property; the others have roles, middlewares, a getter
    // or a field resolver.
    expect(withResolver).toEqual([
      "guarded",
      "inherited",
      "renamed",
      "resolved",
      "shout",
      "watched",
    ]);
  });

  it("answers every kind of field as type-graphql did", async () => {
    const query = `{ thing { id plain renamed guarded watched shout resolved } }`;
    expect((await run(query)).data).toEqual({
      thing: {
        id: 7,
        plain: "plain",
        renamed: "property",
        guarded: null,
        watched: "watched",
        shout: "PLAIN",
        resolved: "resolved 7",
      },
    });
    expect(calls).toEqual(["middleware watched"]);
    expect((await run(`{ thing { guarded } }`, { admin: true })).data).toEqual({
      thing: { guarded: "guarded" },
    });
  });

  it("tells the field observer of plain fields too, and stops them once the request is aborted", async () => {
    const seen: string[] = [];
    const context = {};
    observeFields(context, (source, _args, info) => {
      seen.push(`${info.parentType.name}.${info.fieldName}:${(source as Thing | undefined)?.id}`);
    });
    await run(`{ thing { plain renamed } }`, context);
    expect(seen).toEqual(["Query.thing:undefined", "Thing.plain:7", "Thing.renamed:7"]);

    const aborted = new AbortController();
    aborted.abort();
    const res = await run(`{ thing { plain } }`, { signal: aborted.signal });
    expect(res.data).toBeNull();
    expect(res.errors?.length).toBe(1);
  });

  it("converts arguments without rules as before (instances, defaults), and validates those with rules", async () => {
    const kinds = (name: string) =>
      getMetadataStorage()
        .queries.find(q => q.methodName === name)
        ?.params?.map(p => p.kind);
    // Only the arguments with rules still go through validateFn.
    expect(kinds("plainArgs")).toEqual(["custom", "custom"]);
    expect(kinds("checkedArgs")).toEqual(["args"]);
    expect((await run(`{ plainArgs(first: 3, word: "w") }`)).data).toEqual({ plainArgs: "ok" });
    expect(calls).toEqual(["plainArgs true name 3 w"]);
    expect((await run(`{ checkedArgs(count: 4) }`)).data).toEqual({ checkedArgs: 4 });
    const refused = await run(`{ checkedArgs(count: 11) }`);
    expect(refused.errors?.[0].originalError).toBeInstanceOf(ArgumentValidationError);
  });

  it("calls a resolver with its parameters in order, sorted once rather than on every call", async () => {
    const params = getMetadataStorage().queries.find(q => q.methodName === "ordered")!.params!;
    expect(params.map(p => p.index)).toEqual([0, 1, 2, 3]);
    // type-graphql sorts on every call: the array sorts to itself, in place, copying nothing.
    expect(params.sort((a, b) => b.index - a.index)).toBe(params);
    expect(params.map(p => p.index)).toEqual([0, 1, 2, 3]);
    const answer = await run(`{ ordered(a: "1", b: "2", d: "4") }`, { c: "3" });
    expect(answer.data).toEqual({ ordered: "1 2 3 4" });
  });

  it("calls resolvers without middlewares, roles or validated arguments directly", async () => {
    // thing, plainArgs, ordered, and the field resolvers `resolved` and `inherited`; not
    // checkedArgs, nor secret.
    expect(direct).toBe(5);
    const asked = jest.spyOn(container, "get");
    try {
      const query = `{ thing { resolved inherited } plainArgs(first: 1) ordered(a: "a", b: "b") checkedArgs(count: 2) secret }`;
      const first = await run(query, { c: "c" });
      expect(first.data).toEqual({
        thing: { resolved: "resolved 7", inherited: "inherited 7" },
        plainArgs: "ok",
        ordered: "a b c ",
        checkedArgs: 2,
        secret: null,
      });
      expect((await run(`{ secret }`, { admin: true })).data).toEqual({ secret: "secret" });
      asked.mockClear();
      expect((await run(query, { c: "c" })).data).toEqual(first.data);
      // Once each instance is known, only type-graphql's handlers ask the container again.
      expect(asked).toHaveBeenCalledTimes(2);
    } finally {
      asked.mockRestore();
    }
  });

  it("makes one resolver instance per class, kept by the container", () => {
    const container = new ResolverInstances();
    class Other {}
    const first = container.get(ThingResolver);
    expect(first).toBeInstanceOf(ThingResolver);
    expect(container.get(ThingResolver)).toBe(first);
    expect(container.get(Other)).toBeInstanceOf(Other);
    expect(container.get(Other)).toBe(container.get(Other));
  });
});
