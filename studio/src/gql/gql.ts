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
    "\n  query StudioArticleOptions {\n    publications {\n      id\n      name\n    }\n  }\n": typeof types.StudioArticleOptionsDocument,
    "\n  query StudioSessionSearch($text: String!) {\n    sessions(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": typeof types.StudioSessionSearchDocument,
    "\n  query StudioConferenceSearch($text: String!) {\n    conferences(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioConferenceSearchDocument,
    "\n  fragment StudioArticle on Article {\n    id\n    version\n    slug\n    status\n    publishedAt(timezone: \"UTC\")\n    bodyHtml\n  }\n": typeof types.StudioArticleFragmentDoc,
    "\n  mutation StudioCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      article {\n        ...StudioArticle\n      }\n    }\n  }\n": typeof types.StudioCreateArticleDocument,
    "\n  mutation StudioUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...StudioArticle\n    }\n  }\n": typeof types.StudioUpdateArticleDocument,
    "\n  mutation StudioPublishArticle($id: ID!, $version: Int, $publishAt: DateTime) {\n    publishArticle(id: $id, version: $version, publishAt: $publishAt) {\n      ...StudioArticle\n    }\n  }\n": typeof types.StudioPublishArticleDocument,
    "\n  query StudioConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.StudioConferencesDocument,
    "\n  query StudioBoard($slug: String!) {\n    conference(slug: $slug) {\n      id\n      slug\n      name\n      timezone\n      community {\n        id\n      }\n      colocatedWith {\n        id\n        slug\n        name\n        community {\n          id\n        }\n      }\n      days {\n        date\n      }\n      tracks {\n        id\n        name\n      }\n      rooms {\n        id\n        name\n      }\n    }\n    communities {\n      id\n      name\n      descendants {\n        id\n        name\n        parent {\n          id\n        }\n      }\n    }\n    topics {\n      id\n      name\n    }\n  }\n": typeof types.StudioBoardDocument,
    "\n  query StudioProgramSessions(\n    $host: String!\n    $second: String!\n    $third: String!\n    $hasSecond: Boolean!\n    $hasThird: Boolean!\n  ) {\n    host: sessions(filter: { conference: $host }, first: 100) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {\n      nodes {\n        ...BoardSession\n      }\n    }\n  }\n\n  fragment BoardSession on Session {\n    id\n    version\n    title\n    kind\n    room\n    startsAt(timezone: \"UTC\")\n    endsAt(timezone: \"UTC\")\n    hostConference {\n      id\n    }\n    programs {\n      id\n      name\n    }\n    audiences {\n      id\n    }\n    topics {\n      id\n    }\n    track {\n      id\n    }\n    speakers {\n      id\n      name\n    }\n  }\n": typeof types.StudioProgramSessionsDocument,
    "\n  mutation StudioCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      session {\n        id\n        version\n      }\n    }\n  }\n": typeof types.StudioCreateSessionDocument,
    "\n  mutation StudioUpdateSession($input: UpdateSessionInput!) {\n    updateSession(input: $input) {\n      id\n      version\n      title\n      room\n      startsAt(timezone: \"UTC\")\n      endsAt(timezone: \"UTC\")\n      programs {\n        id\n        name\n      }\n      topics {\n        id\n      }\n      track {\n        id\n      }\n      speakers {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioUpdateSessionDocument,
    "\n  subscription StudioScheduleChanged($slug: String!) {\n    scheduleChanged(conference: $slug, includeColocated: true) {\n      scheduleVersion\n      conference {\n        id\n        scheduleVersion\n      }\n    }\n  }\n": typeof types.StudioScheduleChangedDocument,
    "\n  query StudioScheduleVersions($slug: String!) {\n    conference(slug: $slug) {\n      id\n      scheduleVersion\n      colocatedWith {\n        id\n        scheduleVersion\n      }\n    }\n  }\n": typeof types.StudioScheduleVersionsDocument,
    "\n  query StudioCurrentSession($id: ID!) {\n    node(id: $id) {\n      ... on Session {\n        id\n        version\n        title\n        room\n        startsAt(timezone: \"UTC\")\n        endsAt(timezone: \"UTC\")\n      }\n    }\n  }\n": typeof types.StudioCurrentSessionDocument,
    "\n  query StudioColocation($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        id\n        name\n        edition\n        colocatedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.StudioColocationDocument,
    "\n  query StudioConferencesOfYear($year: Int!) {\n    conferences(filter: { year: $year }, first: 100) {\n      nodes {\n        id\n        name\n        startsOn\n        endsOn\n        colocatedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.StudioConferencesOfYearDocument,
    "\n  mutation StudioSetColocated($conferences: [ID!]!) {\n    setColocated(conferences: $conferences) {\n      id\n      name\n      version\n      colocatedWith {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioSetColocatedDocument,
    "\n  query StudioCommunities {\n    communities {\n      ...StudioCommunityFields\n      descendants {\n        ...StudioCommunityFields\n      }\n    }\n  }\n\n  fragment StudioCommunityFields on Community {\n    id\n    version\n    slug\n    name\n    description\n    parent {\n      id\n      name\n    }\n  }\n": typeof types.StudioCommunitiesDocument,
    "\n  query StudioCommunity($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Community {\n        ...StudioCommunityFields\n      }\n    }\n  }\n": typeof types.StudioCommunityDocument,
    "\n  mutation StudioCreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      ...StudioCommunityFields\n    }\n  }\n": typeof types.StudioCreateCommunityDocument,
    "\n  mutation StudioUpdateCommunity($input: UpdateCommunityInput!) {\n    updateCommunity(input: $input) {\n      ...StudioCommunityFields\n    }\n  }\n": typeof types.StudioUpdateCommunityDocument,
    "\n  fragment StudioConferenceRow on Conference {\n    id\n    version\n    slug\n    name\n    edition\n    startsOn\n    endsOn\n    timezone\n    updatedAt\n    venue {\n      name\n      city\n      country\n    }\n    series {\n      id\n      name\n    }\n    colocatedWith {\n      id\n      name\n    }\n  }\n": typeof types.StudioConferenceRowFragmentDoc,
    "\n  query StudioConferencePage($first: Int, $after: String, $last: Int, $before: String) {\n    conferences(first: $first, after: $after, last: $last, before: $before) {\n      nodes {\n        ...StudioConferenceRow\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.StudioConferencePageDocument,
    "\n  query StudioConferenceOptions($after: String) {\n    communities {\n      id\n      name\n      children {\n        id\n        name\n        children {\n          id\n          name\n        }\n      }\n    }\n    conferenceSeries(first: 100, after: $after) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StudioConferenceOptionsDocument,
    "\n  fragment StudioConferenceEdit on Conference {\n    id\n    version\n    slug\n    name\n    edition\n    organizer\n    startsOn\n    endsOn\n    timezone\n    attendance\n    description\n    updatedAt\n    venue {\n      name\n      city\n      country\n    }\n    community {\n      id\n    }\n    series {\n      id\n      name\n    }\n  }\n": typeof types.StudioConferenceEditFragmentDoc,
    "\n  query StudioCurrentConference($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        ...StudioConferenceEdit\n      }\n    }\n  }\n": typeof types.StudioCurrentConferenceDocument,
    "\n  mutation StudioCreateConference($input: CreateConferenceInput!) {\n    createConference(input: $input) {\n      ...StudioConferenceEdit\n    }\n  }\n": typeof types.StudioCreateConferenceDocument,
    "\n  mutation StudioUpdateConference($input: UpdateConferenceInput!) {\n    updateConference(input: $input) {\n      ...StudioConferenceEdit\n    }\n  }\n": typeof types.StudioUpdateConferenceDocument,
    "\n  mutation StudioCreateSeries($input: CreateConferenceSeriesInput!) {\n    createConferenceSeries(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.StudioCreateSeriesDocument,
    "\n  query StudioDashboardConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.StudioDashboardConferencesDocument,
    "\n  query StudioDashboard($slug: String!) {\n    conference(slug: $slug) {\n      ...DashboardProgram\n      colocatedWith {\n        ...DashboardProgram\n      }\n    }\n    comments(status: PENDING, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment DashboardProgram on Conference {\n    id\n    name\n    community {\n      id\n      name\n    }\n    stats {\n      sessionCount\n      crossCommunitySessionCount\n      crossCommunityShare\n    }\n    days {\n      date\n      sessions {\n        id\n      }\n    }\n  }\n": typeof types.StudioDashboardDocument,
    "\n  query StudioModerationQueue($after: String) {\n    comments(status: PENDING, first: 50, after: $after) {\n      nodes {\n        id\n        authorName\n        body\n        status\n        version\n        createdAt\n        article {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StudioModerationQueueDocument,
    "\n  mutation StudioModerate($id: ID!, $status: CommentStatus!, $version: Int) {\n    moderateComment(id: $id, status: $status, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.StudioModerateDocument,
    "\n  query StudioPeoplePage($first: Int!, $after: String, $filter: PersonFilterInput) {\n    people(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        slug\n        name\n        affiliation\n        sessions(first: 0) {\n          totalCount\n        }\n        articles(first: 0) {\n          totalCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StudioPeoplePageDocument,
    "\n  query StudioPerson($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Person {\n        ...StudioPersonFields\n      }\n    }\n  }\n\n  fragment StudioPersonFields on Person {\n    id\n    version\n    slug\n    name\n    affiliation\n    bio\n    links {\n      label\n      url\n    }\n  }\n": typeof types.StudioPersonDocument,
    "\n  mutation StudioCreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      ...StudioPersonFields\n    }\n  }\n": typeof types.StudioCreatePersonDocument,
    "\n  mutation StudioUpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      ...StudioPersonFields\n    }\n  }\n": typeof types.StudioUpdatePersonDocument,
    "\n  mutation StudioDeletePerson($id: ID!, $detach: Boolean!) {\n    deletePerson(id: $id, detach: $detach) {\n      deletedId\n    }\n  }\n": typeof types.StudioDeletePersonDocument,
    "\n  query StudioPersonSearch($text: String!) {\n    people(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudioPersonSearchDocument,
    "\n  query StudioConferenceStructure($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        id\n        tracks {\n          id\n          version\n          name\n          slug\n          color\n        }\n        rooms {\n          id\n          version\n          name\n          capacity\n          position\n        }\n      }\n    }\n  }\n": typeof types.StudioConferenceStructureDocument,
    "\n  mutation StudioCreateTrack($input: CreateTrackInput!) {\n    createTrack(input: $input) {\n      id\n      version\n      name\n      slug\n      color\n    }\n  }\n": typeof types.StudioCreateTrackDocument,
    "\n  mutation StudioUpdateTrack($input: UpdateTrackInput!) {\n    updateTrack(input: $input) {\n      id\n      version\n      name\n      slug\n      color\n    }\n  }\n": typeof types.StudioUpdateTrackDocument,
    "\n  mutation StudioCreateRoom($input: CreateRoomInput!) {\n    createRoom(input: $input) {\n      id\n      version\n      name\n      capacity\n      position\n    }\n  }\n": typeof types.StudioCreateRoomDocument,
    "\n  mutation StudioUpdateRoom($input: UpdateRoomInput!) {\n    updateRoom(input: $input) {\n      id\n      version\n      name\n      capacity\n      position\n    }\n  }\n": typeof types.StudioUpdateRoomDocument,
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
    "\n  query StudioArticleOptions {\n    publications {\n      id\n      name\n    }\n  }\n": types.StudioArticleOptionsDocument,
    "\n  query StudioSessionSearch($text: String!) {\n    sessions(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": types.StudioSessionSearchDocument,
    "\n  query StudioConferenceSearch($text: String!) {\n    conferences(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.StudioConferenceSearchDocument,
    "\n  fragment StudioArticle on Article {\n    id\n    version\n    slug\n    status\n    publishedAt(timezone: \"UTC\")\n    bodyHtml\n  }\n": types.StudioArticleFragmentDoc,
    "\n  mutation StudioCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      article {\n        ...StudioArticle\n      }\n    }\n  }\n": types.StudioCreateArticleDocument,
    "\n  mutation StudioUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      ...StudioArticle\n    }\n  }\n": types.StudioUpdateArticleDocument,
    "\n  mutation StudioPublishArticle($id: ID!, $version: Int, $publishAt: DateTime) {\n    publishArticle(id: $id, version: $version, publishAt: $publishAt) {\n      ...StudioArticle\n    }\n  }\n": types.StudioPublishArticleDocument,
    "\n  query StudioConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.StudioConferencesDocument,
    "\n  query StudioBoard($slug: String!) {\n    conference(slug: $slug) {\n      id\n      slug\n      name\n      timezone\n      community {\n        id\n      }\n      colocatedWith {\n        id\n        slug\n        name\n        community {\n          id\n        }\n      }\n      days {\n        date\n      }\n      tracks {\n        id\n        name\n      }\n      rooms {\n        id\n        name\n      }\n    }\n    communities {\n      id\n      name\n      descendants {\n        id\n        name\n        parent {\n          id\n        }\n      }\n    }\n    topics {\n      id\n      name\n    }\n  }\n": types.StudioBoardDocument,
    "\n  query StudioProgramSessions(\n    $host: String!\n    $second: String!\n    $third: String!\n    $hasSecond: Boolean!\n    $hasThird: Boolean!\n  ) {\n    host: sessions(filter: { conference: $host }, first: 100) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {\n      nodes {\n        ...BoardSession\n      }\n    }\n  }\n\n  fragment BoardSession on Session {\n    id\n    version\n    title\n    kind\n    room\n    startsAt(timezone: \"UTC\")\n    endsAt(timezone: \"UTC\")\n    hostConference {\n      id\n    }\n    programs {\n      id\n      name\n    }\n    audiences {\n      id\n    }\n    topics {\n      id\n    }\n    track {\n      id\n    }\n    speakers {\n      id\n      name\n    }\n  }\n": types.StudioProgramSessionsDocument,
    "\n  mutation StudioCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      session {\n        id\n        version\n      }\n    }\n  }\n": types.StudioCreateSessionDocument,
    "\n  mutation StudioUpdateSession($input: UpdateSessionInput!) {\n    updateSession(input: $input) {\n      id\n      version\n      title\n      room\n      startsAt(timezone: \"UTC\")\n      endsAt(timezone: \"UTC\")\n      programs {\n        id\n        name\n      }\n      topics {\n        id\n      }\n      track {\n        id\n      }\n      speakers {\n        id\n        name\n      }\n    }\n  }\n": types.StudioUpdateSessionDocument,
    "\n  subscription StudioScheduleChanged($slug: String!) {\n    scheduleChanged(conference: $slug, includeColocated: true) {\n      scheduleVersion\n      conference {\n        id\n        scheduleVersion\n      }\n    }\n  }\n": types.StudioScheduleChangedDocument,
    "\n  query StudioScheduleVersions($slug: String!) {\n    conference(slug: $slug) {\n      id\n      scheduleVersion\n      colocatedWith {\n        id\n        scheduleVersion\n      }\n    }\n  }\n": types.StudioScheduleVersionsDocument,
    "\n  query StudioCurrentSession($id: ID!) {\n    node(id: $id) {\n      ... on Session {\n        id\n        version\n        title\n        room\n        startsAt(timezone: \"UTC\")\n        endsAt(timezone: \"UTC\")\n      }\n    }\n  }\n": types.StudioCurrentSessionDocument,
    "\n  query StudioColocation($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        id\n        name\n        edition\n        colocatedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.StudioColocationDocument,
    "\n  query StudioConferencesOfYear($year: Int!) {\n    conferences(filter: { year: $year }, first: 100) {\n      nodes {\n        id\n        name\n        startsOn\n        endsOn\n        colocatedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.StudioConferencesOfYearDocument,
    "\n  mutation StudioSetColocated($conferences: [ID!]!) {\n    setColocated(conferences: $conferences) {\n      id\n      name\n      version\n      colocatedWith {\n        id\n        name\n      }\n    }\n  }\n": types.StudioSetColocatedDocument,
    "\n  query StudioCommunities {\n    communities {\n      ...StudioCommunityFields\n      descendants {\n        ...StudioCommunityFields\n      }\n    }\n  }\n\n  fragment StudioCommunityFields on Community {\n    id\n    version\n    slug\n    name\n    description\n    parent {\n      id\n      name\n    }\n  }\n": types.StudioCommunitiesDocument,
    "\n  query StudioCommunity($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Community {\n        ...StudioCommunityFields\n      }\n    }\n  }\n": types.StudioCommunityDocument,
    "\n  mutation StudioCreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      ...StudioCommunityFields\n    }\n  }\n": types.StudioCreateCommunityDocument,
    "\n  mutation StudioUpdateCommunity($input: UpdateCommunityInput!) {\n    updateCommunity(input: $input) {\n      ...StudioCommunityFields\n    }\n  }\n": types.StudioUpdateCommunityDocument,
    "\n  fragment StudioConferenceRow on Conference {\n    id\n    version\n    slug\n    name\n    edition\n    startsOn\n    endsOn\n    timezone\n    updatedAt\n    venue {\n      name\n      city\n      country\n    }\n    series {\n      id\n      name\n    }\n    colocatedWith {\n      id\n      name\n    }\n  }\n": types.StudioConferenceRowFragmentDoc,
    "\n  query StudioConferencePage($first: Int, $after: String, $last: Int, $before: String) {\n    conferences(first: $first, after: $after, last: $last, before: $before) {\n      nodes {\n        ...StudioConferenceRow\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.StudioConferencePageDocument,
    "\n  query StudioConferenceOptions($after: String) {\n    communities {\n      id\n      name\n      children {\n        id\n        name\n        children {\n          id\n          name\n        }\n      }\n    }\n    conferenceSeries(first: 100, after: $after) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StudioConferenceOptionsDocument,
    "\n  fragment StudioConferenceEdit on Conference {\n    id\n    version\n    slug\n    name\n    edition\n    organizer\n    startsOn\n    endsOn\n    timezone\n    attendance\n    description\n    updatedAt\n    venue {\n      name\n      city\n      country\n    }\n    community {\n      id\n    }\n    series {\n      id\n      name\n    }\n  }\n": types.StudioConferenceEditFragmentDoc,
    "\n  query StudioCurrentConference($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        ...StudioConferenceEdit\n      }\n    }\n  }\n": types.StudioCurrentConferenceDocument,
    "\n  mutation StudioCreateConference($input: CreateConferenceInput!) {\n    createConference(input: $input) {\n      ...StudioConferenceEdit\n    }\n  }\n": types.StudioCreateConferenceDocument,
    "\n  mutation StudioUpdateConference($input: UpdateConferenceInput!) {\n    updateConference(input: $input) {\n      ...StudioConferenceEdit\n    }\n  }\n": types.StudioUpdateConferenceDocument,
    "\n  mutation StudioCreateSeries($input: CreateConferenceSeriesInput!) {\n    createConferenceSeries(input: $input) {\n      id\n      name\n    }\n  }\n": types.StudioCreateSeriesDocument,
    "\n  query StudioDashboardConferences {\n    conferences(first: 100) {\n      nodes {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.StudioDashboardConferencesDocument,
    "\n  query StudioDashboard($slug: String!) {\n    conference(slug: $slug) {\n      ...DashboardProgram\n      colocatedWith {\n        ...DashboardProgram\n      }\n    }\n    comments(status: PENDING, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment DashboardProgram on Conference {\n    id\n    name\n    community {\n      id\n      name\n    }\n    stats {\n      sessionCount\n      crossCommunitySessionCount\n      crossCommunityShare\n    }\n    days {\n      date\n      sessions {\n        id\n      }\n    }\n  }\n": types.StudioDashboardDocument,
    "\n  query StudioModerationQueue($after: String) {\n    comments(status: PENDING, first: 50, after: $after) {\n      nodes {\n        id\n        authorName\n        body\n        status\n        version\n        createdAt\n        article {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StudioModerationQueueDocument,
    "\n  mutation StudioModerate($id: ID!, $status: CommentStatus!, $version: Int) {\n    moderateComment(id: $id, status: $status, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": types.StudioModerateDocument,
    "\n  query StudioPeoplePage($first: Int!, $after: String, $filter: PersonFilterInput) {\n    people(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        slug\n        name\n        affiliation\n        sessions(first: 0) {\n          totalCount\n        }\n        articles(first: 0) {\n          totalCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StudioPeoplePageDocument,
    "\n  query StudioPerson($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Person {\n        ...StudioPersonFields\n      }\n    }\n  }\n\n  fragment StudioPersonFields on Person {\n    id\n    version\n    slug\n    name\n    affiliation\n    bio\n    links {\n      label\n      url\n    }\n  }\n": types.StudioPersonDocument,
    "\n  mutation StudioCreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      ...StudioPersonFields\n    }\n  }\n": types.StudioCreatePersonDocument,
    "\n  mutation StudioUpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      ...StudioPersonFields\n    }\n  }\n": types.StudioUpdatePersonDocument,
    "\n  mutation StudioDeletePerson($id: ID!, $detach: Boolean!) {\n    deletePerson(id: $id, detach: $detach) {\n      deletedId\n    }\n  }\n": types.StudioDeletePersonDocument,
    "\n  query StudioPersonSearch($text: String!) {\n    people(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.StudioPersonSearchDocument,
    "\n  query StudioConferenceStructure($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        id\n        tracks {\n          id\n          version\n          name\n          slug\n          color\n        }\n        rooms {\n          id\n          version\n          name\n          capacity\n          position\n        }\n      }\n    }\n  }\n": types.StudioConferenceStructureDocument,
    "\n  mutation StudioCreateTrack($input: CreateTrackInput!) {\n    createTrack(input: $input) {\n      id\n      version\n      name\n      slug\n      color\n    }\n  }\n": types.StudioCreateTrackDocument,
    "\n  mutation StudioUpdateTrack($input: UpdateTrackInput!) {\n    updateTrack(input: $input) {\n      id\n      version\n      name\n      slug\n      color\n    }\n  }\n": types.StudioUpdateTrackDocument,
    "\n  mutation StudioCreateRoom($input: CreateRoomInput!) {\n    createRoom(input: $input) {\n      id\n      version\n      name\n      capacity\n      position\n    }\n  }\n": types.StudioCreateRoomDocument,
    "\n  mutation StudioUpdateRoom($input: UpdateRoomInput!) {\n    updateRoom(input: $input) {\n      id\n      version\n      name\n      capacity\n      position\n    }\n  }\n": types.StudioUpdateRoomDocument,
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
export function graphql(source: "\n  query StudioArticleOptions {\n    publications {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StudioArticleOptions {\n    publications {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioSessionSearch($text: String!) {\n    sessions(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioSessionSearch($text: String!) {\n    sessions(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioConferenceSearch($text: String!) {\n    conferences(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioConferenceSearch($text: String!) {\n    conferences(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query StudioBoard($slug: String!) {\n    conference(slug: $slug) {\n      id\n      slug\n      name\n      timezone\n      community {\n        id\n      }\n      colocatedWith {\n        id\n        slug\n        name\n        community {\n          id\n        }\n      }\n      days {\n        date\n      }\n      tracks {\n        id\n        name\n      }\n      rooms {\n        id\n        name\n      }\n    }\n    communities {\n      id\n      name\n      descendants {\n        id\n        name\n        parent {\n          id\n        }\n      }\n    }\n    topics {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StudioBoard($slug: String!) {\n    conference(slug: $slug) {\n      id\n      slug\n      name\n      timezone\n      community {\n        id\n      }\n      colocatedWith {\n        id\n        slug\n        name\n        community {\n          id\n        }\n      }\n      days {\n        date\n      }\n      tracks {\n        id\n        name\n      }\n      rooms {\n        id\n        name\n      }\n    }\n    communities {\n      id\n      name\n      descendants {\n        id\n        name\n        parent {\n          id\n        }\n      }\n    }\n    topics {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioProgramSessions(\n    $host: String!\n    $second: String!\n    $third: String!\n    $hasSecond: Boolean!\n    $hasThird: Boolean!\n  ) {\n    host: sessions(filter: { conference: $host }, first: 100) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {\n      nodes {\n        ...BoardSession\n      }\n    }\n  }\n\n  fragment BoardSession on Session {\n    id\n    version\n    title\n    kind\n    room\n    startsAt(timezone: \"UTC\")\n    endsAt(timezone: \"UTC\")\n    hostConference {\n      id\n    }\n    programs {\n      id\n      name\n    }\n    audiences {\n      id\n    }\n    topics {\n      id\n    }\n    track {\n      id\n    }\n    speakers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StudioProgramSessions(\n    $host: String!\n    $second: String!\n    $third: String!\n    $hasSecond: Boolean!\n    $hasThird: Boolean!\n  ) {\n    host: sessions(filter: { conference: $host }, first: 100) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {\n      nodes {\n        ...BoardSession\n      }\n    }\n    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {\n      nodes {\n        ...BoardSession\n      }\n    }\n  }\n\n  fragment BoardSession on Session {\n    id\n    version\n    title\n    kind\n    room\n    startsAt(timezone: \"UTC\")\n    endsAt(timezone: \"UTC\")\n    hostConference {\n      id\n    }\n    programs {\n      id\n      name\n    }\n    audiences {\n      id\n    }\n    topics {\n      id\n    }\n    track {\n      id\n    }\n    speakers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      session {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      session {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdateSession($input: UpdateSessionInput!) {\n    updateSession(input: $input) {\n      id\n      version\n      title\n      room\n      startsAt(timezone: \"UTC\")\n      endsAt(timezone: \"UTC\")\n      programs {\n        id\n        name\n      }\n      topics {\n        id\n      }\n      track {\n        id\n      }\n      speakers {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdateSession($input: UpdateSessionInput!) {\n    updateSession(input: $input) {\n      id\n      version\n      title\n      room\n      startsAt(timezone: \"UTC\")\n      endsAt(timezone: \"UTC\")\n      programs {\n        id\n        name\n      }\n      topics {\n        id\n      }\n      track {\n        id\n      }\n      speakers {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StudioScheduleChanged($slug: String!) {\n    scheduleChanged(conference: $slug, includeColocated: true) {\n      scheduleVersion\n      conference {\n        id\n        scheduleVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StudioScheduleChanged($slug: String!) {\n    scheduleChanged(conference: $slug, includeColocated: true) {\n      scheduleVersion\n      conference {\n        id\n        scheduleVersion\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query StudioColocation($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        id\n        name\n        edition\n        colocatedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioColocation($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        id\n        name\n        edition\n        colocatedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioConferencesOfYear($year: Int!) {\n    conferences(filter: { year: $year }, first: 100) {\n      nodes {\n        id\n        name\n        startsOn\n        endsOn\n        colocatedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioConferencesOfYear($year: Int!) {\n    conferences(filter: { year: $year }, first: 100) {\n      nodes {\n        id\n        name\n        startsOn\n        endsOn\n        colocatedWith {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioSetColocated($conferences: [ID!]!) {\n    setColocated(conferences: $conferences) {\n      id\n      name\n      version\n      colocatedWith {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioSetColocated($conferences: [ID!]!) {\n    setColocated(conferences: $conferences) {\n      id\n      name\n      version\n      colocatedWith {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioCommunities {\n    communities {\n      ...StudioCommunityFields\n      descendants {\n        ...StudioCommunityFields\n      }\n    }\n  }\n\n  fragment StudioCommunityFields on Community {\n    id\n    version\n    slug\n    name\n    description\n    parent {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StudioCommunities {\n    communities {\n      ...StudioCommunityFields\n      descendants {\n        ...StudioCommunityFields\n      }\n    }\n  }\n\n  fragment StudioCommunityFields on Community {\n    id\n    version\n    slug\n    name\n    description\n    parent {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioCommunity($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Community {\n        ...StudioCommunityFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioCommunity($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Community {\n        ...StudioCommunityFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      ...StudioCommunityFields\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateCommunity($input: CreateCommunityInput!) {\n    createCommunity(input: $input) {\n      ...StudioCommunityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdateCommunity($input: UpdateCommunityInput!) {\n    updateCommunity(input: $input) {\n      ...StudioCommunityFields\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdateCommunity($input: UpdateCommunityInput!) {\n    updateCommunity(input: $input) {\n      ...StudioCommunityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StudioConferenceRow on Conference {\n    id\n    version\n    slug\n    name\n    edition\n    startsOn\n    endsOn\n    timezone\n    updatedAt\n    venue {\n      name\n      city\n      country\n    }\n    series {\n      id\n      name\n    }\n    colocatedWith {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StudioConferenceRow on Conference {\n    id\n    version\n    slug\n    name\n    edition\n    startsOn\n    endsOn\n    timezone\n    updatedAt\n    venue {\n      name\n      city\n      country\n    }\n    series {\n      id\n      name\n    }\n    colocatedWith {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioConferencePage($first: Int, $after: String, $last: Int, $before: String) {\n    conferences(first: $first, after: $after, last: $last, before: $before) {\n      nodes {\n        ...StudioConferenceRow\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioConferencePage($first: Int, $after: String, $last: Int, $before: String) {\n    conferences(first: $first, after: $after, last: $last, before: $before) {\n      nodes {\n        ...StudioConferenceRow\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioConferenceOptions($after: String) {\n    communities {\n      id\n      name\n      children {\n        id\n        name\n        children {\n          id\n          name\n        }\n      }\n    }\n    conferenceSeries(first: 100, after: $after) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioConferenceOptions($after: String) {\n    communities {\n      id\n      name\n      children {\n        id\n        name\n        children {\n          id\n          name\n        }\n      }\n    }\n    conferenceSeries(first: 100, after: $after) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StudioConferenceEdit on Conference {\n    id\n    version\n    slug\n    name\n    edition\n    organizer\n    startsOn\n    endsOn\n    timezone\n    attendance\n    description\n    updatedAt\n    venue {\n      name\n      city\n      country\n    }\n    community {\n      id\n    }\n    series {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StudioConferenceEdit on Conference {\n    id\n    version\n    slug\n    name\n    edition\n    organizer\n    startsOn\n    endsOn\n    timezone\n    attendance\n    description\n    updatedAt\n    venue {\n      name\n      city\n      country\n    }\n    community {\n      id\n    }\n    series {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioCurrentConference($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        ...StudioConferenceEdit\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioCurrentConference($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        ...StudioConferenceEdit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateConference($input: CreateConferenceInput!) {\n    createConference(input: $input) {\n      ...StudioConferenceEdit\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateConference($input: CreateConferenceInput!) {\n    createConference(input: $input) {\n      ...StudioConferenceEdit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdateConference($input: UpdateConferenceInput!) {\n    updateConference(input: $input) {\n      ...StudioConferenceEdit\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdateConference($input: UpdateConferenceInput!) {\n    updateConference(input: $input) {\n      ...StudioConferenceEdit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateSeries($input: CreateConferenceSeriesInput!) {\n    createConferenceSeries(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateSeries($input: CreateConferenceSeriesInput!) {\n    createConferenceSeries(input: $input) {\n      id\n      name\n    }\n  }\n"];
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
export function graphql(source: "\n  query StudioPeoplePage($first: Int!, $after: String, $filter: PersonFilterInput) {\n    people(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        slug\n        name\n        affiliation\n        sessions(first: 0) {\n          totalCount\n        }\n        articles(first: 0) {\n          totalCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioPeoplePage($first: Int!, $after: String, $filter: PersonFilterInput) {\n    people(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        slug\n        name\n        affiliation\n        sessions(first: 0) {\n          totalCount\n        }\n        articles(first: 0) {\n          totalCount\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioPerson($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Person {\n        ...StudioPersonFields\n      }\n    }\n  }\n\n  fragment StudioPersonFields on Person {\n    id\n    version\n    slug\n    name\n    affiliation\n    bio\n    links {\n      label\n      url\n    }\n  }\n"): (typeof documents)["\n  query StudioPerson($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Person {\n        ...StudioPersonFields\n      }\n    }\n  }\n\n  fragment StudioPersonFields on Person {\n    id\n    version\n    slug\n    name\n    affiliation\n    bio\n    links {\n      label\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      ...StudioPersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      ...StudioPersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      ...StudioPersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      ...StudioPersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioDeletePerson($id: ID!, $detach: Boolean!) {\n    deletePerson(id: $id, detach: $detach) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation StudioDeletePerson($id: ID!, $detach: Boolean!) {\n    deletePerson(id: $id, detach: $detach) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioPersonSearch($text: String!) {\n    people(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioPersonSearch($text: String!) {\n    people(filter: { text: $text }, first: 10) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioConferenceStructure($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        id\n        tracks {\n          id\n          version\n          name\n          slug\n          color\n        }\n        rooms {\n          id\n          version\n          name\n          capacity\n          position\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioConferenceStructure($id: ID!) {\n    node(id: $id) {\n      ... on Conference {\n        id\n        tracks {\n          id\n          version\n          name\n          slug\n          color\n        }\n        rooms {\n          id\n          version\n          name\n          capacity\n          position\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateTrack($input: CreateTrackInput!) {\n    createTrack(input: $input) {\n      id\n      version\n      name\n      slug\n      color\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateTrack($input: CreateTrackInput!) {\n    createTrack(input: $input) {\n      id\n      version\n      name\n      slug\n      color\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdateTrack($input: UpdateTrackInput!) {\n    updateTrack(input: $input) {\n      id\n      version\n      name\n      slug\n      color\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdateTrack($input: UpdateTrackInput!) {\n    updateTrack(input: $input) {\n      id\n      version\n      name\n      slug\n      color\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateRoom($input: CreateRoomInput!) {\n    createRoom(input: $input) {\n      id\n      version\n      name\n      capacity\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateRoom($input: CreateRoomInput!) {\n    createRoom(input: $input) {\n      id\n      version\n      name\n      capacity\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdateRoom($input: UpdateRoomInput!) {\n    updateRoom(input: $input) {\n      id\n      version\n      name\n      capacity\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdateRoom($input: UpdateRoomInput!) {\n    updateRoom(input: $input) {\n      id\n      version\n      name\n      capacity\n      position\n    }\n  }\n"];
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