// Entry point of the embed bundle: defines <crosstalk-sessions> and <crosstalk-speakers> once.
import { CrosstalkSessions } from "./crosstalk-sessions";
import { CrosstalkSpeakers } from "./crosstalk-speakers";

for (const [name, element] of [
  ["crosstalk-sessions", CrosstalkSessions],
  ["crosstalk-speakers", CrosstalkSpeakers],
] as const) {
  if (!customElements.get(name)) customElements.define(name, element);
}

export { CrosstalkSessions, CrosstalkSpeakers };
