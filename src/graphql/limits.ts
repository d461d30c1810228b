import {
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { QueryLimits } from "../core/config";
import { QueryLimitError, SubscriptionsNotSupportedError } from "../core/errors";

/**
 * Validation rules that refuse a document for its shape alone, before it runs: too deep, too many
 * aliases, too many directives on one field, one field repeated too often, or a subscription. They
 * read the document only (never the variables), so Apollo can cache a document that passed. The
 * cost limit, which reads the variables, is in `cost.ts`.
 */
export function documentLimitRules(limits: QueryLimits): ValidationRule[] {
  return [noSubscriptionsRule, ...documentShapeRules(limits)];
}

/** The shape limits alone (no subscription refusal): what WebSocket subscriptions are held to. */
export function documentShapeRules(limits: QueryLimits): ValidationRule[] {
  return [
    depthRule(limits.maxDepth),
    aliasRule(limits.maxAliases),
    directivesRule(limits.maxDirectivesPerField),
    fieldRepeatRule(limits.maxFieldRepeats),
  ];
}

/** Refuses subscription operations over HTTP with their own code (they are served over WebSocket). */
export const noSubscriptionsRule: ValidationRule = context => ({
  OperationDefinition(node) {
    if (node.operation === "subscription") {
      context.reportError(new SubscriptionsNotSupportedError());
    }
  },
});

/**
 * The depth of each operation, fragments expanded (each fragment measured once, so a fragment
 * explosion costs no more to measure than to read). `{ a { b } }` is 2 deep.
 */
export function depthRule(maxDepth: number): ValidationRule {
  return context => ({
    Document(document) {
      const depth = documentDepth(document);
      if (depth > maxDepth) {
        context.reportError(
          new QueryLimitError(
            "QUERY_TOO_DEEP",
            `The query is ${depth} levels deep; at most ${maxDepth} are allowed`,
            depth,
            maxDepth,
          ),
        );
      }
    },
  });
}

/** The deepest operation of a document. Fragment cycles count as depth 0 (validation refuses them). */
export function documentDepth(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      let depth = 0;
      if (selection.kind === Kind.FIELD) depth = 1 + depthOf(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) depth = depthOf(selection.selectionSet);
      else {
        const name = selection.name.value;
        if (memo.has(name)) depth = memo.get(name)!;
        else if (!visiting.has(name) && fragments.has(name)) {
          visiting.add(name);
          depth = depthOf(fragments.get(name)!.selectionSet);
          visiting.delete(name);
          memo.set(name, depth);
        }
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  };
  let deepest = 0;
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) {
      deepest = Math.max(deepest, depthOf(def.selectionSet));
    }
  }
  return deepest;
}

/** Counts every aliased field in the document (operations and fragments, `__typename` included). */
export function aliasRule(maxAliases: number): ValidationRule {
  return context => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              new QueryLimitError(
                "QUERY_TOO_MANY_ALIASES",
                `The document has ${aliases} aliases; at most ${maxAliases} are allowed`,
                aliases,
                maxAliases,
              ),
            );
          }
        },
      },
    };
  };
}

/**
 * Refuses a field, fragment spread, inline fragment, operation or fragment definition carrying
 * more than `max` directives.
 */
export function directivesRule(max: number): ValidationRule {
  return context => {
    let most = 0;
    const count = (node: { directives?: readonly unknown[] }) => {
      most = Math.max(most, node.directives?.length ?? 0);
    };
    return {
      Field: count,
      FragmentSpread: count,
      InlineFragment: count,
      OperationDefinition: count,
      FragmentDefinition: count,
      Document: {
        leave() {
          if (most > max) {
            context.reportError(
              new QueryLimitError(
                "QUERY_TOO_MANY_DIRECTIVES",
                `A field carries ${most} directives; at most ${max} are allowed on one field`,
                most,
                max,
              ),
            );
          }
        },
      },
    };
  };
}

/**
 * Refuses a selection set naming the same response key more than `max` times (the field-duplication
 * attack: `{ __typename __typename … }` merges into one answer but costs the server every copy).
 */
export function fieldRepeatRule(max: number): ValidationRule {
  return (context: ValidationContext) => {
    let most = 0;
    let key = "";
    return {
      SelectionSet(node) {
        const seen = new Map<string, number>();
        for (const selection of node.selections) {
          if (selection.kind !== Kind.FIELD) continue;
          const name = selection.alias?.value ?? selection.name.value;
          const n = (seen.get(name) ?? 0) + 1;
          seen.set(name, n);
          if (n > most) {
            most = n;
            key = name;
          }
        }
      },
      Document: {
        leave() {
          if (most > max) {
            context.reportError(
              new QueryLimitError(
                "QUERY_FIELD_REPEATED",
                `The field "${key}" appears ${most} times in one selection; at most ${max} are allowed`,
                most,
                max,
              ),
            );
          }
        },
      },
    };
  };
}

/** Counts a document's lexical tokens (what `parseOptions.maxTokens` counts), comments excluded. */
export function countTokens(body: string): number {
  const lexer = new Lexer(new Source(body));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  } catch {
    // A lexical error ends the count: the document is refused either way.
  }
  return tokens;
}

/**
 * How many times an operation's root selects `fieldName`, by response key (as execution merges
 * them), through fragments and inline fragments. `@skip`/`@include` are not read: a skipped call
 * still counts, so the count is never lower than what runs.
 */
export function countRootFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fieldName: string,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const keys = new Set<string>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === fieldName) keys.add(selection.alias?.value ?? fieldName);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return keys.size;
}
