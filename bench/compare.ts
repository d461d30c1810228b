import type { Dataset } from "./data/generate";
import type { Scale } from "./data/scale";
import { body, getPath, type Cursors, type Operation, type Request } from "./operations";

/**
 * Sends one operation to `<base>/graphql` (POST, or GET when the request says so); returns the status,
 * the body exactly as sent and the ETag.
 */
export async function post(
  base: string,
  request: Request,
): Promise<{ status: number; text: string; etag: string | null }> {
  const res = request.get
    ? await fetch(`${base}${getPath(request)}`, { headers: request.headers })
    : await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...request.headers },
        body: body(request),
      });
  return { status: res.status, text: await res.text(), etag: res.headers.get("etag") };
}

interface WalkInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface WalkData {
  conference: { sessions: { pageInfo: WalkInfo } };
  articles: { pageInfo: WalkInfo };
}

async function postData(base: string, request: Request): Promise<WalkData> {
  const { status, text } = await post(base, request);
  const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (status !== 200 || parsed.errors) {
    throw new Error(
      `${base} answered ${request.operationName} with ${status}: ${text.slice(0, 500)}`,
    );
  }
  return parsed.data as WalkData;
}

/**
 * Cursors placed exactly after `targets` rows (sorted, > 0), obtained by walking the connection with
 * `after` in steps of up to 100 rows: real cursors, issued by the server being measured.
 */
async function walk(
  page: (
    first: number,
    after: string | null,
  ) => Promise<{ hasNextPage: boolean; endCursor: string | null }>,
  targets: number[],
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  let position = 0;
  let after: string | null = null;
  for (const target of [...targets].sort((a, b) => a - b)) {
    while (position < target) {
      const step = Math.min(100, target - position);
      const info = await page(step, after);
      if (!info.endCursor || (!info.hasNextPage && position + step < target)) {
        throw new Error(`the connection ends before row ${target}`);
      }
      after = info.endCursor;
      position += step;
    }
    found.set(target, after as string);
  }
  return found;
}

/** Walks one server's program and article list to the measured deep pages. */
export async function walkCursors(base: string, scale: Scale, data: Dataset): Promise<Cursors> {
  const program = await walk(
    async (first, after) =>
      (
        await postData(base, {
          operationName: "ProgramWalk",
          variables: { slug: data.programSlug, first, after },
        })
      ).conference.sessions.pageInfo,
    [scale.deepProgramOffset],
  );
  const positions = scale.articlePages.map(p => (p - 1) * scale.articlePageSize);
  const articles = await walk(
    async (first, after) =>
      (await postData(base, { operationName: "ArticlesWalk", variables: { first, after } }))
        .articles.pageInfo,
    positions.filter(p => p > 0),
  );
  return {
    program: program.get(scale.deepProgramOffset) ?? null,
    articles: Object.fromEntries(
      scale.articlePages.map((page, i) => [page, articles.get(positions[i]) ?? null]),
    ),
  };
}

/** Thrown when the ceiling's bytes differ from Crosstalk's; the message carries a diff. */
export class MismatchError extends Error {}

/** Where two texts first differ, with context, and the first differing lines of both, pretty-printed. */
export function describeDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 120), i + 120));
  const pretty = (s: string) => {
    try {
      return JSON.stringify(JSON.parse(s), null, 2).split("\n");
    } catch {
      return s.split("\n");
    }
  };
  const a = pretty(expected);
  const b = pretty(actual);
  const lines: string[] = [];
  for (let n = 0; n < Math.max(a.length, b.length) && lines.length < 30; n++) {
    if (a[n] !== b[n])
      lines.push(
        `line ${n + 1}:\n  - crosstalk: ${a[n] ?? "(none)"}\n  + ceiling:   ${b[n] ?? "(none)"}`,
      );
  }
  return [
    `first difference at byte ${i} (lengths ${expected.length} and ${actual.length})`,
    `  crosstalk: ${around(expected)}`,
    `  ceiling:   ${around(actual)}`,
    ...lines,
  ].join("\n");
}

/**
 * Sends every request of every operation to both servers (each with its own cursors) and requires
 * byte-identical bodies and status 200 without errors. Returns the response sizes; throws
 * MismatchError with a diff at the first difference.
 */
export async function compareAll(
  crosstalk: { base: string; cursors: Cursors },
  ceiling: { base: string; cursors: Cursors },
  ops: Operation[],
): Promise<{ name: string; bytes: number }[]> {
  const sizes: { name: string; bytes: number }[] = [];
  for (const op of ops) {
    const mine = op.requests(crosstalk.cursors);
    const theirs = op.requests(ceiling.cursors);
    let bytes = 0;
    for (let i = 0; i < mine.length; i++) {
      const [x, c] = await Promise.all([
        post(crosstalk.base, mine[i]),
        post(ceiling.base, theirs[i]),
      ]);
      if (x.status !== 200 || /"errors"\s*:/.test(x.text)) {
        throw new MismatchError(
          `${op.name}: Crosstalk answered ${x.status}: ${x.text.slice(0, 1000)}`,
        );
      }
      if (x.text !== c.text || c.status !== x.status) {
        throw new MismatchError(
          `${op.name} (${mine[i].operationName}): the ceiling's answer differs from Crosstalk's\n${describeDifference(x.text, c.text)}`,
        );
      }
      bytes += x.text.length;
    }
    sizes.push({ name: op.name, bytes });
  }
  return sizes;
}
