import { ApiToken } from "./api-token";
import { Article } from "./article";
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
// Last, so that the emitted schema keeps the order of the types above.
import { Agenda, AgendaSession } from "./agenda";
import { WebhookDelivery, WebhookEndpoint, WebhookFanout } from "./webhook";

export * from "./enums";
export { WebhookDeliveryStatus, WebhookEventType, WebhookStatus } from "./webhook";
export {
  Agenda,
  AgendaSession,
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
  ScheduleChange,
  ScheduleFieldChange,
  Session,
  SessionAudience,
  SessionProgram,
  SessionSpeaker,
  SessionTopic,
  Topic,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookFanout,
};

/** Every entity, registered explicitly (never by glob). */
export const entities = [
  Community,
  Conference,
  ConferenceColocation,
  Person,
  Topic,
  Publication,
  Session,
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
  OutboxEvent,
  ScheduleChange,
  Agenda,
  AgendaSession,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookFanout,
];
