import { useEffect, useMemo, useRef } from "preact/hooks";
import { useQuery } from "@urql/preact";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartDataset,
} from "chart.js";
import { graphql } from "./gql";
import type { StudioDashboardQuery } from "./gql/graphql";

// Only the parts of Chart.js the dashboard draws, so the bundle carries no more.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const ConferencesQuery = graphql(`
  query StudioDashboardConferences {
    conferences(first: 100) {
      nodes {
        id
        slug
        name
      }
    }
  }
`);

const DashboardQuery = graphql(`
  query StudioDashboard($slug: String!) {
    conference(slug: $slug) {
      ...DashboardProgram
      colocatedWith {
        ...DashboardProgram
      }
    }
    comments(status: PENDING, first: 1) {
      totalCount
    }
  }

  fragment DashboardProgram on Conference {
    id
    name
    community {
      id
      name
    }
    stats {
      sessionCount
      crossCommunitySessionCount
      crossCommunityShare
    }
    days {
      date
      sessions {
        id
      }
    }
  }
`);

type Program = NonNullable<StudioDashboardQuery["conference"]>["colocatedWith"][number];

/** Distinguishable colours for the series (dark enough on white). */
const COLOURS = ["#1f5fa8", "#b5521b", "#2e7d32", "#7b3fa0"];

/** A bar chart drawn by Chart.js on a canvas, described for screen readers by `label`. */
function BarChart({
  label,
  labels,
  datasets,
  stacked = false,
  percent = false,
}: {
  label: string;
  labels: string[];
  datasets: ChartDataset<"bar", number[]>[];
  stacked?: boolean;
  percent?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: { labels, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked },
          y: {
            stacked,
            beginAtZero: true,
            ...(percent ? { max: 100, ticks: { callback: v => `${String(v)} %` } } : {}),
          },
        },
      },
    });
    return () => chart.destroy();
  }, [label, labels, datasets, stacked, percent]);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

/** Sessions per day, one series per community: a combined session counts once per community. */
function perDayAndCommunity(programs: Program[]) {
  const days = [...new Set(programs.flatMap(p => p.days.map(d => d.date)))].sort();
  const communities = new Map<string, { name: string; byDay: Map<string, Set<string>> }>();
  for (const program of programs) {
    const entry = communities.get(program.community.id) ?? {
      name: program.community.name,
      byDay: new Map<string, Set<string>>(),
    };
    communities.set(program.community.id, entry);
    for (const day of program.days) {
      const ids = entry.byDay.get(day.date) ?? new Set<string>();
      for (const s of day.sessions) ids.add(s.id);
      entry.byDay.set(day.date, ids);
    }
  }
  return {
    days,
    series: [...communities.values()].map(c => ({
      name: c.name,
      counts: days.map(d => c.byDay.get(d)?.size ?? 0),
    })),
  };
}

/** Picks a conference, then shows charts of its program (with co-located programs) and the queue. */
export function Dashboard({ slug }: { slug: string | null }) {
  const [{ data: list }] = useQuery({ query: ConferencesQuery });
  const chosen = slug ?? list?.conferences.nodes[0]?.slug ?? null;
  return (
    <main id="main">
      <h1>Dashboard</h1>
      <div class="field inline">
        <label for="dashboard-conference">Conference</label>
        <select
          id="dashboard-conference"
          value={chosen ?? ""}
          onChange={e => (location.hash = `#/dashboard/${e.currentTarget.value}`)}
        >
          {list?.conferences.nodes.map(c => (
            <option key={c.id} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {chosen && <Charts slug={chosen} />}
    </main>
  );
}

function Charts({ slug }: { slug: string }) {
  const [{ data, error }] = useQuery({
    query: DashboardQuery,
    variables: { slug },
    requestPolicy: "cache-and-network",
  });
  const conference = data?.conference;
  const programs = useMemo(
    () => (conference ? [conference, ...conference.colocatedWith] : []),
    [conference],
  );
  const perDay = useMemo(() => perDayAndCommunity(programs), [programs]);
  const dayDatasets = useMemo(
    () =>
      perDay.series.map((s, i) => ({
        label: s.name,
        data: s.counts,
        backgroundColor: COLOURS[i % COLOURS.length],
      })),
    [perDay],
  );
  const shareDatasets = useMemo(
    () => [
      {
        label: "Cross-community share",
        data: programs.map(p => Math.round(p.stats.crossCommunityShare * 1000) / 10),
        backgroundColor: COLOURS[0],
      },
    ],
    [programs],
  );
  const programNames = useMemo(() => programs.map(p => p.name), [programs]);

  if (error) return <p class="error-box">{error.message}</p>;
  if (!data) return <p class="loading">Loading…</p>;
  if (!conference) return <p>No such conference.</p>;
  const pending = data.comments.totalCount;

  return (
    <>
      <section aria-labelledby="dash-pending">
        <h2 id="dash-pending">Comments awaiting moderation</h2>
        <p class="figure">
          <strong>{pending}</strong> pending{" "}
          <a href="#/moderation">{pending === 1 ? "comment" : "comments"} in the queue</a>
        </p>
      </section>

      <section aria-labelledby="dash-days">
        <h2 id="dash-days">Sessions per day and community</h2>
        <BarChart
          label={`Sessions per day of ${programNames.join(" and ")}, by community`}
          labels={perDay.days}
          datasets={dayDatasets}
          stacked
        />
        <table class="chart-data">
          <caption class="visually-hidden">Sessions per day and community</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {perDay.series.map(s => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {perDay.days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {perDay.series.map(s => (
                  <td key={s.name}>{s.counts[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="dash-share">
        <h2 id="dash-share">Cross-community share</h2>
        <BarChart
          label="Share of each program's sessions aimed at more than one community, in percent"
          labels={programNames}
          datasets={shareDatasets}
          percent
        />
        <table class="chart-data">
          <caption class="visually-hidden">Cross-community sessions per program</caption>
          <thead>
            <tr>
              <th scope="col">Program</th>
              <th scope="col">Sessions</th>
              <th scope="col">Cross-community</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {programs.map((p, i) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.stats.sessionCount}</td>
                <td>{p.stats.crossCommunitySessionCount}</td>
                <td>{shareDatasets[0].data[i]} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
