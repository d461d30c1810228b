import { Account, AccountSession } from "./account";
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
import { Person } from "./person";
import { Publication } from "./publication";
import { Session } from "./session";
import { Topic } from "./topic";

export * from "./enums";
export {
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
  Person,
  Publication,
  Session,
  SessionAudience,
  SessionProgram,
  SessionSpeaker,
  SessionTopic,
  Topic,
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
  Account,
  AccountSession,
];
