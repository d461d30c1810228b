// The GraphQL operations the embeds send. Shared with the server, which registers them as persisted
// queries (and allows them in PERSISTED_QUERIES=allowlist mode), so changing one here keeps both in step.

const SESSION_FIELDS = `
  slug
  title
  kind
  room
  location
  startsAt(timezone: $timezone)
  endsAt(timezone: $timezone)
  isCrossCommunity
  hostConference { slug name timezone }
  speakers { slug name }
  audiences { slug name parent { slug name parent { slug name } } }
  track { slug name color }
  roomRecord { capacity }
  links { kind url title }
  doNotRecord
`;

/** A conference's program, optionally narrowed (and widened to co-located conferences). */
export const CONFERENCE_SESSIONS_QUERY = `query CrosstalkConferenceSessions($conference: String!, $filter: SessionFilterInput, $first: Int, $includeColocated: Boolean! = false, $timezone: String) {
  conference(slug: $conference) {
    slug
    name
    timezone
    sessions(filter: $filter, first: $first, includeColocated: $includeColocated) {
      nodes {${SESSION_FIELDS}}
    }
  }
}`;

/** Sessions across conferences, for a community, speaker or topic without a conference. */
export const SESSIONS_QUERY = `query CrosstalkSessions($filter: SessionFilterInput, $first: Int, $timezone: String) {
  sessions(filter: $filter, first: $first) {
    nodes {${SESSION_FIELDS}}
  }
}`;

/** Speakers of a conference's program or of a community's sessions. */
export const SPEAKERS_QUERY = `query CrosstalkSpeakers($filter: PersonFilterInput, $first: Int) {
  people(filter: $filter, first: $first) {
    nodes { slug name affiliation }
  }
}`;

/** Every operation an embed may send, by operation name. */
export const EMBED_OPERATIONS = {
  CrosstalkConferenceSessions: CONFERENCE_SESSIONS_QUERY,
  CrosstalkSessions: SESSIONS_QUERY,
  CrosstalkSpeakers: SPEAKERS_QUERY,
} as const;

export type EmbedOperationName = keyof typeof EMBED_OPERATIONS;

// The operations as earlier bundles sent them. A browser may still run such a bundle (it is cached as
// immutable), so the server keeps registering these too (allowlist mode): they keep answering.
const LEGACY_SESSION_FIELDS = `
  slug
  title
  kind
  room
  location
  startsAt(timezone: $timezone)
  endsAt(timezone: $timezone)
  isCrossCommunity
  hostConference { slug name timezone }
  speakers { slug name }
  audiences { slug name parent { slug name parent { slug name } } }
`;

/** Earlier texts of the operations, still registered as persisted queries. */
export const LEGACY_EMBED_OPERATIONS: readonly string[] = [
  `query CrosstalkConferenceSessions($conference: String!, $filter: SessionFilterInput, $first: Int, $includeColocated: Boolean! = false, $timezone: String) {
  conference(slug: $conference) {
    slug
    name
    timezone
    sessions(filter: $filter, first: $first, includeColocated: $includeColocated) {
      nodes {${LEGACY_SESSION_FIELDS}}
    }
  }
}`,
  `query CrosstalkSessions($filter: SessionFilterInput, $first: Int, $timezone: String) {
  sessions(filter: $filter, first: $first) {
    nodes {${LEGACY_SESSION_FIELDS}}
  }
}`,
];
