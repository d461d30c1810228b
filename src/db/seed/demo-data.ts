/**
 * The demo graph: PyWorks 2008 and php|works 2008 (one combined event in Atlanta, November 2008), with
 * PyCon 2009 for comparison, drawn from Python Magazine's PyWorks wrap-up. Facts only; the prose here
 * is our own. Local times are wall-clock times in the conference's zone.
 */
import {
  ArticleKind,
  ArticleStatus,
  CommentStatus,
  SessionKind,
  SessionLevel,
} from "../../../entities/enums";

export interface DemoCommunity {
  slug: string;
  name: string;
  description: string;
  parent?: string;
}

export interface DemoConference {
  slug: string;
  name: string;
  edition: number;
  community: string;
  organizer: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  venueName: string;
  venueCity: string;
  venueCountry: string;
  attendance: number | null;
  description: string;
  colocatedWith?: string[];
  /** The series (by slug) this conference is an edition of. */
  series?: string;
}

export interface DemoSeries {
  slug: string;
  name: string;
  community: string;
}

export interface DemoPerson {
  slug: string;
  name: string;
  bio: string;
  affiliation: string | null;
  links: { label: string; url: string }[];
}

export interface DemoSession {
  slug: string;
  title: string;
  abstract: string;
  kind: SessionKind;
  level: SessionLevel;
  host: string;
  programs: string[];
  audiences: string[];
  speakers: string[];
  topics: string[];
  /** Local wall-clock start and end, ISO without offset, in the host conference's zone. */
  starts: string;
  ends: string;
  room: string | null;
  location: string | null;
}

export interface DemoArticle {
  slug: string;
  title: string;
  kind: ArticleKind;
  status: ArticleStatus;
  /** UTC instant, or null for an unscheduled draft. */
  publishedAt: string | null;
  publication: string;
  excerpt: string;
  body: string;
  authors: string[];
  topics: string[];
  covers: { conferences: string[]; sessions: string[]; people: string[]; communities: string[] };
  comments: {
    authorName: string;
    email: string | null;
    body: string;
    status: CommentStatus;
    at: string;
  }[];
}

export const communities: DemoCommunity[] = [
  {
    slug: "python",
    name: "Python",
    description: "People who build with, teach and develop the Python language.",
  },
  {
    slug: "php",
    name: "PHP",
    description: "People who build with, teach and develop the PHP language.",
  },
  {
    slug: "turbogears",
    name: "TurboGears",
    parent: "python",
    description: "The TurboGears web framework project and its users.",
  },
  {
    slug: "zope",
    name: "Zope and Grok",
    parent: "python",
    description:
      "The Zope application server community, including Grok, its convention-driven framework.",
  },
];

/** Recurring conferences. PyWorks 2008 was the first edition of its series. */
export const series: DemoSeries[] = [
  { slug: "pyworks", name: "PyWorks", community: "python" },
  { slug: "pycon", name: "PyCon", community: "python" },
];

export const conferences: DemoConference[] = [
  {
    slug: "pyworks-2008",
    series: "pyworks",
    name: "PyWorks 2008",
    edition: 2008,
    community: "python",
    organizer: "MTA (Marco Tabini & Associates)",
    startsOn: "2008-11-12",
    endsOn: "2008-11-14",
    timezone: "America/New_York",
    venueName: "Crowne Plaza Atlanta Ravinia",
    venueCity: "Atlanta",
    venueCountry: "US",
    attendance: null,
    description:
      "The first PyWorks: a three-day Python conference run as one event with php|works, sharing " +
      "rooms, attendees and speakers, with combined sessions for both communities.",
    colocatedWith: ["phpworks-2008"],
  },
  {
    slug: "phpworks-2008",
    name: "php|works 2008",
    edition: 2008,
    community: "php",
    organizer: "MTA (Marco Tabini & Associates)",
    startsOn: "2008-11-12",
    endsOn: "2008-11-14",
    timezone: "America/New_York",
    venueName: "Crowne Plaza Atlanta Ravinia",
    venueCity: "Atlanta",
    venueCountry: "US",
    attendance: null,
    description:
      "MTA's PHP conference, held in 2008 together with PyWorks at the same Atlanta venue over the " +
      "same three days.",
    colocatedWith: ["pyworks-2008"],
  },
  {
    slug: "pycon-2009",
    series: "pycon",
    name: "PyCon 2009",
    edition: 2009,
    community: "python",
    organizer: "Python Software Foundation",
    startsOn: "2009-03-25",
    endsOn: "2009-03-29",
    timezone: "America/Chicago",
    venueName: "Hyatt Regency O'Hare",
    venueCity: "Rosemont",
    venueCountry: "US",
    attendance: 950,
    description:
      "The community's main annual conference: many times the size of PyWorks, with a week of " +
      "tutorials, talks and open spaces.",
  },
];

export const people: DemoPerson[] = [
  {
    slug: "kevin-dangoor",
    name: "Kevin Dangoor",
    bio: "Founded the TurboGears web framework; gave the opening keynote at PyWorks 2008.",
    affiliation: "TurboGears",
    links: [],
  },
  {
    slug: "brandon-rhodes",
    name: "Brandon Rhodes",
    bio: "Python Magazine editor and Zope/Grok enthusiast who taught the Grok tutorial at PyWorks 2008.",
    affiliation: "Python Magazine",
    links: [],
  },
  {
    slug: "jesse-noller",
    name: "Jesse Noller",
    bio: "Python Magazine editor who shepherded the multiprocessing package into Python's standard library.",
    affiliation: "Python Magazine",
    links: [],
  },
  {
    slug: "mark-ramm",
    name: "Mark Ramm",
    bio: "TurboGears developer who spoke about WSGI middleware at PyWorks 2008.",
    affiliation: "TurboGears",
    links: [],
  },
  {
    slug: "doug-hellmann",
    name: "Doug Hellmann",
    bio: "Editor in chief of Python Magazine in 2008.",
    affiliation: "Python Magazine",
    links: [],
  },
];

export const topics: { slug: string; name: string }[] = [
  { slug: "community", name: "Community" },
  { slug: "git", name: "git" },
  { slug: "databases", name: "Databases" },
  { slug: "security", name: "Security" },
  { slug: "wsgi", name: "WSGI" },
  { slug: "web-frameworks", name: "Web frameworks" },
  { slug: "concurrency", name: "Concurrency" },
  { slug: "desktop", name: "Desktop applications" },
  { slug: "documentation", name: "Documentation" },
  { slug: "artificial-intelligence", name: "Artificial intelligence" },
  { slug: "sysadmin", name: "Systems administration" },
  { slug: "sprints", name: "Sprints" },
];

export const publications: {
  slug: string;
  name: string;
  community: string;
  description: string;
}[] = [
  {
    slug: "python-magazine",
    name: "Python Magazine",
    community: "python",
    description: "MTA's monthly magazine for Python developers.",
  },
  {
    slug: "php-architect",
    name: "php|architect",
    community: "php",
    description: "MTA's monthly magazine for PHP developers.",
  },
];

const ATL = { host: "pyworks-2008", level: SessionLevel.ALL };
const BOTH = { programs: ["pyworks-2008", "phpworks-2008"], audiences: ["python", "php"] };

export const sessions: DemoSession[] = [
  {
    ...ATL,
    slug: "growing-your-community",
    title: "Growing Your Community",
    abstract:
      "The opening keynote. Why an open-source project should court new users and contributors, and " +
      "practical ways to win them, from the founder of TurboGears.",
    kind: SessionKind.KEYNOTE,
    programs: ["pyworks-2008"],
    audiences: ["python"],
    speakers: ["kevin-dangoor"],
    topics: ["community"],
    starts: "2008-11-12T09:00",
    ends: "2008-11-12T10:00",
    room: "Ballroom",
    location: null,
  },
  {
    ...ATL,
    ...BOTH,
    slug: "introduction-to-git",
    title: "An Introduction to git",
    abstract:
      "A combined session for PHP and Python developers: how distributed version control with git " +
      "works, and how to start using it on your projects.",
    kind: SessionKind.TALK,
    level: SessionLevel.BEGINNER,
    speakers: [],
    topics: ["git"],
    starts: "2008-11-12T10:30",
    ends: "2008-11-12T12:00",
    room: "Ballroom",
    location: null,
  },
  {
    ...ATL,
    slug: "grok-tutorial",
    title: "Grok: Zope for Humans",
    abstract:
      "A hands-on tutorial on Grok, which puts convention over configuration on top of the Zope " +
      "component architecture.",
    kind: SessionKind.TUTORIAL,
    level: SessionLevel.INTERMEDIATE,
    programs: ["pyworks-2008"],
    audiences: ["zope"],
    speakers: ["brandon-rhodes"],
    topics: ["web-frameworks"],
    starts: "2008-11-12T13:30",
    ends: "2008-11-12T17:00",
    room: "Room A",
    location: null,
  },
  {
    ...ATL,
    ...BOTH,
    host: "phpworks-2008",
    slug: "database-administration",
    title: "Database Administration for Developers",
    abstract:
      "A tutorial for both conferences on keeping the databases behind your applications healthy: " +
      "backups, tuning, replication and monitoring.",
    kind: SessionKind.TUTORIAL,
    level: SessionLevel.INTERMEDIATE,
    speakers: [],
    topics: ["databases"],
    starts: "2008-11-12T13:30",
    ends: "2008-11-12T17:00",
    room: "Room B",
    location: null,
  },
  {
    ...ATL,
    slug: "python-for-system-administrators",
    title: "Python for System Administrators",
    abstract: "Replacing brittle shell scripts with Python for everyday systems administration.",
    kind: SessionKind.TALK,
    programs: ["pyworks-2008"],
    audiences: ["python"],
    speakers: [],
    topics: ["sysadmin"],
    starts: "2008-11-13T09:00",
    ends: "2008-11-13T10:00",
    room: "Room A",
    location: null,
  },
  {
    ...ATL,
    ...BOTH,
    host: "phpworks-2008",
    slug: "designing-security-in",
    title: "Designing Security into Your Applications",
    abstract:
      "A combined session on building security in from the first design, rather than bolting it on: " +
      "threat models, input handling and safe defaults, in PHP and Python alike.",
    kind: SessionKind.TALK,
    speakers: [],
    topics: ["security"],
    starts: "2008-11-13T10:30",
    ends: "2008-11-13T11:30",
    room: "Ballroom",
    location: null,
  },
  {
    ...ATL,
    slug: "multiprocessing-in-the-standard-library",
    title: "multiprocessing: From Package to Standard Library",
    abstract:
      "The work of bringing the multiprocessing package into Python's standard library, and what it " +
      "offers for using every core of a machine.",
    kind: SessionKind.TALK,
    level: SessionLevel.INTERMEDIATE,
    programs: ["pyworks-2008"],
    audiences: ["python"],
    speakers: ["jesse-noller"],
    topics: ["concurrency"],
    starts: "2008-11-13T13:30",
    ends: "2008-11-13T14:30",
    room: "Room A",
    location: null,
  },
  {
    ...ATL,
    slug: "wsgi-middleware",
    title: "WSGI Middleware",
    abstract:
      "How WSGI middleware composes Python web applications, presented with some memorably creative " +
      "visual aids.",
    kind: SessionKind.TALK,
    level: SessionLevel.INTERMEDIATE,
    programs: ["pyworks-2008"],
    audiences: ["python", "turbogears"],
    speakers: ["mark-ramm"],
    topics: ["wsgi", "web-frameworks"],
    starts: "2008-11-13T15:00",
    ends: "2008-11-13T16:00",
    room: "Room A",
    location: null,
  },
  {
    ...ATL,
    slug: "atlanta-python-user-group-meeting",
    title: "Atlanta Python User Group Meeting",
    abstract:
      "The local Python user group's monthly meeting. Conference-goers braved an unusually wet Atlanta " +
      "evening to join in.",
    kind: SessionKind.MEETUP,
    programs: ["pyworks-2008"],
    audiences: ["python"],
    speakers: [],
    topics: ["community"],
    starts: "2008-11-13T19:30",
    ends: "2008-11-13T21:30",
    room: null,
    location: "Off site: the Atlanta Python user group's meeting place",
  },
  {
    ...ATL,
    slug: "python-web-frameworks-tour",
    title: "A Tour of Python Web Frameworks",
    abstract: "The major Python web frameworks side by side: what each is for and how they differ.",
    kind: SessionKind.TALK,
    programs: ["pyworks-2008"],
    audiences: ["python"],
    speakers: [],
    topics: ["web-frameworks"],
    starts: "2008-11-14T09:00",
    ends: "2008-11-14T10:00",
    room: "Room A",
    location: null,
  },
  {
    ...ATL,
    slug: "desktop-applications-in-python",
    title: "Desktop Applications in Python",
    abstract: "Building and shipping cross-platform desktop applications with Python GUI toolkits.",
    kind: SessionKind.TALK,
    programs: ["pyworks-2008"],
    audiences: ["python"],
    speakers: [],
    topics: ["desktop"],
    starts: "2008-11-14T10:30",
    ends: "2008-11-14T11:30",
    room: "Room A",
    location: null,
  },
  {
    ...ATL,
    slug: "documenting-with-sphinx",
    title: "Documenting Projects with Sphinx",
    abstract: "Writing project documentation in reStructuredText and publishing it with Sphinx.",
    kind: SessionKind.TALK,
    level: SessionLevel.BEGINNER,
    programs: ["pyworks-2008"],
    audiences: ["python"],
    speakers: [],
    topics: ["documentation"],
    starts: "2008-11-14T13:30",
    ends: "2008-11-14T14:30",
    room: "Room A",
    location: null,
  },
  {
    ...ATL,
    slug: "artificial-intelligence-with-python",
    title: "Artificial Intelligence with Python",
    abstract:
      "Search, reasoning and learning techniques from artificial intelligence, written in Python.",
    kind: SessionKind.TALK,
    level: SessionLevel.ADVANCED,
    programs: ["pyworks-2008"],
    audiences: ["python"],
    speakers: [],
    topics: ["artificial-intelligence"],
    starts: "2008-11-14T15:00",
    ends: "2008-11-14T16:00",
    room: "Room A",
    location: null,
  },
  {
    ...ATL,
    slug: "turbogears-sprint",
    title: "TurboGears Sprint",
    abstract:
      "A weekend coding sprint on TurboGears in Atlanta right after PyWorks. It was organised " +
      "separately, too late to be folded into the conference program.",
    kind: SessionKind.SPRINT,
    programs: ["pyworks-2008"],
    audiences: ["turbogears"],
    speakers: [],
    topics: ["sprints"],
    starts: "2008-11-15T10:00",
    ends: "2008-11-16T17:00",
    room: null,
    location: "Atlanta",
  },
  {
    host: "pycon-2009",
    slug: "pycon-2009-open-spaces",
    title: "Open Spaces",
    abstract:
      "Attendee-organised discussions in small rooms, the part of PyCon that the intimate PyWorks " +
      "sessions most resembled.",
    kind: SessionKind.OPEN_SPACE,
    level: SessionLevel.ALL,
    programs: ["pycon-2009"],
    audiences: ["python"],
    speakers: [],
    topics: ["community"],
    starts: "2009-03-27T13:00",
    ends: "2009-03-27T18:00",
    room: "Open space rooms",
    location: null,
  },
];

const WRAP_UP_BODY = `PyWorks has finished its first year, and by every account it went well: three days of
meeting people, trying new tools and hearing how established projects are getting on. Atlanta was
wetter than usual, which did not keep a group of us from going off site to the local Python user
group's meeting.

## One event, two conferences

PyWorks ran as one event with **php|works**, MTA's PHP conference. The two shared rooms, attendees and
speakers, which made room for sessions aimed at both communities: an introduction to git, tutorials and
talks on database administration, and designing security into applications, among others. Talking
with PHP core developers about how their project is run, compared with Python's BDFL model, was a
highlight.

## Sessions

- Kevin Dangoor, who founded TurboGears, opened with the keynote *Growing Your Community*: why to
  attract users and contributors, and how.
- Brandon Rhodes taught a Grok tutorial good enough to send at least one reader back to Zope after
  five years away.
- Jesse Noller showed his work bringing \`multiprocessing\` into the standard library.
- Mark Ramm spoke on WSGI middleware, with visual aids worth asking him about.

There were also talks on the major web frameworks, desktop applications, Sphinx, artificial
intelligence and systems administration.

## Compared with PyCon

PyCon in March is far bigger, with more people to meet and more talks to choose from. PyWorks was
smaller and more intimate: questions were easy to ask, and it felt much like PyCon's open spaces.

## Next year

Attendees liked the combined format and suggested improvements. Sprinting is unfamiliar to many PHP
developers, and a TurboGears sprint held in Atlanta the weekend after was found too late to fold into
the program. Grok and TurboGears were well represented; more of Python's sub-communities should be.
`;

export const articles: DemoArticle[] = [
  {
    slug: "pyworks-2008-wrap-up",
    title: "PyWorks 2008: The Wrap-Up",
    kind: ArticleKind.WRAP_UP,
    status: ArticleStatus.PUBLISHED,
    publishedAt: "2008-11-24T14:00:00Z",
    publication: "python-magazine",
    excerpt:
      "The first PyWorks, run together with php|works in Atlanta, mixed two communities in combined " +
      "sessions and felt more intimate than PyCon.",
    body: WRAP_UP_BODY,
    authors: ["doug-hellmann"],
    topics: ["community", "git", "databases", "security", "wsgi", "sprints"],
    covers: {
      conferences: ["pyworks-2008", "phpworks-2008", "pycon-2009"],
      sessions: [
        "growing-your-community",
        "introduction-to-git",
        "database-administration",
        "designing-security-in",
        "grok-tutorial",
        "multiprocessing-in-the-standard-library",
        "wsgi-middleware",
        "atlanta-python-user-group-meeting",
        "turbogears-sprint",
      ],
      people: ["kevin-dangoor", "brandon-rhodes", "jesse-noller", "mark-ramm"],
      communities: ["python", "php", "turbogears", "zope"],
    },
    comments: [
      {
        authorName: "Sam from Decatur",
        email: "sam@example.org",
        body: "The combined git session was the most useful hour of the week. More of those next year, please!",
        status: CommentStatus.APPROVED,
        at: "2008-11-25T16:20:00Z",
      },
      {
        authorName: "A PHP developer",
        email: null,
        body: "Please explain sprints to us PHP folks next time; I'd have joined the TurboGears one.",
        status: CommentStatus.PENDING,
        at: "2008-11-26T10:05:00Z",
      },
    ],
  },
  {
    slug: "what-should-we-cover-next",
    title: "What Should We Cover Next?",
    kind: ArticleKind.EDITORIAL,
    status: ArticleStatus.DRAFT,
    publishedAt: null,
    publication: "python-magazine",
    excerpt: "The editors plan issues months ahead, and want readers to say what they need.",
    body:
      "As a print magazine we plan columns and features well ahead. Tell us which topics and which " +
      "parts of the community we have missed, and what would make your subscription more useful.\n",
    authors: ["doug-hellmann"],
    topics: ["community"],
    covers: { conferences: [], sessions: [], people: [], communities: ["python"] },
    comments: [],
  },
];
