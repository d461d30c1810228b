import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";

const byField = new WeakMap<FieldNode, ReadonlySet<string>>();

/**
 * The names of the fields an operation selects on the nodes of the connection `info`'s field
 * returns: under `nodes`, and under `edges { node }`, through inline fragments and named ones.
 *
 * `@skip` and `@include` are not read: a field they may drop still counts, so what a caller does
 * with the answer (load a child list ahead, say) may be done for nothing, never left undone. The
 * answer depends on the document alone, so it is worked out once per field of a document (Apollo
 * keeps parsed documents, so a repeated operation asks again with the same nodes).
 */
export function connectionNodeFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  const first = info.fieldNodes[0];
  const cacheable = info.fieldNodes.length === 1;
  if (cacheable) {
    const known = byField.get(first);
    if (known) return known;
  }
  const names = new Set<string>();
  const fragments = info.fragments;
  for (const field of info.fieldNodes) {
    forEachField(field.selectionSet, fragments, connectionField => {
      if (connectionField.name.value === "nodes") {
        forEachField(connectionField.selectionSet, fragments, node => {
          names.add(node.name.value);
        });
      } else if (connectionField.name.value === "edges") {
        forEachField(connectionField.selectionSet, fragments, edgeField => {
          if (edgeField.name.value !== "node") return;
          forEachField(edgeField.selectionSet, fragments, node => {
            names.add(node.name.value);
          });
        });
      }
    });
  }
  if (cacheable) byField.set(first, names);
  return names;
}

/** Calls `visit` with every field of `set`, fragments spread in (each named fragment once). */
function forEachField(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (field: FieldNode) => void,
  spread: Set<string> = new Set(),
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      forEachField(selection.selectionSet, fragments, visit, spread);
    } else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      forEachField(fragments[selection.name.value]?.selectionSet, fragments, visit, spread);
    }
  }
}
