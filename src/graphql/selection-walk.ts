import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * Walks every field an operation selects, through inline fragments and named fragments, from the
 * operation's root type. `visit` is told of each field with the type it is selected on and returns
 * the type its own selection is read as (undefined: not walked further). A selection set is walked
 * once per type it is read as, so a fragment spread many times costs one walk per type: the work
 * is bounded by the document's size, which the document limits already bound.
 */
export function walkSelections(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  visit: (parent: GraphQLCompositeType, field: FieldNode) => GraphQLCompositeType | undefined,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const seen = new Map<SelectionSetNode, Set<string>>();
  const typeNamed = (name: string) => schema.getType(name) as GraphQLCompositeType | undefined;
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType | null | undefined) => {
    if (!parent) return;
    let types = seen.get(set);
    if (!types) seen.set(set, (types = new Set()));
    if (types.has(parent.name)) return;
    types.add(parent.name);
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const next = visit(parent, selection);
        if (selection.selectionSet) walk(selection.selectionSet, next);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, on);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value));
      }
    }
  };
  const root =
    operation.operation === "query"
      ? schema.getQueryType()
      : operation.operation === "mutation"
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  walk(operation.selectionSet, root);
}
