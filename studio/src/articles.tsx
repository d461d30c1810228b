import { useState } from "preact/hooks";
import { useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import type { ArticleKind } from "./gql/graphql";
import { Field, InputField, GeneralErrors } from "./field";
import { formErrors } from "./errors";
import { useStoredState } from "./stored";
import { PersonSearchQuery, Picker, type Choice } from "./picker";

const ArticleOptionsQuery = graphql(`
  query StudioArticleOptions {
    publications {
      id
      name
    }
  }
`);

const SessionSearchQuery = graphql(`
  query StudioSessionSearch($text: String!) {
    sessions(filter: { text: $text }, first: 10) {
      nodes {
        id
        title
      }
    }
  }
`);

const ConferenceSearchQuery = graphql(`
  query StudioConferenceSearch($text: String!) {
    conferences(filter: { text: $text }, first: 10) {
      nodes {
        id
        name
      }
    }
  }
`);

const ArticleFields = graphql(`
  fragment StudioArticle on Article {
    id
    version
    slug
    status
    publishedAt(timezone: "UTC")
    bodyHtml
  }
`);

const CreateArticleMutation = graphql(`
  mutation StudioCreateArticle($input: CreateArticleInput!) {
    createArticle(input: $input) {
      article {
        ...StudioArticle
      }
    }
  }
`);

const UpdateArticleMutation = graphql(`
  mutation StudioUpdateArticle($input: UpdateArticleInput!) {
    updateArticle(input: $input) {
      ...StudioArticle
    }
  }
`);

const PublishArticleMutation = graphql(`
  mutation StudioPublishArticle($id: ID!, $version: Int, $publishAt: DateTime) {
    publishArticle(id: $id, version: $version, publishAt: $publishAt) {
      ...StudioArticle
    }
  }
`);

void ArticleFields;

const KINDS: ArticleKind[] = ["NEWS", "FEATURE", "WRAP_UP", "INTERVIEW", "COLUMN", "EDITORIAL"];

interface ArticleForm {
  title: string;
  kind: ArticleKind;
  publication: string;
  excerpt: string;
  body: string;
  authors: Choice[];
  sessions: Choice[];
  people: Choice[];
  conferences: Choice[];
  publishAt: string;
  /** The saved article, once saved: its id and the version last read. */
  saved: { id: string; version: number } | null;
}

const EMPTY: ArticleForm = {
  title: "",
  kind: "NEWS",
  publication: "",
  excerpt: "",
  body: "",
  authors: [],
  sessions: [],
  people: [],
  conferences: [],
  publishAt: "",
  saved: null,
};

/**
 * Writes an article: Markdown body, authors and coverage, a preview rendered by the hub's own
 * Markdown renderer (from the saved draft), then publish now or schedule. The draft survives a
 * reload.
 */
export function ArticleEditor() {
  const [{ data }] = useQuery({ query: ArticleOptionsQuery });
  // v2: authors and coverage are kept as {id, name} (drafts of the earlier shape are not read).
  const [form, setForm, clear] = useStoredState("article:v2", EMPTY);
  const [created, create] = useMutation(CreateArticleMutation);
  const [updated, update] = useMutation(UpdateArticleMutation);
  const [published, publish] = useMutation(PublishArticleMutation);
  const [preview, setPreview] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const errors = formErrors(created.error ?? updated.error ?? published.error);
  const set = (patch: Partial<ArticleForm>) => setForm({ ...form, ...patch });
  const publication = form.publication || data?.publications[0]?.id || "";

  /** Saves the draft (creating it the first time) and shows the hub's rendering of it. */
  const save = async (): Promise<{ id: string; version: number } | null> => {
    const fields = {
      title: form.title,
      kind: form.kind,
      publication,
      excerpt: form.excerpt,
      body: form.body,
      authors: form.authors.map(p => p.id),
      sessions: form.sessions.map(s => s.id),
      people: form.people.map(p => p.id),
      conferences: form.conferences.map(c => c.id),
    };
    const article = form.saved
      ? (await update({ input: { id: form.saved.id, version: form.saved.version, ...fields } }))
          .data?.updateArticle
      : (await create({ input: fields })).data?.createArticle.article;
    if (!article) return null;
    const saved = { id: article.id, version: article.version };
    setForm({ ...form, publication, saved });
    setPreview(article.bodyHtml);
    setStatus("Draft saved.");
    return saved;
  };

  const publishAt = async (at: string | null) => {
    const saved = await save();
    if (!saved) return;
    const res = await publish({ id: saved.id, version: saved.version, publishAt: at });
    if (res.data) {
      const when = res.data.publishArticle.publishedAt;
      clear();
      setStatus(
        at
          ? `Scheduled “${form.title}” for ${new Date(when ?? at).toLocaleString()}.`
          : `Published “${form.title}”.`,
      );
    }
  };

  return (
    <main id="main">
      <h1>Write an article</h1>
      <p role="status" class="status">
        {status}
      </p>
      <form
        onSubmit={e => {
          e.preventDefault();
          void save();
        }}
        aria-label="Article"
      >
        <GeneralErrors messages={errors.general} />
        <InputField
          id="article-title"
          label="Title"
          error={errors.fields.title}
          required
          value={form.title}
          onValue={value => set({ title: value })}
        />
        <div class="row">
          <Field id="article-kind" label="Kind" error={errors.fields.kind}>
            {describedBy => (
              <select
                id="article-kind"
                value={form.kind}
                aria-describedby={describedBy}
                onChange={e => set({ kind: e.currentTarget.value as ArticleKind })}
              >
                {KINDS.map(k => (
                  <option key={k} value={k}>
                    {k.replace("_", " ").toLowerCase()}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="article-publication" label="Publication" error={errors.fields.publication}>
            {describedBy => (
              <select
                id="article-publication"
                value={publication}
                aria-describedby={describedBy}
                onChange={e => set({ publication: e.currentTarget.value })}
              >
                {data?.publications.map(p => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <InputField
          id="article-excerpt"
          label="Excerpt"
          error={errors.fields.excerpt}
          value={form.excerpt}
          onValue={value => set({ excerpt: value })}
        />
        <Field
          id="article-body"
          label="Body (Markdown)"
          hint="Save the draft to see it rendered by the hub."
          error={errors.fields.body}
        >
          {(describedBy, invalid) => (
            <textarea
              id="article-body"
              rows={12}
              value={form.body}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={e => set({ body: e.currentTarget.value })}
            />
          )}
        </Field>
        <Picker
          id="article-authors"
          legend="Authors, in byline order"
          searchLabel="Find an author by name"
          query={PersonSearchQuery}
          results={d => d.people.nodes}
          value={form.authors}
          onChange={authors => set({ authors })}
          ordered
          error={errors.fields.authors}
        />
        <Picker
          id="article-sessions"
          legend="Covers sessions"
          searchLabel="Find a session by title"
          query={SessionSearchQuery}
          results={d => d.sessions.nodes.map(x => ({ id: x.id, name: x.title }))}
          value={form.sessions}
          onChange={sessions => set({ sessions })}
          error={errors.fields.sessions}
        />
        <Picker
          id="article-people"
          legend="Covers people"
          searchLabel="Find a covered person by name"
          query={PersonSearchQuery}
          results={d => d.people.nodes}
          value={form.people}
          onChange={people => set({ people })}
          error={errors.fields.people}
        />
        <Picker
          id="article-conferences"
          legend="Covers conferences"
          searchLabel="Find a conference by name"
          query={ConferenceSearchQuery}
          results={d => d.conferences.nodes}
          value={form.conferences}
          onChange={conferences => set({ conferences })}
          error={errors.fields.conferences}
        />
        <button type="submit" disabled={created.fetching || updated.fetching}>
          Save draft and preview
        </button>
        <button type="button" onClick={() => publishAt(null)}>
          Publish now
        </button>
        <div class="row">
          <Field
            id="article-publish-at"
            label="Publish at (your local time)"
            error={errors.fields.publishAt}
          >
            {describedBy => (
              <input
                id="article-publish-at"
                type="datetime-local"
                step={1}
                value={form.publishAt}
                aria-describedby={describedBy}
                onInput={e => set({ publishAt: e.currentTarget.value })}
              />
            )}
          </Field>
          <button
            type="button"
            disabled={!form.publishAt}
            onClick={() => publishAt(new Date(form.publishAt).toISOString())}
          >
            Schedule
          </button>
        </div>
      </form>
      {preview !== null && (
        <section aria-labelledby="preview-heading" class="preview">
          <h2 id="preview-heading">Preview</h2>
          {/* The hub renders Markdown without raw HTML and sanitises it; the page's CSP forbids
              inline scripts besides. */}
          <div dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      )}
    </main>
  );
}
