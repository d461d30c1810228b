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

export type StudioMeQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioMeQuery = { me: { id: string, email: string, displayName: string, role: Role } | null };

export type StudioSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type StudioSignOutMutation = { signOut: boolean };

export type StudioArticleOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioArticleOptionsQuery = { publications: Array<{ id: string, name: string }>, people: { nodes: Array<{ id: string, name: string }> }, conferences: { nodes: Array<{ id: string, name: string }> } };

export type StudioSessionSearchQueryVariables = Exact<{
  text: string;
}>;


export type StudioSessionSearchQuery = { sessions: { nodes: Array<{ id: string, title: string }> } };

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


export type StudioBoardQuery = { conference: { id: string, slug: string, name: string, timezone: string, community: { id: string }, colocatedWith: Array<{ id: string, slug: string, name: string, community: { id: string } }>, days: Array<{ date: string }> } | null, communities: Array<{ id: string, name: string }>, people: { nodes: Array<{ id: string, name: string }> } };

export type StudioProgramSessionsQueryVariables = Exact<{
  host: string;
  second: string;
  third: string;
  hasSecond: boolean;
  hasThird: boolean;
}>;


export type StudioProgramSessionsQuery = { host: { nodes: Array<{ id: string, version: number, title: string, kind: SessionKind, room: string | null, startsAt: string, endsAt: string, hostConference: { id: string }, programs: Array<{ id: string, name: string }>, audiences: Array<{ id: string }>, speakers: Array<{ id: string, name: string }> }> }, second?: { nodes: Array<{ id: string, version: number, title: string, kind: SessionKind, room: string | null, startsAt: string, endsAt: string, hostConference: { id: string }, programs: Array<{ id: string, name: string }>, audiences: Array<{ id: string }>, speakers: Array<{ id: string, name: string }> }> }, third?: { nodes: Array<{ id: string, version: number, title: string, kind: SessionKind, room: string | null, startsAt: string, endsAt: string, hostConference: { id: string }, programs: Array<{ id: string, name: string }>, audiences: Array<{ id: string }>, speakers: Array<{ id: string, name: string }> }> } };

export type BoardSessionFragment = { id: string, version: number, title: string, kind: SessionKind, room: string | null, startsAt: string, endsAt: string, hostConference: { id: string }, programs: Array<{ id: string, name: string }>, audiences: Array<{ id: string }>, speakers: Array<{ id: string, name: string }> };

export type StudioCreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type StudioCreateSessionMutation = { createSession: { session: { id: string, version: number } } };

export type StudioUpdateSessionMutationVariables = Exact<{
  input: UpdateSessionInput;
}>;


export type StudioUpdateSessionMutation = { updateSession: { id: string, version: number, title: string, room: string | null, startsAt: string, endsAt: string, programs: Array<{ id: string, name: string }>, speakers: Array<{ id: string, name: string }> } };

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
export const BoardSessionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"endsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"hostConference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audiences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"speakers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BoardSessionFragment, unknown>;
export const DashboardProgramFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardProgram"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"crossCommunitySessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"crossCommunityShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardProgramFragment, unknown>;
export const StudioMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<StudioMeQuery, StudioMeQueryVariables>;
export const StudioSignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioSignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<StudioSignOutMutation, StudioSignOutMutationVariables>;
export const StudioArticleOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioArticleOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioArticleOptionsQuery, StudioArticleOptionsQueryVariables>;
export const StudioSessionSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioSessionSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<StudioSessionSearchQuery, StudioSessionSearchQueryVariables>;
export const StudioCreateArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateArticleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioArticle"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<StudioCreateArticleMutation, StudioCreateArticleMutationVariables>;
export const StudioUpdateArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdateArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateArticleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioArticle"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<StudioUpdateArticleMutation, StudioUpdateArticleMutationVariables>;
export const StudioPublishArticleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioPublishArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publishAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"publishAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publishAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudioArticle"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudioArticle"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Article"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}}]}}]} as unknown as DocumentNode<StudioPublishArticleMutation, StudioPublishArticleMutationVariables>;
export const StudioConferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioConferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioConferencesQuery, StudioConferencesQueryVariables>;
export const StudioBoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioBoardQuery, StudioBoardQueryVariables>;
export const StudioProgramSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioProgramSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"host"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"second"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"third"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hasSecond"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hasThird"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"host"},"name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"conference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"host"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardSession"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"second"},"name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"conference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"second"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hasSecond"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardSession"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"third"},"name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"conference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"third"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hasThird"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardSession"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"endsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"hostConference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"audiences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"speakers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StudioProgramSessionsQuery, StudioProgramSessionsQueryVariables>;
export const StudioCreateSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<StudioCreateSessionMutation, StudioCreateSessionMutationVariables>;
export const StudioUpdateSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioUpdateSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"endsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"speakers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioUpdateSessionMutation, StudioUpdateSessionMutationVariables>;
export const StudioScheduleVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioScheduleVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleVersion"}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleVersion"}}]}}]}}]}}]} as unknown as DocumentNode<StudioScheduleVersionsQuery, StudioScheduleVersionsQueryVariables>;
export const StudioCurrentSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioCurrentSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"endsAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"timezone"},"value":{"kind":"StringValue","value":"UTC","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<StudioCurrentSessionQuery, StudioCurrentSessionQueryVariables>;
export const StudioDashboardConferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioDashboardConferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioDashboardConferencesQuery, StudioDashboardConferencesQueryVariables>;
export const StudioDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardProgram"}},{"kind":"Field","name":{"kind":"Name","value":"colocatedWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardProgram"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardProgram"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Conference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"crossCommunitySessionCount"}},{"kind":"Field","name":{"kind":"Name","value":"crossCommunityShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<StudioDashboardQuery, StudioDashboardQueryVariables>;
export const StudioModerationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioModerationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StudioModerationQueueQuery, StudioModerationQueueQueryVariables>;
export const StudioModerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioModerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CommentStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderateComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<StudioModerateMutation, StudioModerateMutationVariables>;
export const StudioScopeConferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioScopeConferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioScopeConferencesQuery, StudioScopeConferencesQueryVariables>;
export const StudioSignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioSignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<StudioSignInMutation, StudioSignInMutationVariables>;
export const StudioAcceptInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioAcceptInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<StudioAcceptInviteMutation, StudioAcceptInviteMutationVariables>;
export const StudioAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inviteExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<StudioAccountsQuery, StudioAccountsQueryVariables>;
export const StudioInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitePath"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inviteExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]}}]} as unknown as DocumentNode<StudioInviteMutation, StudioInviteMutationVariables>;
export const StudioSetAccountScopeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioSetAccountScope"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountScopeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAccountScope"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudioSetAccountScopeMutation, StudioSetAccountScopeMutationVariables>;
export const StudioApiTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudioApiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokenPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]} as unknown as DocumentNode<StudioApiTokensQuery, StudioApiTokensQueryVariables>;
export const StudioCreateApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioCreateApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"conferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokenPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]}}]} as unknown as DocumentNode<StudioCreateApiTokenMutation, StudioCreateApiTokenMutationVariables>;
export const StudioRevokeApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudioRevokeApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<StudioRevokeApiTokenMutation, StudioRevokeApiTokenMutationVariables>;