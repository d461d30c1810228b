import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from "typeorm";
import { Article } from "./article";
import { Community } from "./community";
import { Conference } from "./conference";
import { Person } from "./person";
import { Session } from "./session";
import { Topic } from "./topic";

// Join tables. Each is an explicit entity so that loaders can batch on them directly, so each has a
// named reverse index, and so that ordered lists (speakers, authors) carry their position.
// A link row belongs to its owner (session, article, conference) and goes with it (CASCADE); the
// thing it points at cannot be deleted while linked (RESTRICT).

/**
 * Co-location is symmetric: both directions are stored, so "co-located with X" is one indexed lookup.
 */
@Entity({ name: "conference_colocation" })
@Index("ix_conference_colocation_reverse", ["colocatedId", "conferenceId"])
export class ConferenceColocation {
  @PrimaryColumn({ type: "int" })
  conferenceId!: number;

  @PrimaryColumn({ type: "int" })
  colocatedId!: number;

  @ManyToOne(() => Conference, { onDelete: "CASCADE" })
  @JoinColumn({ name: "conference_id", foreignKeyConstraintName: "fk_colocation_conference" })
  conference?: Relation<Conference>;

  @ManyToOne(() => Conference, { onDelete: "CASCADE" })
  @JoinColumn({ name: "colocated_id", foreignKeyConstraintName: "fk_colocation_colocated" })
  colocated?: Relation<Conference>;
}

/**
 * A conference whose program lists a session. `startsAt` copies the session's start so that a
 * program reads in time order straight off the index (conference, start, session).
 */
@Entity({ name: "session_program" })
@Index("ix_session_program_conference_start", ["conferenceId", "startsAt", "sessionId"])
export class SessionProgram {
  @PrimaryColumn({ type: "int" })
  sessionId!: number;

  @PrimaryColumn({ type: "int" })
  conferenceId!: number;

  @Column({ type: "datetime" })
  startsAt!: Date;

  @ManyToOne(() => Session, { onDelete: "CASCADE" })
  @JoinColumn({ name: "session_id", foreignKeyConstraintName: "fk_session_program_session" })
  session?: Relation<Session>;

  @ManyToOne(() => Conference, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "conference_id", foreignKeyConstraintName: "fk_session_program_conference" })
  conference?: Relation<Conference>;
}

/**
 * A community a session is aimed at. `startsAt` copies the session's start (kept by the session
 * writer), so that a community's sessions read in time order straight off the index.
 */
@Entity({ name: "session_audience" })
@Index("ix_session_audience_community_start", ["communityId", "startsAt", "sessionId"])
export class SessionAudience {
  @PrimaryColumn({ type: "int" })
  sessionId!: number;

  @PrimaryColumn({ type: "int" })
  communityId!: number;

  @Column({ type: "datetime" })
  startsAt!: Date;

  @ManyToOne(() => Session, { onDelete: "CASCADE" })
  @JoinColumn({ name: "session_id", foreignKeyConstraintName: "fk_session_audience_session" })
  session?: Relation<Session>;

  @ManyToOne(() => Community, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "community_id", foreignKeyConstraintName: "fk_session_audience_community" })
  community?: Relation<Community>;
}

/**
 * A speaker of a session, in billing order. `startsAt` copies the session's start (kept by the
 * session writer), so that a person's sessions read in time order straight off the index.
 */
@Entity({ name: "session_speaker" })
@Index("ix_session_speaker_person_start", ["personId", "startsAt", "sessionId"])
export class SessionSpeaker {
  @PrimaryColumn({ type: "int" })
  sessionId!: number;

  @PrimaryColumn({ type: "int" })
  personId!: number;

  @Column({ type: "int" })
  position!: number;

  @Column({ type: "datetime" })
  startsAt!: Date;

  @ManyToOne(() => Session, { onDelete: "CASCADE" })
  @JoinColumn({ name: "session_id", foreignKeyConstraintName: "fk_session_speaker_session" })
  session?: Relation<Session>;

  @ManyToOne(() => Person, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "person_id", foreignKeyConstraintName: "fk_session_speaker_person" })
  person?: Relation<Person>;
}

/** A topic of a session. */
@Entity({ name: "session_topic" })
@Index("ix_session_topic_topic", ["topicId", "sessionId"])
export class SessionTopic {
  @PrimaryColumn({ type: "int" })
  sessionId!: number;

  @PrimaryColumn({ type: "int" })
  topicId!: number;

  @ManyToOne(() => Session, { onDelete: "CASCADE" })
  @JoinColumn({ name: "session_id", foreignKeyConstraintName: "fk_session_topic_session" })
  session?: Relation<Session>;

  @ManyToOne(() => Topic, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "topic_id", foreignKeyConstraintName: "fk_session_topic_topic" })
  topic?: Relation<Topic>;
}

/** An author of an article, in byline order. */
@Entity({ name: "article_author" })
@Index("ix_article_author_person", ["personId", "articleId"])
export class ArticleAuthor {
  @PrimaryColumn({ type: "int" })
  articleId!: number;

  @PrimaryColumn({ type: "int" })
  personId!: number;

  @Column({ type: "int" })
  position!: number;

  @ManyToOne(() => Article, { onDelete: "CASCADE" })
  @JoinColumn({ name: "article_id", foreignKeyConstraintName: "fk_article_author_article" })
  article?: Relation<Article>;

  @ManyToOne(() => Person, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "person_id", foreignKeyConstraintName: "fk_article_author_person" })
  person?: Relation<Person>;
}

/** A topic of an article. */
@Entity({ name: "article_topic" })
@Index("ix_article_topic_topic", ["topicId", "articleId"])
export class ArticleTopic {
  @PrimaryColumn({ type: "int" })
  articleId!: number;

  @PrimaryColumn({ type: "int" })
  topicId!: number;

  @ManyToOne(() => Article, { onDelete: "CASCADE" })
  @JoinColumn({ name: "article_id", foreignKeyConstraintName: "fk_article_topic_article" })
  article?: Relation<Article>;

  @ManyToOne(() => Topic, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "topic_id", foreignKeyConstraintName: "fk_article_topic_topic" })
  topic?: Relation<Topic>;
}

/** Coverage: an article reports on a conference. */
@Entity({ name: "article_conference" })
@Index("ix_article_conference_conference", ["conferenceId", "articleId"])
export class ArticleConference {
  @PrimaryColumn({ type: "int" })
  articleId!: number;

  @PrimaryColumn({ type: "int" })
  conferenceId!: number;

  @ManyToOne(() => Article, { onDelete: "CASCADE" })
  @JoinColumn({ name: "article_id", foreignKeyConstraintName: "fk_article_conference_article" })
  article?: Relation<Article>;

  @ManyToOne(() => Conference, { onDelete: "RESTRICT" })
  @JoinColumn({
    name: "conference_id",
    foreignKeyConstraintName: "fk_article_conference_conference",
  })
  conference?: Relation<Conference>;
}

/** Coverage: an article reports on a session. */
@Entity({ name: "article_session" })
@Index("ix_article_session_session", ["sessionId", "articleId"])
export class ArticleSession {
  @PrimaryColumn({ type: "int" })
  articleId!: number;

  @PrimaryColumn({ type: "int" })
  sessionId!: number;

  @ManyToOne(() => Article, { onDelete: "CASCADE" })
  @JoinColumn({ name: "article_id", foreignKeyConstraintName: "fk_article_session_article" })
  article?: Relation<Article>;

  @ManyToOne(() => Session, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "session_id", foreignKeyConstraintName: "fk_article_session_session" })
  session?: Relation<Session>;
}

/** Coverage: an article is about a person. */
@Entity({ name: "article_person" })
@Index("ix_article_person_person", ["personId", "articleId"])
export class ArticlePerson {
  @PrimaryColumn({ type: "int" })
  articleId!: number;

  @PrimaryColumn({ type: "int" })
  personId!: number;

  @ManyToOne(() => Article, { onDelete: "CASCADE" })
  @JoinColumn({ name: "article_id", foreignKeyConstraintName: "fk_article_person_article" })
  article?: Relation<Article>;

  @ManyToOne(() => Person, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "person_id", foreignKeyConstraintName: "fk_article_person_person" })
  person?: Relation<Person>;
}

/** Coverage: an article is about a community. */
@Entity({ name: "article_community" })
@Index("ix_article_community_community", ["communityId", "articleId"])
export class ArticleCommunity {
  @PrimaryColumn({ type: "int" })
  articleId!: number;

  @PrimaryColumn({ type: "int" })
  communityId!: number;

  @ManyToOne(() => Article, { onDelete: "CASCADE" })
  @JoinColumn({ name: "article_id", foreignKeyConstraintName: "fk_article_community_article" })
  article?: Relation<Article>;

  @ManyToOne(() => Community, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "community_id", foreignKeyConstraintName: "fk_article_community_community" })
  community?: Relation<Community>;
}
