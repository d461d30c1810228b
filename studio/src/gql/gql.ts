/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query StudioMe {\n    me {\n      id\n      email\n      displayName\n      role\n    }\n  }\n": typeof types.StudioMeDocument,
    "\n  mutation StudioSignOut {\n    signOut\n  }\n": typeof types.StudioSignOutDocument,
    "\n  query StudioArticleOptions {\n    publications {\n      id\n      name\n    }\n    people(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    conferences(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioArticleOptionsDocument,
    "\n  query StudioSessionSearch($text: String!) {\n    sessions(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": typeof types.StudioSessionSearchDocument,
    "\n  fragment StudioArticle on Article {\n    id\n    version\n    slug\n    status\n    publishedAt(timezone: \"UTC\")\n    bodyHtml\n  }\n": typeof types.StudioArticleFragmentDoc,
    "\n  mutation StudioCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      article {\n        ...StudioArticle\n      }\n    }\n  }\n": typeof types.StudioCreateArticleDocument,
    "\n  mutation StudioUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...StudioArticle\n    }\n  }\n": typeof types.StudioUpdateArticleDocument,
    "\n  mutation StudioPublishArticle($id: ID!, $version: Int, $publishAt: DateTime) {\n    publishArticle(id: $id, version: $version, publishAt: $publishAt) {\n      ...StudioArticle\n    }\n  }\n": typeof types.StudioPublishArticleDocument,
    "\n  query StudioConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.StudioConferencesDocument,
    "\n  query StudioBoard($slug: String!) {\n    conference(slug: $slug) {\n      id\n      slug\n      name\n      timezone\n      community {\n        id\n      }\n      colocatedWith {\n        id\n        slug\n        name\n        community {\n          id\n        }\n      }\n      days {\n        date\n      }\n    }\n    communities {\n      id\n      name\n    }\n    people(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioBoardDocument,
    "\n  query StudioProgramSessions(\n    $host: String!\n    $second: String!\n    $third: String!\n    $hasSecond: Boolean!\n    $hasThird: Boolean!\n  ) {\n    host: sessions(filter: { conference: $host }, first: 100) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {\n      nodes {\n        ...BoardSession\n      }\n    }\n  }\n\n  fragment BoardSession on Session {\n    id\n    version\n    title\n    kind\n    room\n    startsAt(timezone: \"UTC\")\n    endsAt(timezone: \"UTC\")\n    hostConference {\n      id\n    }\n    programs {\n      id\n      name\n    }\n    audiences {\n      id\n    }\n    speakers {\n      id\n      name\n    }\n  }\n": typeof types.StudioProgramSessionsDocument,
    "\n  mutation StudioCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      session {\n        id\n        version\n      }\n    }\n  }\n": typeof types.StudioCreateSessionDocument,
    "\n  mutation StudioUpdateSession($input: UpdateSessionInput!) {\n    updateSession(input: $input) {\n      id\n      version\n      title\n      room\n      startsAt(timezone: \"UTC\")\n      endsAt(timezone: \"UTC\")\n      programs {\n        id\n        name\n      }\n      speakers {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioUpdateSessionDocument,
    "\n  query StudioScheduleVersions($slug: String!) {\n    conference(slug: $slug) {\n      id\n      scheduleVersion\n      colocatedWith {\n        id\n        scheduleVersion\n      }\n    }\n  }\n": typeof types.StudioScheduleVersionsDocument,
    "\n  query StudioCurrentSession($id: ID!) {\n    node(id: $id) {\n      ... on Session {\n        id\n        version\n        title\n        room\n        startsAt(timezone: \"UTC\")\n        endsAt(timezone: \"UTC\")\n      }\n    }\n  }\n": typeof types.StudioCurrentSessionDocument,
    "\n  query StudioDashboardConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.StudioDashboardConferencesDocument,
    "\n  query StudioDashboard($slug: String!) {\n    conference(slug: $slug) {\n      ...DashboardProgram\n      colocatedWith {\n        ...DashboardProgram\n      }\n    }\n    comments(status: PENDING, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment DashboardProgram on Conference {\n    id\n    name\n    community {\n      id\n      name\n    }\n    stats {\n      sessionCount\n      crossCommunitySessionCount\n      crossCommunityShare\n    }\n    days {\n      date\n      sessions {\n        id\n      }\n    }\n  }\n": typeof types.StudioDashboardDocument,
    "\n  query StudioModerationQueue($after: String) {\n    comments(status: PENDING, first: 50, after: $after) {\n      nodes {\n        id\n        authorName\n        body\n        status\n        version\n        createdAt\n        article {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StudioModerationQueueDocument,
    "\n  mutation StudioModerate($id: ID!, $status: CommentStatus!, $version: Int) {\n    moderateComment(id: $id, status: $status, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.StudioModerateDocument,
    "\n  query StudioScopeConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioScopeConferencesDocument,
    "\n  mutation StudioSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      account {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.StudioSignInDocument,
    "\n  mutation StudioAcceptInvite($token: String!, $password: String!) {\n    acceptInvite(token: $token, password: $password) {\n      account {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.StudioAcceptInviteDocument,
    "\n  query StudioAccounts {\n    me {\n      id\n    }\n    accounts {\n      id\n      email\n      displayName\n      role\n      readOnly\n      conferences {\n        id\n        name\n      }\n      inviteExpiresAt\n      disabledAt\n    }\n  }\n": typeof types.StudioAccountsDocument,
    "\n  mutation StudioInvite($input: InviteAccountInput!) {\n    inviteAccount(input: $input) {\n      invitePath\n      account {\n        id\n        email\n        displayName\n        role\n        readOnly\n        conferences {\n          id\n          name\n        }\n        inviteExpiresAt\n        disabledAt\n      }\n    }\n  }\n": typeof types.StudioInviteDocument,
    "\n  mutation StudioSetAccountScope($id: ID!, $scope: AccountScopeInput!) {\n    setAccountScope(id: $id, scope: $scope) {\n      id\n      readOnly\n      conferences {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioSetAccountScopeDocument,
    "\n  query StudioApiTokens {\n    apiTokens {\n      id\n      name\n      role\n      readOnly\n      conferences {\n        id\n        name\n      }\n      tokenPrefix\n      revokedAt\n      lastUsedAt\n    }\n  }\n": typeof types.StudioApiTokensDocument,
    "\n  mutation StudioCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        role\n        readOnly\n        conferences {\n          id\n          name\n        }\n        tokenPrefix\n        revokedAt\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.StudioCreateApiTokenDocument,
    "\n  mutation StudioRevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.StudioRevokeApiTokenDocument,
};
const documents: Documents = {
    "\n  query StudioMe {\n    me {\n      id\n      email\n      displayName\n      role\n    }\n  }\n": types.StudioMeDocument,
    "\n  mutation StudioSignOut {\n    signOut\n  }\n": types.StudioSignOutDocument,
    "\n  query StudioArticleOptions {\n    publications {\n      id\n      name\n    }\n    people(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    conferences(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.StudioArticleOptionsDocument,
    "\n  query StudioSessionSearch($text: String!) {\n    sessions(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": types.StudioSessionSearchDocument,
    "\n  fragment StudioArticle on Article {\n    id\n    version\n    slug\n    status\n    publishedAt(timezone: \"UTC\")\n    bodyHtml\n  }\n": types.StudioArticleFragmentDoc,
    "\n  mutation StudioCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      article {\n        ...StudioArticle\n      }\n    }\n  }\n": types.StudioCreateArticleDocument,
    "\n  mutation StudioUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...StudioArticle\n    }\n  }\n": types.StudioUpdateArticleDocument,
    "\n  mutation StudioPublishArticle($id: ID!, $version: Int, $publishAt: DateTime) {\n    publishArticle(id: $id, version: $version, publishAt: $publishAt) {\n      ...StudioArticle\n    }\n  }\n": types.StudioPublishArticleDocument,
    "\n  query StudioConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.StudioConferencesDocument,
    "\n  query StudioBoard($slug: String!) {\n    conference(slug: $slug) {\n      id\n      slug\n      name\n      timezone\n      community {\n        id\n      }\n      colocatedWith {\n        id\n        slug\n        name\n        community {\n          id\n        }\n      }\n      days {\n        date\n      }\n    }\n    communities {\n      id\n      name\n    }\n    people(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.StudioBoardDocument,
    "\n  query StudioProgramSessions(\n    $host: String!\n    $second: String!\n    $third: String!\n    $hasSecond: Boolean!\n    $hasThird: Boolean!\n  ) {\n    host: sessions(filter: { conference: $host }, first: 100) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {\n      nodes {\n        ...BoardSession\n      }\n    }\n  }\n\n  fragment BoardSession on Session {\n    id\n    version\n    title\n    kind\n    room\n    startsAt(timezone: \"UTC\")\n    endsAt(timezone: \"UTC\")\n    hostConference {\n      id\n    }\n    programs {\n      id\n      name\n    }\n    audiences {\n      id\n    }\n    speakers {\n      id\n      name\n    }\n  }\n": types.StudioProgramSessionsDocument,
    "\n  mutation StudioCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      session {\n        id\n        version\n      }\n    }\n  }\n": types.StudioCreateSessionDocument,
    "\n  mutation StudioUpdateSession($input: UpdateSessionInput!) {\n    updateSession(input: $input) {\n      id\n      version\n      title\n      room\n      startsAt(timezone: \"UTC\")\n      endsAt(timezone: \"UTC\")\n      programs {\n        id\n        name\n      }\n      speakers {\n        id\n        name\n      }\n    }\n  }\n": types.StudioUpdateSessionDocument,
    "\n  query StudioScheduleVersions($slug: String!) {\n    conference(slug: $slug) {\n      id\n      scheduleVersion\n      colocatedWith {\n        id\n        scheduleVersion\n      }\n    }\n  }\n": types.StudioScheduleVersionsDocument,
    "\n  query StudioCurrentSession($id: ID!) {\n    node(id: $id) {\n      ... on Session {\n        id\n        version\n        title\n        room\n        startsAt(timezone: \"UTC\")\n        endsAt(timezone: \"UTC\")\n      }\n    }\n  }\n": types.StudioCurrentSessionDocument,
    "\n  query StudioDashboardConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.StudioDashboardConferencesDocument,
    "\n  query StudioDashboard($slug: String!) {\n    conference(slug: $slug) {\n      ...DashboardProgram\n      colocatedWith {\n        ...DashboardProgram\n      }\n    }\n    comments(status: PENDING, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment DashboardProgram on Conference {\n    id\n    name\n    community {\n      id\n      name\n    }\n    stats {\n      sessionCount\n      crossCommunitySessionCount\n      crossCommunityShare\n    }\n    days {\n      date\n      sessions {\n        id\n      }\n    }\n  }\n": types.StudioDashboardDocument,
    "\n  query StudioModerationQueue($after: String) {\n    comments(status: PENDING, first: 50, after: $after) {\n      nodes {\n        id\n        authorName\n        body\n        status\n        version\n        createdAt\n        article {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StudioModerationQueueDocument,
    "\n  mutation StudioModerate($id: ID!, $status: CommentStatus!, $version: Int) {\n    moderateComment(id: $id, status: $status, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": types.StudioModerateDocument,
    "\n  query StudioScopeConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.StudioScopeConferencesDocument,
    "\n  mutation StudioSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      account {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n": types.StudioSignInDocument,
    "\n  mutation StudioAcceptInvite($token: String!, $password: String!) {\n    acceptInvite(token: $token, password: $password) {\n      account {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n": types.StudioAcceptInviteDocument,
    "\n  query StudioAccounts {\n    me {\n      id\n    }\n    accounts {\n      id\n      email\n      displayName\n      role\n      readOnly\n      conferences {\n        id\n        name\n      }\n      inviteExpiresAt\n      disabledAt\n    }\n  }\n": types.StudioAccountsDocument,
    "\n  mutation StudioInvite($input: InviteAccountInput!) {\n    inviteAccount(input: $input) {\n      invitePath\n      account {\n        id\n        email\n        displayName\n        role\n        readOnly\n        conferences {\n          id\n          name\n        }\n        inviteExpiresAt\n        disabledAt\n      }\n    }\n  }\n": types.StudioInviteDocument,
    "\n  mutation StudioSetAccountScope($id: ID!, $scope: AccountScopeInput!) {\n    setAccountScope(id: $id, scope: $scope) {\n      id\n      readOnly\n      conferences {\n        id\n        name\n      }\n    }\n  }\n": types.StudioSetAccountScopeDocument,
    "\n  query StudioApiTokens {\n    apiTokens {\n      id\n      name\n      role\n      readOnly\n      conferences {\n        id\n        name\n      }\n      tokenPrefix\n      revokedAt\n      lastUsedAt\n    }\n  }\n": types.StudioApiTokensDocument,
    "\n  mutation StudioCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        role\n        readOnly\n        conferences {\n          id\n          name\n        }\n        tokenPrefix\n        revokedAt\n        lastUsedAt\n      }\n    }\n  }\n": types.StudioCreateApiTokenDocument,
    "\n  mutation StudioRevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.StudioRevokeApiTokenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioMe {\n    me {\n      id\n      email\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  query StudioMe {\n    me {\n      id\n      email\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioSignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation StudioSignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioArticleOptions {\n    publications {\n      id\n      name\n    }\n    people(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    conferences(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioArticleOptions {\n    publications {\n      id\n      name\n    }\n    people(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    conferences(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioSessionSearch($text: String!) {\n    sessions(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioSessionSearch($text: String!) {\n    sessions(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StudioArticle on Article {\n    id\n    version\n    slug\n    status\n    publishedAt(timezone: \"UTC\")\n    bodyHtml\n  }\n"): (typeof documents)["\n  fragment StudioArticle on Article {\n    id\n    version\n    slug\n    status\n    publishedAt(timezone: \"UTC\")\n    bodyHtml\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      article {\n        ...StudioArticle\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      article {\n        ...StudioArticle\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...StudioArticle\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...StudioArticle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioPublishArticle($id: ID!, $version: Int, $publishAt: DateTime) {\n    publishArticle(id: $id, version: $version, publishAt: $publishAt) {\n      ...StudioArticle\n    }\n  }\n"): (typeof documents)["\n  mutation StudioPublishArticle($id: ID!, $version: Int, $publishAt: DateTime) {\n    publishArticle(id: $id, version: $version, publishAt: $publishAt) {\n      ...StudioArticle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioBoard($slug: String!) {\n    conference(slug: $slug) {\n      id\n      slug\n      name\n      timezone\n      community {\n        id\n      }\n      colocatedWith {\n        id\n        slug\n        name\n        community {\n          id\n        }\n      }\n      days {\n        date\n      }\n    }\n    communities {\n      id\n      name\n    }\n    people(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioBoard($slug: String!) {\n    conference(slug: $slug) {\n      id\n      slug\n      name\n      timezone\n      community {\n        id\n      }\n      colocatedWith {\n        id\n        slug\n        name\n        community {\n          id\n        }\n      }\n      days {\n        date\n      }\n    }\n    communities {\n      id\n      name\n    }\n    people(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioProgramSessions(\n    $host: String!\n    $second: String!\n    $third: String!\n    $hasSecond: Boolean!\n    $hasThird: Boolean!\n  ) {\n    host: sessions(filter: { conference: $host }, first: 100) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {\n      nodes {\n        ...BoardSession\n      }\n    }\n  }\n\n  fragment BoardSession on Session {\n    id\n    version\n    title\n    kind\n    room\n    startsAt(timezone: \"UTC\")\n    endsAt(timezone: \"UTC\")\n    hostConference {\n      id\n    }\n    programs {\n      id\n      name\n    }\n    audiences {\n      id\n    }\n    speakers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StudioProgramSessions(\n    $host: String!\n    $second: String!\n    $third: String!\n    $hasSecond: Boolean!\n    $hasThird: Boolean!\n  ) {\n    host: sessions(filter: { conference: $host }, first: 100) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {\n      nodes {\n        ...BoardSession\n      }\n    }\n  }\n\n  fragment BoardSession on Session {\n    id\n    version\n    title\n    kind\n    room\n    startsAt(timezone: \"UTC\")\n    endsAt(timezone: \"UTC\")\n    hostConference {\n      id\n    }\n    programs {\n      id\n      name\n    }\n    audiences {\n      id\n    }\n    speakers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      session {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      session {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdateSession($input: UpdateSessionInput!) {\n    updateSession(input: $input) {\n      id\n      version\n      title\n      room\n      startsAt(timezone: \"UTC\")\n      endsAt(timezone: \"UTC\")\n      programs {\n        id\n        name\n      }\n      speakers {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdateSession($input: UpdateSessionInput!) {\n    updateSession(input: $input) {\n      id\n      version\n      title\n      room\n      startsAt(timezone: \"UTC\")\n      endsAt(timezone: \"UTC\")\n      programs {\n        id\n        name\n      }\n      speakers {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioScheduleVersions($slug: String!) {\n    conference(slug: $slug) {\n      id\n      scheduleVersion\n      colocatedWith {\n        id\n        scheduleVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioScheduleVersions($slug: String!) {\n    conference(slug: $slug) {\n      id\n      scheduleVersion\n      colocatedWith {\n        id\n        scheduleVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioCurrentSession($id: ID!) {\n    node(id: $id) {\n      ... on Session {\n        id\n        version\n        title\n        room\n        startsAt(timezone: \"UTC\")\n        endsAt(timezone: \"UTC\")\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioCurrentSession($id: ID!) {\n    node(id: $id) {\n      ... on Session {\n        id\n        version\n        title\n        room\n        startsAt(timezone: \"UTC\")\n        endsAt(timezone: \"UTC\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioDashboardConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioDashboardConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioDashboard($slug: String!) {\n    conference(slug: $slug) {\n      ...DashboardProgram\n      colocatedWith {\n        ...DashboardProgram\n      }\n    }\n    comments(status: PENDING, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment DashboardProgram on Conference {\n    id\n    name\n    community {\n      id\n      name\n    }\n    stats {\n      sessionCount\n      crossCommunitySessionCount\n      crossCommunityShare\n    }\n    days {\n      date\n      sessions {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioDashboard($slug: String!) {\n    conference(slug: $slug) {\n      ...DashboardProgram\n      colocatedWith {\n        ...DashboardProgram\n      }\n    }\n    comments(status: PENDING, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment DashboardProgram on Conference {\n    id\n    name\n    community {\n      id\n      name\n    }\n    stats {\n      sessionCount\n      crossCommunitySessionCount\n      crossCommunityShare\n    }\n    days {\n      date\n      sessions {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioModerationQueue($after: String) {\n    comments(status: PENDING, first: 50, after: $after) {\n      nodes {\n        id\n        authorName\n        body\n        status\n        version\n        createdAt\n        article {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioModerationQueue($after: String) {\n    comments(status: PENDING, first: 50, after: $after) {\n      nodes {\n        id\n        authorName\n        body\n        status\n        version\n        createdAt\n        article {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioModerate($id: ID!, $status: CommentStatus!, $version: Int) {\n    moderateComment(id: $id, status: $status, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation StudioModerate($id: ID!, $status: CommentStatus!, $version: Int) {\n    moderateComment(id: $id, status: $status, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioScopeConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioScopeConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      account {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioSignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      account {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioAcceptInvite($token: String!, $password: String!) {\n    acceptInvite(token: $token, password: $password) {\n      account {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioAcceptInvite($token: String!, $password: String!) {\n    acceptInvite(token: $token, password: $password) {\n      account {\n        id\n        email\n        displayName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioAccounts {\n    me {\n      id\n    }\n    accounts {\n      id\n      email\n      displayName\n      role\n      readOnly\n      conferences {\n        id\n        name\n      }\n      inviteExpiresAt\n      disabledAt\n    }\n  }\n"): (typeof documents)["\n  query StudioAccounts {\n    me {\n      id\n    }\n    accounts {\n      id\n      email\n      displayName\n      role\n      readOnly\n      conferences {\n        id\n        name\n      }\n      inviteExpiresAt\n      disabledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioInvite($input: InviteAccountInput!) {\n    inviteAccount(input: $input) {\n      invitePath\n      account {\n        id\n        email\n        displayName\n        role\n        readOnly\n        conferences {\n          id\n          name\n        }\n        inviteExpiresAt\n        disabledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioInvite($input: InviteAccountInput!) {\n    inviteAccount(input: $input) {\n      invitePath\n      account {\n        id\n        email\n        displayName\n        role\n        readOnly\n        conferences {\n          id\n          name\n        }\n        inviteExpiresAt\n        disabledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioSetAccountScope($id: ID!, $scope: AccountScopeInput!) {\n    setAccountScope(id: $id, scope: $scope) {\n      id\n      readOnly\n      conferences {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioSetAccountScope($id: ID!, $scope: AccountScopeInput!) {\n    setAccountScope(id: $id, scope: $scope) {\n      id\n      readOnly\n      conferences {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioApiTokens {\n    apiTokens {\n      id\n      name\n      role\n      readOnly\n      conferences {\n        id\n        name\n      }\n      tokenPrefix\n      revokedAt\n      lastUsedAt\n    }\n  }\n"): (typeof documents)["\n  query StudioApiTokens {\n    apiTokens {\n      id\n      name\n      role\n      readOnly\n      conferences {\n        id\n        name\n      }\n      tokenPrefix\n      revokedAt\n      lastUsedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        role\n        readOnly\n        conferences {\n          id\n          name\n        }\n        tokenPrefix\n        revokedAt\n        lastUsedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        role\n        readOnly\n        conferences {\n          id\n          name\n        }\n        tokenPrefix\n        revokedAt\n        lastUsedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioRevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation StudioRevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;