/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a Studio account may do, like a scoped API token. */
export type AccountScopeInput = {
  /** Limit to these conferences (global ids). Only their sessions may then be written — a session only if its host and every program are among them — and the conferences themselves; every other write is FORBIDDEN. Omit for all conferences. */
  conferences?: Array<string | number> | null | undefined;
  /** True to allow reading unpublished material but no writes at all (default false). */
  readOnly?: boolean | null | undefined;
};

/** The editorial form of an article. */
export type ArticleKind =
  /** A regular column. */
  | 'COLUMN'
  /** The editors' own opinion. */
  | 'EDITORIAL'
  /** A long-form feature article. */
  | 'FEATURE'
  /** A conversation with a person. */
  | 'INTERVIEW'
  /** A short news item. */
  | 'NEWS'
  /** A report written after an event. */
  | 'WRAP_UP';

/** Whether an article is a draft or published. */
export type ArticleStatus =
  /** Not visible to the public. */
  | 'DRAFT'
  /** Visible to the public once its publishedAt has passed. */
  | 'PUBLISHED';

/** Where a reader comment stands in moderation. */
export type CommentStatus =
  /** Visible to readers. */
  | 'APPROVED'
  /** Awaiting an editor. */
  | 'PENDING'
  /** Refused by an editor. */
  | 'REJECTED'
  /** Marked as spam. */
  | 'SPAM';

/** A new API token. */
export type CreateApiTokenInput = {
  /** Limit to these conferences (global ids). Only their sessions may then be written — a session only if its host and every program are among them — and the conferences themselves; every other write is FORBIDDEN. Omit for all conferences. */
  conferences?: Array<string | number> | null | undefined;
  /** When the token stops working; must be in the future. Omit for never. */
  expiresAt?: string | null | undefined;
  /** What the token is for, e.g. who holds it (1 to 100 characters). */
  name: string;
  /** True to allow reading unpublished material but no writes at all (default false). */
  readOnly?: boolean | null | undefined;
  /** What the token may do. */
  role: Role;
};

/** A new article, stored as a DRAFT with its authors, topics and coverage (all or nothing). Publish it with publishArticle. */
export type CreateArticleInput = {
  /** Authors (people), in byline order. */
  authors?: Array<string | number> | null | undefined;
  /** Body in Markdown. Raw HTML is never passed through. Default: empty. */
  body?: string | null | undefined;
  /** Your own unique id for this attempt (a UUID, say). Sending the same id again — from the same token, or for anonymous callers the same IP — returns the first result instead of creating a duplicate. */
  clientMutationId?: string | null | undefined;
  /** Communities the article is about. */
  communities?: Array<string | number> | null | undefined;
  /** Conferences the article covers. */
  conferences?: Array<string | number> | null | undefined;
  /** Short summary (plain text). Default: empty. */
  excerpt?: string | null | undefined;
  /** The editorial form. */
  kind: ArticleKind;
  /** People the article is about. */
  people?: Array<string | number> | null | undefined;
  /** The publication it appears in. */
  publication: string | number;
  /** Sessions the article covers. */
  sessions?: Array<string | number> | null | undefined;
  /** URL-safe unique key (at most 150 lowercase letters, digits and single hyphens). Generated from the title when omitted (with -2, -3, … if taken); a taken slug given here is CONFLICT. */
  slug?: string | null | undefined;
  /** Headline (1 to 300 characters). */
  title: string;
  /** Topics. */
  topics?: Array<string | number> | null | undefined;
};

/** A new community. */
export type CreateCommunityInput = {
  /** What the community is about. Default: empty. */
  description?: string | null | undefined;
  /** Display name (1 to 200 characters). */
  name: string;
  /** The parent community; omit for a root. */
  parent?: string | number | null | undefined;
  /** URL-safe unique key (lowercase letters, digits, single hyphens). Generated from the name when omitted; a slug another record of this kind has is CONFLICT. */
  slug?: string | null | undefined;
};

/** A new conference edition. */
export type CreateConferenceInput = {
  /** How many attended, when known. */
  attendance?: number | null | undefined;
  /** The community the conference serves. */
  community: string | number;
  /** What the conference is about. Default: empty. */
  description?: string | null | undefined;
  /** The edition's year. */
  edition: number;
  /** Last day (inclusive); not before startsOn. */
  endsOn: string;
  /** Display name (1 to 200 characters). */
  name: string;
  /** Who runs the conference (1 to 200 characters). */
  organizer: string;
  /** The series this conference is an edition of (see `createConferenceSeries`); null for none. */
  series?: string | number | null | undefined;
  /** URL-safe unique key (lowercase letters, digits, single hyphens). Generated from the name when omitted; a slug another record of this kind has is CONFLICT. */
  slug?: string | null | undefined;
  /** First day, in the conference's time zone. */
  startsOn: string;
  /** IANA time zone of the venue, e.g. `America/New_York`. */
  timezone: string;
  /** Where it takes place. */
  venue: VenueInput;
};

/** A new conference series. */
export type CreateConferenceSeriesInput = {
  /** The community the series serves. */
  community: string | number;
  /** Display name (1 to 200 characters), e.g. `PyWorks`. */
  name: string;
  /** URL-safe unique key (at most 100 lowercase letters, digits and single hyphens). Generated from the name when omitted (with -2, -3, … if taken); a taken slug given here is CONFLICT. */
  slug?: string | null | undefined;
};

/** A new person (speaker, author or both). */
export type CreatePersonInput = {
  /** Employer or project represented. */
  affiliation?: string | null | undefined;
  /** Short biography (plain text). Default: empty. */
  bio?: string | null | undefined;
  /** Profile links. */
  links?: Array<PersonLinkInput> | null | undefined;
  /** Full name (1 to 200 characters). */
  name: string;
  /** URL-safe unique key. Generated from the name when omitted (with -2, -3, … if taken); a taken slug given here is CONFLICT. */
  slug?: string | null | undefined;
};

/** A new room at a conference's venue. */
export type CreateRoomInput = {
  /** Seats, if known. */
  capacity?: number | null | undefined;
  /** A conference at the venue. The room belongs to the venue, so conferences at the same venue share it. */
  conference: string | number;
  /** Display name (1 to 100 characters), unique at the venue. */
  name: string;
  /** Where it sorts in the venue's list (default: last). */
  position?: number | null | undefined;
};

/** A new session with its programs, audiences, speakers and topics, stored together or not at all. */
export type CreateSessionInput = {
  /** What the session covers (plain text). Default: empty. */
  abstract?: string | null | undefined;
  /** Communities the session is aimed at (at least one). */
  audiences: Array<string | number>;
  /** Your own unique id for this attempt (a UUID, say). Sending the same id again — from the same token, or for anonymous callers the same IP — returns the first result instead of creating a duplicate. */
  clientMutationId?: string | null | undefined;
  /** The speakers asked not to be recorded or streamed. Default: false. */
  doNotRecord?: boolean | null | undefined;
  /** End; after startsAt. */
  endsAt: string;
  /** The hosting conference; must be one of `programs`. */
  hostConference: string | number;
  /** What sort of slot this is. */
  kind: SessionKind;
  /** Default: ALL. */
  level?: SessionLevel | null | undefined;
  /** Slides, video, code … in order; a list given replaces the whole list. */
  links?: Array<SessionLinkInput> | null | undefined;
  /** Where an off-site session happens. */
  location?: string | null | undefined;
  /** Conferences whose programs list the session (at least one). */
  programs: Array<string | number>;
  /** Room at the host's venue, by name: an unknown name makes a room record there (see `roomRecord`). */
  room?: string | null | undefined;
  /** The room record (see `Conference.rooms`); sets `room` to its name. null clears the room. Wins over `room`. */
  roomRecord?: string | number | null | undefined;
  /** URL-safe unique key (lowercase letters, digits, single hyphens). Generated from the title when omitted (with -2, -3, … if taken); a taken slug given here is CONFLICT. */
  slug?: string | null | undefined;
  /** Speakers, in billing order. Default: none. */
  speakers?: Array<string | number> | null | undefined;
  /** Start. Must be before endsAt; unless the kind is SPRINT, MEETUP or SOCIAL, the session must lie within the host conference's days in its time zone. */
  startsAt: string;
  /** Title as listed in the program (1 to 300 characters). */
  title: string;
  /** Topics. Default: none. */
  topics?: Array<string | number> | null | undefined;
  /** A track of one of the session's programs; null for none. */
  track?: string | number | null | undefined;
};

/** A new track of one conference's program. */
export type CreateTrackInput = {
  /** Colour, `#rrggbb`. */
  color?: string | null | undefined;
  /** The conference whose program has the track. */
  conference: string | number;
  /** Display name (1 to 100 characters). */
  name: string;
  /** URL-safe key, unique within the conference. Made from the name when omitted (with -2, -3, … if taken). */
  slug?: string | null | undefined;
};

/** An editor or admin to invite to the Studio. */
export type InviteAccountInput = {
  /** Limit to these conferences (global ids). Only their sessions may then be written — a session only if its host and every program are among them — and the conferences themselves; every other write is FORBIDDEN. Omit for all conferences. */
  conferences?: Array<string | number> | null | undefined;
  /** The name shown to other editors (1 to 100 characters). */
  displayName: string;
  /** The address they will sign in with. */
  email: string;
  /** True to allow reading unpublished material but no writes at all (default false). */
  readOnly?: boolean | null | undefined;
  /** What the account may do. */
  role: Role;
};

/** Narrows a people list. Given fields combine with AND. */
export type PersonFilterInput = {
  /** Only people speaking at sessions for this community (by slug) or one below it. */
  community?: string | null | undefined;
  /** Only people speaking in this conference's program (by slug). */
  conference?: string | null | undefined;
  /** true: only people who wrote a published article. */
  isAuthor?: boolean | null | undefined;
  /** true: only people who speak at some session. */
  isSpeaker?: boolean | null | undefined;
  /** Only people matching these words (full-text search on name and bio). */
  text?: string | null | undefined;
};

/** A labelled link on a person's profile. */
export type PersonLinkInput = {
  /** What the link is, e.g. `Website` (1 to 50 characters). */
  label: string;
  /** Absolute http(s) URL. */
  url: string;
};

/** What a bearer token may do. ADMIN includes everything EDITOR may do. */
export type Role =
  /** Everything an editor may do, plus managing API tokens. */
  | 'ADMIN'
  /** Edits content and sees unpublished material. */
  | 'EDITOR';

/** What sort of slot a session is. */
export type SessionKind =
  /** A plenary talk that opens or closes a day. */
  | 'KEYNOTE'
  /** A user-group meeting or similar gathering. */
  | 'MEETUP'
  /** An attendee-organised discussion. */
  | 'OPEN_SPACE'
  /** A moderated discussion among several speakers. */
  | 'PANEL'
  /** A social event: dinner, party, reception. */
  | 'SOCIAL'
  /** A coding sprint, often after the conference. */
  | 'SPRINT'
  /** A regular presentation. */
  | 'TALK'
  /** A longer hands-on teaching session. */
  | 'TUTORIAL'
  /** A working session where attendees build something. */
  | 'WORKSHOP';

/** The experience a session assumes. */
export type SessionLevel =
  /** Assumes deep knowledge of the subject. */
  | 'ADVANCED'
  /** Suitable for everyone. */
  | 'ALL'
  /** Assumes little prior knowledge. */
  | 'BEGINNER'
  /** Assumes working knowledge of the subject. */
  | 'INTERMEDIATE';

/** A link to a session's material. */
export type SessionLinkInput = {
  /** What the link leads to. */
  kind: SessionLinkKind;
  /** A title for the link. */
  title?: string | null | undefined;
  /** Absolute http(s) URL (at most 2000 characters). */
  url: string;
};

/** What a session's link leads to. */
export type SessionLinkKind =
  /** Source code: a repository or an archive. */
  | 'CODE'
  /** Anything else. */
  | 'OTHER'
  /** The slides. */
  | 'SLIDES'
  /** A recording of the session. */
  | 'VIDEO';

/** Changes to an article. Omitted fields stay as they are; a list given replaces the whole list. `version` must be the version you read. */
export type UpdateArticleInput = {
  /** Replaces the authors (byline order); may not be emptied while published. */
  authors?: Array<string | number> | null | undefined;
  /** Body in Markdown; may not be emptied while published. */
  body?: string | null | undefined;
  /** Replaces the communities covered. */
  communities?: Array<string | number> | null | undefined;
  /** Replaces the conferences covered. */
  conferences?: Array<string | number> | null | undefined;
  /** Short summary (plain text). */
  excerpt?: string | null | undefined;
  /** The global id of the record to change. */
  id: string | number;
  /** The editorial form. */
  kind?: ArticleKind | null | undefined;
  /** Replaces the people covered. */
  people?: Array<string | number> | null | undefined;
  /** The publication it appears in. */
  publication?: string | number | null | undefined;
  /** Replaces the sessions covered. */
  sessions?: Array<string | number> | null | undefined;
  /** New slug (format as for create). */
  slug?: string | null | undefined;
  /** Headline (1 to 300 characters). */
  title?: string | null | undefined;
  /** Replaces the topics. */
  topics?: Array<string | number> | null | undefined;
  /** The version you read; a newer one makes this CONFLICT. */
  version: number;
};

/** Changes to a community. Omitted fields stay as they are; `version` must be the version you read. */
export type UpdateCommunityInput = {
  /** What the community is about. */
  description?: string | null | undefined;
  /** The global id of the record to change. */
  id: string | number;
  /** Display name (1 to 200 characters). */
  name?: string | null | undefined;
  /** The new parent; null makes it a root. It may not be the community itself or one below it. */
  parent?: string | number | null | undefined;
  /** New slug (format as for create). */
  slug?: string | null | undefined;
  /** The version you read; a newer one makes this CONFLICT. */
  version: number;
};

/** Changes to a conference. Omitted fields stay as they are; `version` must be the version you read. */
export type UpdateConferenceInput = {
  /** Attendance; null when unknown. */
  attendance?: number | null | undefined;
  /** The community the conference serves. */
  community?: string | number | null | undefined;
  /** What the conference is about. */
  description?: string | null | undefined;
  /** The edition's year. */
  edition?: number | null | undefined;
  /** Last day (inclusive). */
  endsOn?: string | null | undefined;
  /** The global id of the record to change. */
  id: string | number;
  /** Display name (1 to 200 characters). */
  name?: string | null | undefined;
  /** Who runs the conference. */
  organizer?: string | null | undefined;
  /** The series this conference is an edition of (see `createConferenceSeries`); null for none. */
  series?: string | number | null | undefined;
  /** New slug (format as for create). */
  slug?: string | null | undefined;
  /** First day. */
  startsOn?: string | null | undefined;
  /** IANA time zone of the venue. */
  timezone?: string | null | undefined;
  /** Where it takes place. */
  venue?: VenueInput | null | undefined;
  /** The version you read; a newer one makes this CONFLICT. */
  version: number;
};

/** Changes to a person. Omitted fields stay as they are; `version` must be the version you read. */
export type UpdatePersonInput = {
  /** Affiliation; null clears it. */
  affiliation?: string | null | undefined;
  /** Short biography (plain text). */
  bio?: string | null | undefined;
  /** The global id of the record to change. */
  id: string | number;
  /** Replaces the links. */
  links?: Array<PersonLinkInput> | null | undefined;
  /** Full name (1 to 200 characters). */
  name?: string | null | undefined;
  /** New slug (format as for create). */
  slug?: string | null | undefined;
  /** The version you read; a newer one makes this CONFLICT. */
  version: number;
};

/** Changes to a room; a new name is copied to its sessions' `room`. `version` must be the version you read. */
export type UpdateRoomInput = {
  /** Seats; null when unknown. */
  capacity?: number | null | undefined;
  /** The global id of the record to change. */
  id: string | number;
  /** Display name, unique at the venue. */
  name?: string | null | undefined;
  /** Where it sorts in the venue's list. */
  position?: number | null | undefined;
  /** The version you read; a newer one makes this CONFLICT. */
  version: number;
};

/** Changes to a session. Omitted fields stay as they are; a list given replaces the whole list. `version` must be the version you read. */
export type UpdateSessionInput = {
  /** What the session covers (plain text). */
  abstract?: string | null | undefined;
  /** Replaces the audiences (at least one). */
  audiences?: Array<string | number> | null | undefined;
  /** The speakers asked not to be recorded or streamed. */
  doNotRecord?: boolean | null | undefined;
  /** End. */
  endsAt?: string | null | undefined;
  /** The hosting conference. */
  hostConference?: string | number | null | undefined;
  /** The global id of the record to change. */
  id: string | number;
  /** What sort of slot this is. */
  kind?: SessionKind | null | undefined;
  /** The experience it assumes. */
  level?: SessionLevel | null | undefined;
  /** Slides, video, code … in order; a list given replaces the whole list. */
  links?: Array<SessionLinkInput> | null | undefined;
  /** Off-site location; null clears it. */
  location?: string | null | undefined;
  /** Replaces the programs (at least one). */
  programs?: Array<string | number> | null | undefined;
  /** Room by name (made at the host's venue when new); null clears it. */
  room?: string | null | undefined;
  /** The room record (see `Conference.rooms`); sets `room` to its name. null clears the room. Wins over `room`. */
  roomRecord?: string | number | null | undefined;
  /** New slug (format as for create). */
  slug?: string | null | undefined;
  /** Replaces the speakers, in billing order. */
  speakers?: Array<string | number> | null | undefined;
  /** Start. */
  startsAt?: string | null | undefined;
  /** Title (1 to 300 characters). */
  title?: string | null | undefined;
  /** Replaces the topics. */
  topics?: Array<string | number> | null | undefined;
  /** A track of one of the session's programs; null for none. */
  track?: string | number | null | undefined;
  /** The version you read; a newer one makes this CONFLICT. */
  version: number;
};

/** Changes to a track; `version` must be the version you read. */
export type UpdateTrackInput = {
  /** Colour, `#rrggbb`; null clears it. */
  color?: string | null | undefined;
  /** The global id of the record to change. */
  id: string | number;
  /** Display name. */
  name?: string | null | undefined;
  /** The version you read; a newer one makes this CONFLICT. */
  version: number;
};

/** Where a conference takes place. */
export type VenueInput = {
  /** City (1 to 100 characters). */
  city: string;
  /** ISO 3166-1 alpha-2 country code, e.g. `US`. */
  country: string;
  /** Venue name (1 to 200 characters). */
  name: string;
};

export type StudioMeQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioMeQuery = { me: { id: string, email: string, displayName: string, role: Role } | null };

export type StudioSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type StudioSignOutMutation = { signOut: boolean };

export type StudioArticleOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioArticleOptionsQuery = { publications: Array<{ id: string, name: string }> };

export type StudioSessionSearchQueryVariables = Exact<{
  text: string;
}>;


export type StudioSessionSearchQuery = { sessions: { nodes: Array<{ id: string, title: string }> } };

export type StudioConferenceSearchQueryVariables = Exact<{
  text: string;
}>;


export type StudioConferenceSearchQuery = { conferences: { nodes: Array<{ id: string, name: string }> } };

export type StudioArticleFragment = { id: string, version: number, slug: string, status: ArticleStatus, publishedAt: string | null, bodyHtml: string };

export type StudioCreateArticleMutationVariables = Exact<{
  input: CreateArticleInput;
}>;


export type StudioCreateArticleMutation = { createArticle: { article: { id: string, version: number, slug: string, status: ArticleStatus, publishedAt: string | null, bodyHtml: string } } };

export type StudioUpdateArticleMutationVariables = Exact<{
  input: UpdateArticleInput;
}>;


export type StudioUpdateArticleMutation = { updateArticle: { id: string, version: number, slug: string, status: ArticleStatus, publishedAt: string | null, bodyHtml: string } };

export type StudioPublishArticleMutationVariables = Exact<{
  id: string | number;
  version?: number | null | undefined;
  publishAt?: string | null | undefined;
}>;


export type StudioPublishArticleMutation = { publishArticle: { id: string, version: number, slug: string, status: ArticleStatus, publishedAt: string | null, bodyHtml: string } };

export type StudioConferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioConferencesQuery = { conferences: { nodes: Array<{ id: string, slug: string, name: string }> } };

export type StudioBoardQueryVariables = Exact<{
  slug: string;
}>;


export type StudioBoardQuery = { conference: { id: string, slug: string, name: string, timezone: string, community: { id: string }, colocatedWith: Array<{ id: string, slug: string, name: string, community: { id: string } }>, days: Array<{ date: string }>, tracks: Array<{ id: string, name: string }>, rooms: Array<{ id: string, name: string }> } | null, communities: Array<{ id: string, name: string, descendants: Array<{ id: string, name: string, parent: { id: string } | null }> }>, topics: Array<{ id: string, name: string }> };

export type StudioProgramSessionsQueryVariables = Exact<{
  host: string;
  second: string;
  third: string;
  hasSecond: boolean;
  hasThird: boolean;
}>;


export type StudioProgramSessionsQuery = { host: { nodes: Array<{ id: string, version: number, title: string, kind: SessionKind, room: string | null, startsAt: string, endsAt: string, hostConference: { id: string }, programs: Array<{ id: string, name: string }>, audiences: Array<{ id: string }>, topics: Array<{ id: string }>, track: { id: string } | null, speakers: Array<{ id: string, name: string }> }> }, second?: { nodes: Array<{ id: string, version: number, title: string, kind: SessionKind, room: string | null, startsAt: string, endsAt: string, hostConference: { id: string }, programs: Array<{ id: string, name: string }>, audiences: Array<{ id: string }>, topics: Array<{ id: string }>, track: { id: string } | null, speakers: Array<{ id: string, name: string }> }> }, third?: { nodes: Array<{ id: string, version: number, title: string, kind: SessionKind, room: string | null, startsAt: string, endsAt: string, hostConference: { id: string }, programs: Array<{ id: string, name: string }>, audiences: Array<{ id: string }>, topics: Array<{ id: string }>, track: { id: string } | null, speakers: Array<{ id: string, name: string }> }> } };

export type BoardSessionFragment = { id: string, version: number, title: string, kind: SessionKind, room: string | null, startsAt: string, endsAt: string, hostConference: { id: string }, programs: Array<{ id: string, name: string }>, audiences: Array<{ id: string }>, topics: Array<{ id: string }>, track: { id: string } | null, speakers: Array<{ id: string, name: string }> };

export type StudioCreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type StudioCreateSessionMutation = { createSession: { session: { id: string, version: number } } };

export type StudioUpdateSessionMutationVariables = Exact<{
  input: UpdateSessionInput;
}>;


export type StudioUpdateSessionMutation = { updateSession: { id: string, version: number, title: string, room: string | null, startsAt: string, endsAt: string, programs: Array<{ id: string, name: string }>, topics: Array<{ id: string }>, track: { id: string } | null, speakers: Array<{ id: string, name: string }> } };

export type StudioScheduleChangedSubscriptionVariables = Exact<{
  slug: string;
}>;


export type StudioScheduleChangedSubscription = { scheduleChanged: { scheduleVersion: number, conference: { id: string, scheduleVersion: number } } };

export type StudioScheduleVersionsQueryVariables = Exact<{
  slug: string;
}>;


export type StudioScheduleVersionsQuery = { conference: { id: string, scheduleVersion: number, colocatedWith: Array<{ id: string, scheduleVersion: number }> } | null };

export type StudioCurrentSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type StudioCurrentSessionQuery = { node:
    | { id: string, version: number, title: string, room: string | null, startsAt: string, endsAt: string }
    | Record<PropertyKey, never>
   | null };

export type StudioColocationQueryVariables = Exact<{
  id: string | number;
}>;


export type StudioColocationQuery = { node:
    | { id: string, name: string, edition: number, colocatedWith: Array<{ id: string, name: string }> }
    | Record<PropertyKey, never>
   | null };

export type StudioConferencesOfYearQueryVariables = Exact<{
  year: number;
}>;


export type StudioConferencesOfYearQuery = { conferences: { nodes: Array<{ id: string, name: string, startsOn: string, endsOn: string, colocatedWith: Array<{ id: string, name: string }> }> } };

export type StudioSetColocatedMutationVariables = Exact<{
  conferences: Array<string | number> | string | number;
}>;


export type StudioSetColocatedMutation = { setColocated: Array<{ id: string, name: string, version: number, colocatedWith: Array<{ id: string, name: string }> }> };

export type StudioCommunitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioCommunitiesQuery = { communities: Array<{ id: string, version: number, slug: string, name: string, description: string, descendants: Array<{ id: string, version: number, slug: string, name: string, description: string, parent: { id: string, name: string } | null }>, parent: { id: string, name: string } | null }> };

export type StudioCommunityFieldsFragment = { id: string, version: number, slug: string, name: string, description: string, parent: { id: string, name: string } | null };

export type StudioCommunityQueryVariables = Exact<{
  id: string | number;
}>;


export type StudioCommunityQuery = { node:
    | { __typename: 'Account' }
    | { __typename: 'ApiToken' }
    | { __typename: 'Article' }
    | { __typename: 'Comment' }
    | { __typename: 'Community', id: string, version: number, slug: string, name: string, description: string, parent: { id: string, name: string } | null }
    | { __typename: 'Conference' }
    | { __typename: 'ConferenceSeries' }
    | { __typename: 'Person' }
    | { __typename: 'Publication' }
    | { __typename: 'Room' }
    | { __typename: 'Session' }
    | { __typename: 'Topic' }
    | { __typename: 'Track' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
   | null };

export type StudioCreateCommunityMutationVariables = Exact<{
  input: CreateCommunityInput;
}>;


export type StudioCreateCommunityMutation = { createCommunity: { id: string, version: number, slug: string, name: string, description: string, parent: { id: string, name: string } | null } };

export type StudioUpdateCommunityMutationVariables = Exact<{
  input: UpdateCommunityInput;
}>;


export type StudioUpdateCommunityMutation = { updateCommunity: { id: string, version: number, slug: string, name: string, description: string, parent: { id: string, name: string } | null } };

export type StudioConferenceRowFragment = { id: string, version: number, slug: string, name: string, edition: number, startsOn: string, endsOn: string, timezone: string, updatedAt: string, venue: { name: string, city: string, country: string }, series: { id: string, name: string } | null, colocatedWith: Array<{ id: string, name: string }> };

export type StudioConferencePageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type StudioConferencePageQuery = { conferences: { nodes: Array<{ id: string, version: number, slug: string, name: string, edition: number, startsOn: string, endsOn: string, timezone: string, updatedAt: string, venue: { name: string, city: string, country: string }, series: { id: string, name: string } | null, colocatedWith: Array<{ id: string, name: string }> }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type StudioConferenceOptionsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type StudioConferenceOptionsQuery = { communities: Array<{ id: string, name: string, children: Array<{ id: string, name: string, children: Array<{ id: string, name: string }> }> }>, conferenceSeries: { nodes: Array<{ id: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StudioConferenceEditFragment = { id: string, version: number, slug: string, name: string, edition: number, organizer: string, startsOn: string, endsOn: string, timezone: string, attendance: number | null, description: string, updatedAt: string, venue: { name: string, city: string, country: string }, community: { id: string }, series: { id: string, name: string } | null };

export type StudioCurrentConferenceQueryVariables = Exact<{
  id: string | number;
}>;


export type StudioCurrentConferenceQuery = { node:
    | { id: string, version: number, slug: string, name: string, edition: number, organizer: string, startsOn: string, endsOn: string, timezone: string, attendance: number | null, description: string, updatedAt: string, venue: { name: string, city: string, country: string }, community: { id: string }, series: { id: string, name: string } | null }
    | Record<PropertyKey, never>
   | null };

export type StudioCreateConferenceMutationVariables = Exact<{
  input: CreateConferenceInput;
}>;


export type StudioCreateConferenceMutation = { createConference: { id: string, version: number, slug: string, name: string, edition: number, organizer: string, startsOn: string, endsOn: string, timezone: string, attendance: number | null, description: string, updatedAt: string, venue: { name: string, city: string, country: string }, community: { id: string }, series: { id: string, name: string } | null } };

export type StudioUpdateConferenceMutationVariables = Exact<{
  input: UpdateConferenceInput;
}>;


export type StudioUpdateConferenceMutation = { updateConference: { id: string, version: number, slug: string, name: string, edition: number, organizer: string, startsOn: string, endsOn: string, timezone: string, attendance: number | null, description: string, updatedAt: string, venue: { name: string, city: string, country: string }, community: { id: string }, series: { id: string, name: string } | null } };

export type StudioCreateSeriesMutationVariables = Exact<{
  input: CreateConferenceSeriesInput;
}>;


export type StudioCreateSeriesMutation = { createConferenceSeries: { id: string, name: string } };

export type StudioDashboardConferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioDashboardConferencesQuery = { conferences: { nodes: Array<{ id: string, slug: string, name: string }> } };

export type StudioDashboardQueryVariables = Exact<{
  slug: string;
}>;


export type StudioDashboardQuery = { conference: { id: string, name: string, colocatedWith: Array<{ id: string, name: string, community: { id: string, name: string }, stats: { sessionCount: number, crossCommunitySessionCount: number, crossCommunityShare: number }, days: Array<{ date: string, sessions: Array<{ id: string }> }> }>, community: { id: string, name: string }, stats: { sessionCount: number, crossCommunitySessionCount: number, crossCommunityShare: number }, days: Array<{ date: string, sessions: Array<{ id: string }> }> } | null, comments: { totalCount: number } };

export type DashboardProgramFragment = { id: string, name: string, community: { id: string, name: string }, stats: { sessionCount: number, crossCommunitySessionCount: number, crossCommunityShare: number }, days: Array<{ date: string, sessions: Array<{ id: string }> }> };

export type StudioModerationQueueQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type StudioModerationQueueQuery = { comments: { nodes: Array<{ id: string, authorName: string, body: string, status: CommentStatus, version: number, createdAt: string, article: { id: string, title: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StudioModerateMutationVariables = Exact<{
  id: string | number;
  status: CommentStatus;
  version?: number | null | undefined;
}>;


export type StudioModerateMutation = { moderateComment: { id: string, status: CommentStatus, version: number } };

export type StudioPeoplePageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: PersonFilterInput | null | undefined;
}>;


export type StudioPeoplePageQuery = { people: { nodes: Array<{ id: string, slug: string, name: string, affiliation: string | null, sessions: { totalCount: number }, articles: { totalCount: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StudioPersonQueryVariables = Exact<{
  id: string | number;
}>;


export type StudioPersonQuery = { node:
    | { __typename: 'Account' }
    | { __typename: 'ApiToken' }
    | { __typename: 'Article' }
    | { __typename: 'Comment' }
    | { __typename: 'Community' }
    | { __typename: 'Conference' }
    | { __typename: 'ConferenceSeries' }
    | { __typename: 'Person', id: string, version: number, slug: string, name: string, affiliation: string | null, bio: string, links: Array<{ label: string, url: string }> }
    | { __typename: 'Publication' }
    | { __typename: 'Room' }
    | { __typename: 'Session' }
    | { __typename: 'Topic' }
    | { __typename: 'Track' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
   | null };

export type StudioPersonFieldsFragment = { id: string, version: number, slug: string, name: string, affiliation: string | null, bio: string, links: Array<{ label: string, url: string }> };

export type StudioCreatePersonMutationVariables = Exact<{
  input: CreatePersonInput;
}>;


export type StudioCreatePersonMutation = { createPerson: { id: string, version: number, slug: string, name: string, affiliation: string | null, bio: string, links: Array<{ label: string, url: string }> } };

export type StudioUpdatePersonMutationVariables = Exact<{
  input: UpdatePersonInput;
}>;


export type StudioUpdatePersonMutation = { updatePerson: { id: string, version: number, slug: string, name: string, affiliation: string | null, bio: string, links: Array<{ label: string, url: string }> } };

export type StudioDeletePersonMutationVariables = Exact<{
  id: string | number;
  detach: boolean;
}>;


export type StudioDeletePersonMutation = { deletePerson: { deletedId: string } };

export type StudioPersonSearchQueryVariables = Exact<{
  text: string;
}>;


export type StudioPersonSearchQuery = { people: { nodes: Array<{ id: string, name: string }> } };

export type StudioConferenceStructureQueryVariables = Exact<{
  id: string | number;
}>;


export type StudioConferenceStructureQuery = { node:
    | { id: string, tracks: Array<{ id: string, version: number, name: string, slug: string, color: string | null }>, rooms: Array<{ id: string, version: number, name: string, capacity: number | null, position: number }> }
    | Record<PropertyKey, never>
   | null };

export type StudioCreateTrackMutationVariables = Exact<{
  input: CreateTrackInput;
}>;


export type StudioCreateTrackMutation = { createTrack: { id: string, version: number, name: string, slug: string, color: string | null } };

export type StudioUpdateTrackMutationVariables = Exact<{
  input: UpdateTrackInput;
}>;


export type StudioUpdateTrackMutation = { updateTrack: { id: string, version: number, name: string, slug: string, color: string | null } };

export type StudioCreateRoomMutationVariables = Exact<{
  input: CreateRoomInput;
}>;


export type StudioCreateRoomMutation = { createRoom: { id: string, version: number, name: string, capacity: number | null, position: number } };

export type StudioUpdateRoomMutationVariables = Exact<{
  input: UpdateRoomInput;
}>;


export type StudioUpdateRoomMutation = { updateRoom: { id: string, version: number, name: string, capacity: number | null, position: number } };

export type StudioScopeConferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioScopeConferencesQuery = { conferences: { nodes: Array<{ id: string, name: string }> } };

export type StudioSignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type StudioSignInMutation = { signIn: { account: { id: string, email: string, displayName: string, role: Role } } };

export type StudioAcceptInviteMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type StudioAcceptInviteMutation = { acceptInvite: { account: { id: string, email: string, displayName: string, role: Role } } };

export type StudioAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioAccountsQuery = { me: { id: string } | null, accounts: Array<{ id: string, email: string, displayName: string, role: Role, readOnly: boolean, inviteExpiresAt: string | null, disabledAt: string | null, conferences: Array<{ id: string, name: string }> | null }> };

export type StudioInviteMutationVariables = Exact<{
  input: InviteAccountInput;
}>;


export type StudioInviteMutation = { inviteAccount: { invitePath: string, account: { id: string, email: string, displayName: string, role: Role, readOnly: boolean, inviteExpiresAt: string | null, disabledAt: string | null, conferences: Array<{ id: string, name: string }> | null } } };

export type StudioSetAccountScopeMutationVariables = Exact<{
  id: string | number;
  scope: AccountScopeInput;
}>;


export type StudioSetAccountScopeMutation = { setAccountScope: { id: string, readOnly: boolean, conferences: Array<{ id: string, name: string }> | null } };

export type StudioApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioApiTokensQuery = { apiTokens: Array<{ id: string, name: string, role: Role, readOnly: boolean, tokenPrefix: string, revokedAt: string | null, lastUsedAt: string | null, conferences: Array<{ id: string, name: string }> | null }> };

export type StudioCreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type StudioCreateApiTokenMutation = { createApiToken: { token: string, apiToken: { id: string, name: string, role: Role, readOnly: boolean, tokenPrefix: string, revokedAt: string | null, lastUsedAt: string | null, conferences: Array<{ id: string, name: string }> | null } } };

export type StudioRevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type StudioRevokeApiTokenMutation = { revokeApiToken: { id: string, revokedAt: string | null } };

export const StudioArticleFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<StudioArticleFragment, unknown>;
export const BoardSessionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"endsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"hostConference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audiences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"speakers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BoardSessionFragment, unknown>;
export const StudioCommunityFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioCommunityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Community"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioCommunityFieldsFragment, unknown>;
export const StudioConferenceRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioConferenceRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioConferenceRowFragment, unknown>;
export const StudioConferenceEditFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioConferenceEdit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"organizer"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioConferenceEditFragment, unknown>;
export const DashboardProgramFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardProgram"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"crossCommunitySessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"crossCommunityShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardProgramFragment, unknown>;
export const StudioPersonFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"affiliation"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<StudioPersonFieldsFragment, unknown>;
export const StudioMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<StudioMeQuery, StudioMeQueryVariables>;
export const StudioSignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioSignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<StudioSignOutMutation, StudioSignOutMutationVariables>;
export const StudioArticleOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioArticleOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioArticleOptionsQuery, StudioArticleOptionsQueryVariables>;
export const StudioSessionSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioSessionSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<StudioSessionSearchQuery, StudioSessionSearchQueryVariables>;
export const StudioConferenceSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioConferenceSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioConferenceSearchQuery, StudioConferenceSearchQueryVariables>;
export const StudioCreateArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateArticleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioArticle"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<StudioCreateArticleMutation, StudioCreateArticleMutationVariables>;
export const StudioUpdateArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdateArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateArticleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioArticle"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<StudioUpdateArticleMutation, StudioUpdateArticleMutationVariables>;
export const StudioPublishArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioPublishArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"publishAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioArticle"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<StudioPublishArticleMutation, StudioPublishArticleMutationVariables>;
export const StudioConferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioConferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioConferencesQuery, StudioConferencesQueryVariables>;
export const StudioBoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tracks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rooms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"descendants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioBoardQuery, StudioBoardQueryVariables>;
export const StudioProgramSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioProgramSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"host"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"second"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"third"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hasSecond"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hasThird"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"host"},"name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"conference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"host"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardSession"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"second"},"name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"conference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"second"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hasSecond"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardSession"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"third"},"name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"conference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"third"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hasThird"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardSession"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"endsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"hostConference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audiences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"speakers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioProgramSessionsQuery, StudioProgramSessionsQueryVariables>;
export const StudioCreateSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<StudioCreateSessionMutation, StudioCreateSessionMutationVariables>;
export const StudioUpdateSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdateSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"endsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"speakers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioUpdateSessionMutation, StudioUpdateSessionMutationVariables>;
export const StudioScheduleChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StudioScheduleChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeColocated"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleVersion"}},{"kind":"Field","name":{"kind":"Name","value":"conference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleVersion"}}]}}]}}]}}]} as unknown as DocumentNode<StudioScheduleChangedSubscription, StudioScheduleChangedSubscriptionVariables>;
export const StudioScheduleVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioScheduleVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleVersion"}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleVersion"}}]}}]}}]}}]} as unknown as DocumentNode<StudioScheduleVersionsQuery, StudioScheduleVersionsQueryVariables>;
export const StudioCurrentSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioCurrentSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"endsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<StudioCurrentSessionQuery, StudioCurrentSessionQueryVariables>;
export const StudioColocationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioColocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StudioColocationQuery, StudioColocationQueryVariables>;
export const StudioConferencesOfYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioConferencesOfYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StudioConferencesOfYearQuery, StudioConferencesOfYearQueryVariables>;
export const StudioSetColocatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioSetColocated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"conferences"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setColocated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conferences"},"value":{"kind":"Variable","name":{"kind":"Name","value":"conferences"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioSetColocatedMutation, StudioSetColocatedMutationVariables>;
export const StudioCommunitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioCommunities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioCommunityFields"}},{"kind":"Field","name":{"kind":"Name","value":"descendants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioCommunityFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioCommunityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Community"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioCommunitiesQuery, StudioCommunitiesQueryVariables>;
export const StudioCommunityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioCommunity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Community"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioCommunityFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioCommunityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Community"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioCommunityQuery, StudioCommunityQueryVariables>;
export const StudioCreateCommunityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateCommunity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCommunityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCommunity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioCommunityFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioCommunityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Community"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioCreateCommunityMutation, StudioCreateCommunityMutationVariables>;
export const StudioUpdateCommunityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdateCommunity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCommunityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCommunity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioCommunityFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioCommunityFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Community"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioUpdateCommunityMutation, StudioUpdateCommunityMutationVariables>;
export const StudioConferencePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioConferencePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioConferenceRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioConferenceRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioConferencePageQuery, StudioConferencePageQueryVariables>;
export const StudioConferenceOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioConferenceOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conferenceSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StudioConferenceOptionsQuery, StudioConferenceOptionsQueryVariables>;
export const StudioCurrentConferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioCurrentConference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioConferenceEdit"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioConferenceEdit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"organizer"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioCurrentConferenceQuery, StudioCurrentConferenceQueryVariables>;
export const StudioCreateConferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateConference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateConferenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createConference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioConferenceEdit"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioConferenceEdit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"organizer"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioCreateConferenceMutation, StudioCreateConferenceMutationVariables>;
export const StudioUpdateConferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdateConference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateConferenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateConference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioConferenceEdit"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioConferenceEdit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"organizer"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioUpdateConferenceMutation, StudioUpdateConferenceMutationVariables>;
export const StudioCreateSeriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateSeries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateConferenceSeriesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createConferenceSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioCreateSeriesMutation, StudioCreateSeriesMutationVariables>;
export const StudioDashboardConferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioDashboardConferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioDashboardConferencesQuery, StudioDashboardConferencesQueryVariables>;
export const StudioDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardProgram"}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardProgram"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardProgram"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"crossCommunitySessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"crossCommunityShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<StudioDashboardQuery, StudioDashboardQueryVariables>;
export const StudioModerationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioModerationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StudioModerationQueueQuery, StudioModerationQueueQueryVariables>;
export const StudioModerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioModerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CommentStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderateComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<StudioModerateMutation, StudioModerateMutationVariables>;
export const StudioPeoplePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioPeoplePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"affiliation"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StudioPeoplePageQuery, StudioPeoplePageQueryVariables>;
export const StudioPersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioPerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioPersonFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"affiliation"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<StudioPersonQuery, StudioPersonQueryVariables>;
export const StudioCreatePersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreatePerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePersonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioPersonFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"affiliation"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<StudioCreatePersonMutation, StudioCreatePersonMutationVariables>;
export const StudioUpdatePersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdatePerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePersonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioPersonFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"affiliation"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<StudioUpdatePersonMutation, StudioUpdatePersonMutationVariables>;
export const StudioDeletePersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioDeletePerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"detach"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"detach"},"value":{"kind":"Variable","name":{"kind":"Name","value":"detach"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<StudioDeletePersonMutation, StudioDeletePersonMutationVariables>;
export const StudioPersonSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioPersonSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioPersonSearchQuery, StudioPersonSearchQueryVariables>;
export const StudioConferenceStructureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioConferenceStructure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tracks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rooms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StudioConferenceStructureQuery, StudioConferenceStructureQueryVariables>;
export const StudioCreateTrackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateTrack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTrackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTrack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]} as unknown as DocumentNode<StudioCreateTrackMutation, StudioCreateTrackMutationVariables>;
export const StudioUpdateTrackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdateTrack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTrackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTrack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]} as unknown as DocumentNode<StudioUpdateTrackMutation, StudioUpdateTrackMutationVariables>;
export const StudioCreateRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRoomInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<StudioCreateRoomMutation, StudioCreateRoomMutationVariables>;
export const StudioUpdateRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdateRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRoomInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<StudioUpdateRoomMutation, StudioUpdateRoomMutationVariables>;
export const StudioScopeConferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioScopeConferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioScopeConferencesQuery, StudioScopeConferencesQueryVariables>;
export const StudioSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<StudioSignInMutation, StudioSignInMutationVariables>;
export const StudioAcceptInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioAcceptInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<StudioAcceptInviteMutation, StudioAcceptInviteMutationVariables>;
export const StudioAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inviteExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<StudioAccountsQuery, StudioAccountsQueryVariables>;
export const StudioInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitePath"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inviteExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]}}]} as unknown as DocumentNode<StudioInviteMutation, StudioInviteMutationVariables>;
export const StudioSetAccountScopeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioSetAccountScope"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountScopeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAccountScope"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioSetAccountScopeMutation, StudioSetAccountScopeMutationVariables>;
export const StudioApiTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioApiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokenPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]} as unknown as DocumentNode<StudioApiTokensQuery, StudioApiTokensQueryVariables>;
export const StudioCreateApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokenPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]}}]} as unknown as DocumentNode<StudioCreateApiTokenMutation, StudioCreateApiTokenMutationVariables>;
export const StudioRevokeApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioRevokeApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<StudioRevokeApiTokenMutation, StudioRevokeApiTokenMutationVariables>;