import { FINAL_LABELS } from './expectedStates';

/** A state change the emulator emitted, with the label the screen must come to show. */
export interface EmittedChange {
  callKey: string;
  label: string;
  /** The vendor's own state or event name (the app keeps it in the call's timeline). */
  rawState: string;
  /** Emission time, epoch ms on the bench's clock. */
  at: number;
}

/** The state label a call's article showed from `at` on; `null` when the article left the panel. */
export interface ScreenObservation {
  callKey: string;
  label: string | null;
  at: number;
}

export type Reflection = 'own-state' | 'newer-state' | 'left-panel';

export interface MatchedChange {
  change: EmittedChange;
  /** When the screen first showed this state or a newer one of the same call; absent when it never did. */
  screenAt?: number;
  via?: Reflection;
}

export type FinalOnScreen = 'shown' | 'left-panel' | 'wrong' | 'never-shown';

export interface CallVerdict {
  callKey: string;
  expectedFinal: string;
  lastLabel: string | null | undefined;
  finalOnScreen: FinalOnScreen;
}

export interface MatchReport {
  changes: MatchedChange[];
  calls: CallVerdict[];
}

/**
 * Keeps the events that change what the agent sees: the first event of a call, then each
 * whose label differs from the call's previous one (a second release of an ended call
 * changes nothing on screen). Input in emission order.
 */
export function stateChanges(events: readonly EmittedChange[]): EmittedChange[] {
  const lastLabel = new Map<string, string>();
  return events.filter((event) => {
    const previous = lastLabel.get(event.callKey);
    lastLabel.set(event.callKey, event.label);
    return previous !== event.label;
  });
}

function groupBy<T extends { callKey: string; at: number }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.callKey);
    if (group) group.push(item);
    else groups.set(item.callKey, [item]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.at - b.at);
  return groups;
}

/**
 * Ties each emitted state change to the moment the screen reflected it. The screen of one
 * call only moves forward, so observations are read in order against a cursor (the newest
 * change known to be shown): an observation showing label L means the oldest change after
 * the cursor, emitted before the observation, whose label is L. Choosing the oldest candidate
 * is the conservative reading: latencies are never under-estimated when labels repeat (a
 * call going Connected → On hold → Connected). The changes the cursor jumps over were
 * superseded by a newer state in the same frame: they count as on screen at that moment
 * (the screen is at least that new), not as dropped. An article leaving the panel reflects
 * the call's final change when that change was emitted before it left (the panel keeps only
 * the most recent finished calls). A change never reached by the cursor was dropped.
 */
export function matchChanges(emitted: readonly EmittedChange[], observations: readonly ScreenObservation[]): MatchReport {
  const observationsByCall = groupBy(observations);
  const changes: MatchedChange[] = [];
  const calls: CallVerdict[] = [];

  for (const [callKey, events] of groupBy(emitted)) {
    const seen = observationsByCall.get(callKey) ?? [];
    const matched: MatchedChange[] = events.map((change) => ({ change }));
    const last = events[events.length - 1] as EmittedChange;
    let cursor = -1;
    let lastLabel: string | null | undefined;

    for (const observation of seen) {
      lastLabel = observation.label;
      let shown = -1;
      if (observation.label === null) {
        if (FINAL_LABELS.has(last.label) && last.at <= observation.at) shown = events.length - 1;
      } else {
        for (let index = cursor + 1; index < events.length; index += 1) {
          const candidate = events[index] as EmittedChange;
          if (candidate.at > observation.at) break;
          if (candidate.label === observation.label) {
            shown = index;
            break;
          }
        }
      }
      if (shown <= cursor) continue;
      for (let index = cursor + 1; index <= shown; index += 1) {
        const entry = matched[index] as MatchedChange;
        entry.screenAt = observation.at;
        entry.via = observation.label === null ? 'left-panel' : index === shown ? 'own-state' : 'newer-state';
      }
      cursor = shown;
    }

    changes.push(...matched);
    const finalReached = cursor === events.length - 1;
    let finalOnScreen: FinalOnScreen;
    if (!finalReached) finalOnScreen = lastLabel === undefined ? 'never-shown' : 'wrong';
    else finalOnScreen = lastLabel === null ? 'left-panel' : lastLabel === last.label ? 'shown' : 'wrong';
    calls.push({ callKey, expectedFinal: last.label, lastLabel, finalOnScreen });
  }
  return { changes, calls };
}

/** Latencies (ms) of the changes that reached the screen. */
export function latenciesOf(changes: readonly MatchedChange[]): number[] {
  return changes.flatMap((entry) => (entry.screenAt === undefined ? [] : [entry.screenAt - entry.change.at]));
}

/**
 * How many of a call's emitted state changes are missing from the timeline the renderer last
 * received for it, matched in order by the vendor's raw state. A change the app lost on the
 * way (adapter, core, socket) is missing here even when a later state hid it on screen.
 */
export function missingFromTimeline(emitted: readonly EmittedChange[], timelineRawStates: readonly string[]): number {
  let position = 0;
  let missing = 0;
  for (const change of emitted) {
    let found = -1;
    for (let index = position; index < timelineRawStates.length; index += 1) {
      if (timelineRawStates[index] === change.rawState) {
        found = index;
        break;
      }
    }
    if (found < 0) missing += 1;
    else position = found + 1;
  }
  return missing;
}

/** The call a DOM name or record belongs to: the known key (dialled digits) that appears in it as a run of digits. */
export function callKeyIn(text: string, knownKeys: ReadonlySet<string>): string | undefined {
  for (const run of text.match(/\d+/g) ?? []) if (knownKeys.has(run)) return run;
  return undefined;
}
