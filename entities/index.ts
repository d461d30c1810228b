import { Account, AccountSession } from "./account";
import { ApiToken } from "./api-token";
import { Article, publicSince } from "./article";
import { Comment } from "./comment";
import { Community } from "./community";
import { Conference } from "./conference";
import {
  ArticleAuthor,
  ArticleCommunity,
  ArticleConference,
  ArticlePerson,
  ArticleSession,
  ArticleTopic,
  ConferenceColocation,
  SessionAudience,
  SessionProgram,
  SessionSpeaker,
  SessionTopic,
} from "./links";
import { MutationReceipt } from "./mutation-receipt";
import { OutboxEvent } from "./outbox-event";
import { Person } from "./person";
import { Publication } from "./publication";
import { ScheduleChange, ScheduleFieldChange } from "./schedule-change";
import { Session } from "./session";
import { Topic } from "./topic";
import { Translation } from "./translation";
import { ConferenceSeries } from "./series";
import { Track } from "./track";
import { VenueRecord } from "./venue";
import { Room } from "./room";
import { SessionLink } from "./session-link";
// Last, so that the emitted schema keeps the order of the types above.
import { Agenda, AgendaSession } from "./agenda";
import { WebhookDelivery, WebhookEndpoint, WebhookFanout } from "./webhook";

export * from "./enums";
export { TRANSLATED_FIELDS, type TranslatedKind } from "./translation";
export { WebhookDeliveryStatus, WebhookEventType, WebhookStatus } from "./webhook";
export {
  Agenda,
  AgendaSession,
  Account,
  AccountSession,
  ApiToken,
  Article,
  ArticleAuthor,
  ArticleCommunity,
  ArticleConference,
  ArticlePerson,
  ArticleSession,
  ArticleTopic,
  Comment,
  Community,
  Conference,
  ConferenceColocation,
  MutationReceipt,
  OutboxEvent,
  Person,
  Publication,
  publicSince,
  ScheduleChange,
  ScheduleFieldChange,
  Session,
  SessionAudience,
  SessionProgram,
  SessionSpeaker,
  SessionTopic,
  Topic,
  Translation,
  ConferenceSeries,
  Track,
  VenueRecord,
  Room,
  SessionLink,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookFanout,
};

/** Every entity, registered explicitly (never by glob). */
export const entities = [
  Community,
  ConferenceSeries,
  Conference,
  ConferenceColocation,
  VenueRecord,
  Room,
  Person,
  Topic,
  Publication,
  Track,
  Session,
  SessionLink,
  SessionProgram,
  SessionAudience,
  SessionSpeaker,
  SessionTopic,
  Article,
  ArticleAuthor,
  ArticleTopic,
  ArticleConference,
  ArticleSession,
  ArticlePerson,
  ArticleCommunity,
  Comment,
  ApiToken,
  MutationReceipt,
  Translation,
  OutboxEvent,
  ScheduleChange,
  Agenda,
  AgendaSession,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookFanout,
  Account,
  AccountSession,
];
