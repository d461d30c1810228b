import { registerEnumType } from "type-graphql";

/** What sort of slot a session is. Stored as varchar. */
export enum SessionKind {
  KEYNOTE = "KEYNOTE",
  TALK = "TALK",
  TUTORIAL = "TUTORIAL",
  PANEL = "PANEL",
  WORKSHOP = "WORKSHOP",
  OPEN_SPACE = "OPEN_SPACE",
  SPRINT = "SPRINT",
  MEETUP = "MEETUP",
  SOCIAL = "SOCIAL",
}

/** Session kinds that may take place outside the host conference's days (side events). */
export const SIDE_EVENT_KINDS: readonly SessionKind[] = [
  SessionKind.SPRINT,
  SessionKind.MEETUP,
  SessionKind.SOCIAL,
];

/** Who a session is pitched at. */
export enum SessionLevel {
  ALL = "ALL",
  BEGINNER = "BEGINNER",
  INTERMEDIATE = "INTERMEDIATE",
  ADVANCED = "ADVANCED",
}

/** Whether a session still takes place. A cancelled session stays in its programs, marked so. */
export enum SessionStatus {
  SCHEDULED = "SCHEDULED",
  CANCELLED = "CANCELLED",
}

/** What a schedule change did to its subject. */
export enum ScheduleChangeKind {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  CANCELLED = "CANCELLED",
  DELETED = "DELETED",
}

export enum ArticleKind {
  WRAP_UP = "WRAP_UP",
  FEATURE = "FEATURE",
  COLUMN = "COLUMN",
  EDITORIAL = "EDITORIAL",
  NEWS = "NEWS",
  INTERVIEW = "INTERVIEW",
}

/** An article is public only when PUBLISHED and its publishedAt has passed. */
export enum ArticleStatus {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
}

export enum CommentStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  SPAM = "SPAM",
}

registerEnumType(SessionKind, {
  name: "SessionKind",
  description: "What sort of slot a session is.",
  valuesConfig: {
    KEYNOTE: { description: "A plenary talk that opens or closes a day." },
    TALK: { description: "A regular presentation." },
    TUTORIAL: { description: "A longer hands-on teaching session." },
    PANEL: { description: "A moderated discussion among several speakers." },
    WORKSHOP: { description: "A working session where attendees build something." },
    OPEN_SPACE: { description: "An attendee-organised discussion." },
    SPRINT: { description: "A coding sprint, often after the conference." },
    MEETUP: { description: "A user-group meeting or similar gathering." },
    SOCIAL: { description: "A social event: dinner, party, reception." },
  },
});

registerEnumType(SessionLevel, {
  name: "SessionLevel",
  description: "The experience a session assumes.",
  valuesConfig: {
    ALL: { description: "Suitable for everyone." },
    BEGINNER: { description: "Assumes little prior knowledge." },
    INTERMEDIATE: { description: "Assumes working knowledge of the subject." },
    ADVANCED: { description: "Assumes deep knowledge of the subject." },
  },
});

registerEnumType(SessionStatus, {
  name: "SessionStatus",
  description: "Whether a session still takes place.",
  valuesConfig: {
    SCHEDULED: { description: "Takes place as listed." },
    CANCELLED: { description: "Called off; still listed in its programs, marked cancelled." },
  },
});

registerEnumType(ScheduleChangeKind, {
  name: "ScheduleChangeKind",
  description: "What a schedule change did to its subject.",
  valuesConfig: {
    CREATED: { description: "The subject was added to the program." },
    UPDATED: { description: "Some of the subject's fields changed (see `fields`)." },
    CANCELLED: { description: "The session was cancelled; it stays in the program." },
    DELETED: { description: "The session was removed from the program." },
  },
});

registerEnumType(ArticleKind, {
  name: "ArticleKind",
  description: "The editorial form of an article.",
  valuesConfig: {
    WRAP_UP: { description: "A report written after an event." },
    FEATURE: { description: "A long-form feature article." },
    COLUMN: { description: "A regular column." },
    EDITORIAL: { description: "The editors' own opinion." },
    NEWS: { description: "A short news item." },
    INTERVIEW: { description: "A conversation with a person." },
  },
});

registerEnumType(ArticleStatus, {
  name: "ArticleStatus",
  description: "Whether an article is a draft or published.",
  valuesConfig: {
    DRAFT: { description: "Not visible to the public." },
    PUBLISHED: { description: "Visible to the public once its publishedAt has passed." },
  },
});

registerEnumType(CommentStatus, {
  name: "CommentStatus",
  description: "Where a reader comment stands in moderation.",
  valuesConfig: {
    PENDING: { description: "Awaiting an editor." },
    APPROVED: { description: "Visible to readers." },
    REJECTED: { description: "Refused by an editor." },
    SPAM: { description: "Marked as spam." },
  },
});

/** What a bearer token may do. ADMIN includes everything EDITOR may do. */
export enum Role {
  EDITOR = "EDITOR",
  ADMIN = "ADMIN",
}

registerEnumType(Role, {
  name: "Role",
  description: "What a bearer token may do. ADMIN includes everything EDITOR may do.",
  valuesConfig: {
    EDITOR: { description: "Edits content and sees unpublished material." },
    ADMIN: { description: "Everything an editor may do, plus managing API tokens." },
  },
});

/** What a session's link leads to. */
export enum SessionLinkKind {
  SLIDES = "SLIDES",
  VIDEO = "VIDEO",
  CODE = "CODE",
  OTHER = "OTHER",
}

registerEnumType(SessionLinkKind, {
  name: "SessionLinkKind",
  description: "What a session's link leads to.",
  valuesConfig: {
    SLIDES: { description: "The slides." },
    VIDEO: { description: "A recording of the session." },
    CODE: { description: "Source code: a repository or an archive." },
    OTHER: { description: "Anything else." },
  },
});
