import { AgendaResolver } from "./agenda.resolver";
import { ArticleResolver } from "./article.resolver";
import { ArticleEditorialFields, ArticleMutations } from "./article.mutations";
import { CommentEditorialFields, CommentMutations } from "./comment.mutations";
import { ConferenceMutations } from "./conference.mutations";
import { PersonMutations } from "./person.mutations";
import { SessionMutations } from "./session.mutations";
import { CommentResolver } from "./comment.resolver";
import { AccountResolver } from "./account.resolver";
import { ApiTokenResolver } from "./api-token.resolver";
import { CommunityResolver } from "./community.resolver";
import { ConferenceResolver, ConferenceStatsResolver } from "./conference.resolver";
import { LiveSubscriptions } from "./live.resolver";
import { NodeResolver } from "./node.resolver";
import { PersonResolver } from "./person.resolver";
import { PublicationResolver } from "./publication.resolver";
import { ConferenceChangesResolver, ScheduleChangeResolver } from "./schedule-change.resolver";
import { SessionResolver } from "./session.resolver";
import { TopicResolver } from "./topic.resolver";
import { ConferenceSeriesResolver, RoomResolver, TrackResolver } from "./structure.resolver";
import { StructureMutations } from "./structure.mutations";
import { ViewerResolver } from "./viewer.resolver";
import { SearchFacetFields } from "./search.resolver";
import { CommunityStatsFields, ConferenceStatsFields } from "./stats.resolver";
import {
  ArticleTranslationFields,
  SessionTranslationFields,
  TranslationMutations,
} from "./translation.resolver";
import { WebhookDeliveryResolver, WebhookResolver } from "./webhook.resolver";

/** Every resolver, registered explicitly. */
export const resolvers = [
  NodeResolver,
  ConferenceResolver,
  ConferenceStatsResolver,
  CommunityResolver,
  SessionResolver,
  PersonResolver,
  ArticleResolver,
  PublicationResolver,
  CommentResolver,
  TopicResolver,
  ConferenceSeriesResolver,
  TrackResolver,
  RoomResolver,
  ViewerResolver,
  ApiTokenResolver,
  AccountResolver,
  ConferenceMutations,
  SessionMutations,
  PersonMutations,
  ArticleMutations,
  ArticleEditorialFields,
  CommentMutations,
  CommentEditorialFields,
  SessionTranslationFields,
  ArticleTranslationFields,
  TranslationMutations,
  SearchFacetFields,
  ConferenceStatsFields,
  CommunityStatsFields,
  StructureMutations,
  ScheduleChangeResolver,
  ConferenceChangesResolver,
  LiveSubscriptions,
  AgendaResolver,
  WebhookResolver,
  WebhookDeliveryResolver,
] as const;
