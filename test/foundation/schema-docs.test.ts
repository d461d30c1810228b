import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLSchema,
} from "graphql";
import { getSchema } from "../../src/server/schema";

/** Every type, field, argument, input field and enum value of our own must carry a description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (what: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(what);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isScalarType(type) && ["String", "Int", "Float", "Boolean", "ID"].includes(type.name))
      continue;
    if (!["Query", "Mutation", "Subscription"].includes(type.name))
      need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args)
          need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        need(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      need(type.name, type.description);
    }
  }
  return missing;
}

describe("the API documentation", () => {
  it("describes every type, field, argument and enum value", async () => {
    expect(undocumented(await getSchema())).toEqual([]);
  });
});
