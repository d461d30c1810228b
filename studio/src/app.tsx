import { useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import { ArticleEditor } from "./articles";
import { Colocation } from "./colocation";
import { Communities } from "./communities";
import { Conferences } from "./conferences";
import { Dashboard } from "./dashboard";
import { ProgramBoard } from "./board";
import { ModerationQueue } from "./moderation";
import { People } from "./people";
import { navigate, useRoute } from "./router";
import { AcceptInvite, SignIn } from "./sign-in";
import { Team } from "./team";
import { ApiTokens } from "./tokens";

const MeQuery = graphql(`
  query StudioMe {
    me {
      id
      email
      displayName
      role
    }
  }
`);

const SignOutMutation = graphql(`
  mutation StudioSignOut {
    signOut
  }
`);

/** The Studio: who is signed in decides between the sign-in page and the screens. */
export function App() {
  const route = useRoute();
  const [{ data, fetching }, refetchMe] = useQuery({ query: MeQuery });
  const [, signOut] = useMutation(SignOutMutation);
  const refresh = () => refetchMe({ requestPolicy: "network-only" });

  const invite = /^\/invite\/(.+)$/.exec(route);
  if (invite) return <AcceptInvite token={invite[1]} onSignedIn={refresh} />;
  if (fetching && !data) return <p class="loading">Loading…</p>;
  const me = data?.me;
  if (!me) return <SignIn onSignedIn={refresh} />;

  const screens = [
    { path: "/board", label: "Program board" },
    { path: "/articles", label: "Articles" },
    { path: "/moderation", label: "Moderation" },
    { path: "/dashboard", label: "Dashboard" },
    { path: "/people", label: "People" },
    ...(me.role === "ADMIN"
      ? [
          { path: "/conferences", label: "Conferences" },
          { path: "/co-location", label: "Co-location" },
          { path: "/communities", label: "Communities" },
          { path: "/team", label: "Team" },
          { path: "/tokens", label: "API tokens" },
        ]
      : []),
  ];
  const current =
    screens.find(s => route === s.path || route.startsWith(`${s.path}/`)) ?? screens[2];
  const boardSlug = /^\/board\/([\w-]+)$/.exec(route)?.[1] ?? null;
  // Admin-only screens answer editors too (with why they cannot use them), though not in their nav.
  const conferenceScreen = /^\/(conferences|co-location)\b/.exec(route)?.[1];
  const dashboardSlug = /^\/dashboard\/([\w-]+)$/.exec(route)?.[1] ?? null;
  // Editors reaching the admins' Communities screen are told so (it has no nav entry for them).
  const adminsOnly = me.role !== "ADMIN" && /^\/communities(\/|$)/.test(route);
  // On any admin-only screen an editor has no nav entry, so none is marked current.
  const offNav = adminsOnly || (me.role !== "ADMIN" && conferenceScreen !== undefined);
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={e => (e.preventDefault(), document.getElementById("main")?.focus())}
      >
        Skip to content
      </a>
      <header class="top">
        <p class="brand">Crosstalk Studio</p>
        <nav aria-label="Screens">
          <ul>
            {screens.map(s => (
              <li key={s.path}>
                <a href={`#${s.path}`} aria-current={s === current && !offNav ? "page" : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
            <li>
              {/* Its own page (GraphiQL), served only to signed-in accounts. */}
              <a href="/studio/explorer/">API explorer</a>
            </li>
          </ul>
        </nav>
        <p class="who">
          {me.displayName} ({me.role === "ADMIN" ? "admin" : "editor"})
        </p>
        <button
          type="button"
          onClick={async () => {
            await signOut({});
            refresh();
            navigate("/");
          }}
        >
          Sign out
        </button>
      </header>
      {conferenceScreen === "conferences" ? (
        <Conferences admin={me.role === "ADMIN"} />
      ) : conferenceScreen === "co-location" ? (
        <Colocation admin={me.role === "ADMIN"} />
      ) : adminsOnly || current.path === "/communities" ? (
        <Communities admin={!adminsOnly} />
      ) : current.path === "/people" ? (
        <People />
      ) : current.path === "/team" ? (
        <Team />
      ) : current.path === "/tokens" ? (
        <ApiTokens />
      ) : current.path === "/board" ? (
        <ProgramBoard slug={boardSlug} />
      ) : current.path === "/dashboard" ? (
        <Dashboard slug={dashboardSlug} />
      ) : current.path === "/articles" ? (
        <ArticleEditor />
      ) : (
        <ModerationQueue />
      )}
    </>
  );
}
