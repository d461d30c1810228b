// The Studio's API explorer: GraphiQL, bundled and served by the hub (no CDN), on its own React page
// so the Studio's Preact bundle stays as it is. GraphiQL 4 (CodeMirror), not 5: Monaco, which 5 is
// built on, writes inline style attributes that the Studio's CSP (no 'unsafe-inline') refuses.
import "graphiql/style.css";
import "./explorer.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { buildSchema } from "graphql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { keepGraphiQLAccessible } from "./accessibility";

// Anonymous, like most first tries: GraphiQL sends the operation name it last parsed, and an edit
// made a moment before running would otherwise send a name the new text no longer has.
const DEFAULT_QUERY = `# The hub's GraphQL API, as you (signed in) may use it.
{
  me {
    displayName
    role
  }
}
`;

/**
 * The same endpoint, cookie and CSRF-prevention header as the Studio: the hub honours the session
 * cookie only on requests that carry the header.
 */
const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  headers: { "apollo-require-preflight": "true" },
  fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
});

/**
 * The schema comes from the hub's SDL for signed-in users, not from introspection (which is off in
 * production): one path in every mode.
 */
async function loadSchema() {
  const answer = await fetch("/studio/explorer/schema.graphql", { credentials: "same-origin" });
  if (!answer.ok) throw new Error(`The schema could not be loaded (HTTP ${answer.status})`);
  return buildSchema(await answer.text());
}

const container = document.getElementById("explorer")!;
const root = createRoot(container);
keepGraphiQLAccessible(container);
// The logo leads back to the Studio (GraphiQL's own links to its project page, off this hub).
const logo = createElement(
  GraphiQL.Logo,
  null,
  createElement("a", { className: "explorer-home", href: "/studio/" }, "Crosstalk Studio"),
);
loadSchema().then(
  schema =>
    root.render(createElement(GraphiQL, { fetcher, schema, defaultQuery: DEFAULT_QUERY }, logo)),
  (err: Error) => root.render(createElement("p", { role: "alert" }, err.message)),
);
