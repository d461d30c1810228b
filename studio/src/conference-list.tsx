import { useEffect, useState } from "preact/hooks";
import { useQuery } from "@urql/preact";
import { graphql } from "./gql";
import type { StudioConferenceRowFragment } from "./gql/graphql";
import { GeneralErrors } from "./field";
import { formErrors } from "./errors";

export const ConferenceRow = graphql(`
  fragment StudioConferenceRow on Conference {
    id
    version
    slug
    name
    edition
    startsOn
    endsOn
    timezone
    updatedAt
    venue {
      name
      city
      country
    }
    series {
      id
      name
    }
    colocatedWith {
      id
      name
    }
  }
`);

const ConferencePageQuery = graphql(`
  query StudioConferencePage($first: Int, $after: String, $last: Int, $before: String) {
    conferences(first: $first, after: $after, last: $last, before: $before) {
      nodes {
        ...StudioConferenceRow
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

void ConferenceRow;

export type ConferenceRowData = StudioConferenceRowFragment;

const PAGE_SIZE = 20;

/** `2008-11-12`…`2008-11-14` as “12–14 Nov 2008” (calendar days: no zone conversion). */
export function formatDays(startsOn: string, endsOn: string): string {
  const day = (d: string, opts: Intl.DateTimeFormatOptions) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString("en-GB", { timeZone: "UTC", ...opts });
  const full = { day: "numeric", month: "short", year: "numeric" } as const;
  return startsOn === endsOn
    ? day(startsOn, full)
    : `${day(startsOn, full)} – ${day(endsOn, full)}`;
}

/** An instant as wall-clock time in the event's zone, e.g. “30 Nov 2026, 04:10 EST”. */
export function formatInZone(iso: string, zone: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    timeZone: zone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  });
}

/**
 * One keyset page of conferences (earliest first, 20 at a time) in a table, with Earlier/Later
 * buttons that page by cursor: the hub reads only the page. `action` renders each row's button.
 */
export function ConferencePages(props: {
  caption: string;
  columns: "details" | "colocation";
  action: (c: ConferenceRowData) => preact.ComponentChildren;
  /** Changes after a write that the cache cannot see everywhere: the page is read again. */
  refresh?: number;
}) {
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const variables = cursor.before
    ? { last: PAGE_SIZE, before: cursor.before }
    : { first: PAGE_SIZE, after: cursor.after };
  const [{ data, error }, reload] = useQuery({ query: ConferencePageQuery, variables });
  useEffect(() => {
    if (props.refresh) reload({ requestPolicy: "network-only" });
  }, [props.refresh]);
  const page = data?.conferences;
  return (
    <>
      <GeneralErrors messages={formErrors(error).general} />
      <table class="conferences">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Conference</th>
            <th scope="col">Days</th>
            {props.columns === "details" ? (
              <>
                <th scope="col">Venue</th>
                <th scope="col">Series</th>
              </>
            ) : (
              <th scope="col">Co-located with</th>
            )}
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page?.nodes.map(c => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>
                {formatDays(c.startsOn, c.endsOn)}
                <br />
                <small>{c.timezone}</small>
              </td>
              {props.columns === "details" ? (
                <>
                  <td>
                    {c.venue.name}, {c.venue.city} ({c.venue.country})
                  </td>
                  <td>{c.series?.name ?? "—"}</td>
                </>
              ) : (
                <td>{c.colocatedWith.map(o => o.name).join(", ") || "—"}</td>
              )}
              <td>{props.action(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={`${props.caption}: pages`} class="pager">
        <button
          type="button"
          disabled={!page?.pageInfo.hasPreviousPage || !page.pageInfo.startCursor}
          onClick={() => setCursor({ before: page?.pageInfo.startCursor ?? undefined })}
        >
          Earlier conferences
        </button>
        <button
          type="button"
          disabled={!page?.pageInfo.hasNextPage || !page.pageInfo.endCursor}
          onClick={() => setCursor({ after: page?.pageInfo.endCursor ?? undefined })}
        >
          Later conferences
        </button>
      </nav>
    </>
  );
}

/** What a non-admin sees on an admin-only screen. */
export function AdminsOnly({ title }: { title: string }) {
  return (
    <main id="main" tabIndex={-1}>
      <h1>{title}</h1>
      <p role="alert">
        Only admins can manage conferences and co-location. Ask an admin if something needs to
        change.
      </p>
    </main>
  );
}
