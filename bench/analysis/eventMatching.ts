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

/** One entry of a call's timeline: the vendor's raw state and when the app recorded it (bench clock). */
export interface TimelineStep {
  rawState: string;
  at: number;
}

/** A copy of a call the renderer received: the `message`-th message on its contract socket carried it. */
export interface ReceivedRecord {
  callKey: string;
  message: number;
  label: string;
  timeline: readonly TimelineStep[];
}

/**
 * How much earlier than an emission the app's record of it may look: the app stamps its
 * timeline with the wall clock in whole milliseconds, the emulators with a sub-millisecond one.
 */
export const CLOCK_TOLERANCE_MS = 2;

/**
 * A call's article as the page saw it right after a change of the DOM: the label it shows
 * (`null`: the article left the page) and how many socket messages the renderer had received
 * by then. The renderer applies every message received before a frame in that frame, so the
 * count names the copy of the call the article shows.
 */
export interface ScreenObservation {
  callKey: string;
  label: string | null;
  at: number;
  messages: number;
}

export type Reflection = 'own-state' | 'newer-state' | 'left-panel';

export interface MatchedChange {
  change: EmittedChange;
  /** The renderer's last copy of the call holds this change; false: it was lost before the renderer. */
  inRenderer: boolean;
  /** When the first copy holding this change reached the page (its socket message arrived). */
  receivedAt?: number;
  /** When the screen first showed this change or a newer one of the same call; absent when it never did. */
  screenAt?: number;
  via?: Reflection;
}

export type FinalOnScreen = 'shown' | 'left-panel' | 'wrong' | 'never-shown';

export interface CallVerdict {
  callKey: string;
  expectedFinal: string;
  /** State label of the last copy of the call the renderer received. */
  rendererFinal: string | undefined;
  finalOnScreen: FinalOnScreen;
  /** Emitted changes missing from the renderer's last copy of the call (lost on the way). */
  missingInRenderer: number;
}

export interface MatchReport {
  changes: MatchedChange[];
  calls: CallVerdict[];
  /** Observations whose label is not the state of the copy they were tied to: the probe's self-check, 0 when sound. */
  inconsistent: number;
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

/**
 * How far a copy of a call has got: the emitted changes aligned with its timeline (a longest
 * common subsequence, so one lost change among alternating states costs only itself). A
 * change pairs with an entry of the same raw state recorded after it was emitted; entries of
 * the app's own (`requested`) or from before the measurement pair with nothing. Returns the
 * index of the last change the copy holds (-1: none) and the indices before it that it lacks
 * (lost on the way).
 */
export function progressOf(emitted: readonly EmittedChange[], timeline: readonly TimelineStep[]): { reached: number; skipped: number[] } {
  const rows = emitted.length;
  const columns = timeline.length;
  const pairs = (change: EmittedChange, step: TimelineStep | undefined): boolean =>
    step !== undefined && step.rawState === change.rawState && step.at >= change.at - CLOCK_TOLERANCE_MS;
  const width = columns + 1;
  const length = new Uint16Array((rows + 1) * width);
  for (let row = 1; row <= rows; row += 1) {
    const change = emitted[row - 1] as EmittedChange;
    for (let column = 1; column <= columns; column += 1) {
      length[row * width + column] =
        pairs(change, timeline[column - 1])
          ? (length[(row - 1) * width + column - 1] as number) + 1
          : Math.max(length[(row - 1) * width + column] as number, length[row * width + column - 1] as number);
    }
  }
  const held = new Set<number>();
  // Of the longest alignments, the one holding the earliest changes: a copy is the start of the
  // call's story, so its last Connected is the first one not yet held, not a later one.
  for (let row = rows, column = columns; row > 0 && column > 0; ) {
    const here = length[row * width + column] as number;
    if ((length[(row - 1) * width + column] as number) === here) row -= 1;
    else if (pairs(emitted[row - 1] as EmittedChange, timeline[column - 1])) {
      held.add(row - 1);
      row -= 1;
      column -= 1;
    } else column -= 1;
  }
  const reached = held.size === 0 ? -1 : Math.max(...held);
  const skipped: number[] = [];
  for (let index = 0; index < reached; index += 1) if (!held.has(index)) skipped.push(index);
  return { reached, skipped };
}

function groupByCall<T extends { callKey: string }>(items: readonly T[], order: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.callKey);
    if (group) group.push(item);
    else groups.set(item.callKey, [item]);
  }
  for (const group of groups.values()) group.sort(order);
  return groups;
}

interface Progress {
  message: number;
  reached: number;
  label: string;
}

/** The copy in force after `messages` messages: the last one received at or before it. */
function progressAt(progression: readonly Progress[], messages: number): Progress | undefined {
  let low = 0;
  let high = progression.length - 1;
  let found: Progress | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = progression[middle] as Progress;
    if (entry.message <= messages) {
      found = entry;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * Ties each emitted change to the moment the screen reflected it. Each observation names the
 * copy of the call the article shows (by the socket message count); that copy's timeline says
 * which emitted changes it holds. A change is on screen at the first observation whose copy
 * holds it: as its own state, or through a newer state of the same call (both applied in one
 * frame: superseded, not dropped). An article leaving the panel shows its copy's final state
 * (the panel keeps the most recent finished calls). A change is dropped when no observation
 * reached it, or when the renderer's last copy of the call lacks it (lost on the way, even if
 * a newer state hid that on screen).
 */
export function matchChanges(
  emitted: readonly EmittedChange[],
  received: readonly ReceivedRecord[],
  observations: readonly ScreenObservation[],
  messageArrival: (message: number) => number | undefined = () => undefined,
): MatchReport {
  const changesByCall = groupByCall(emitted, (a, b) => a.at - b.at);
  const receivedByCall = groupByCall(received, (a, b) => a.message - b.message);
  const observationsByCall = groupByCall(observations, (a, b) => a.at - b.at);
  const changes: MatchedChange[] = [];
  const calls: CallVerdict[] = [];
  let inconsistent = 0;

  for (const [callKey, events] of changesByCall) {
    const progression: Progress[] = (receivedByCall.get(callKey) ?? []).map((record) => ({
      message: record.message,
      reached: progressOf(events, record.timeline).reached,
      label: record.label,
    }));
    const lastCopy = (receivedByCall.get(callKey) ?? []).at(-1);
    const finalProgress = lastCopy ? progressOf(events, lastCopy.timeline) : { reached: -1, skipped: [] };
    const lost = new Set(finalProgress.skipped);
    const matched: MatchedChange[] = events.map((change, index) => ({ change, inRenderer: index <= finalProgress.reached && !lost.has(index) }));
    let copyIndex = 0;
    matched.forEach((entry, index) => {
      while (copyIndex < progression.length && (progression[copyIndex] as Progress).reached < index) copyIndex += 1;
      const first = progression[copyIndex];
      const arrival = first ? messageArrival(first.message) : undefined;
      if (arrival !== undefined) entry.receivedAt = arrival;
    });
    const last = events[events.length - 1] as EmittedChange;
    let cursor = -1;
    let lastSeen: { label: string | null; reached: number } | undefined;

    for (const observation of observationsByCall.get(callKey) ?? []) {
      const copy = progressAt(progression, observation.messages);
      if (!copy) continue;
      if (observation.label !== null && observation.label !== copy.label) {
        inconsistent += 1;
        continue;
      }
      lastSeen = { label: observation.label, reached: copy.reached };
      for (let index = cursor + 1; index <= copy.reached; index += 1) {
        const entry = matched[index] as MatchedChange;
        entry.screenAt = observation.at;
        entry.via = observation.label === null ? 'left-panel' : index === copy.reached ? 'own-state' : 'newer-state';
      }
      cursor = Math.max(cursor, copy.reached);
    }

    const missingInRenderer = matched.filter((entry) => !entry.inRenderer).length;
    let finalOnScreen: FinalOnScreen = 'never-shown';
    if (lastSeen) {
      const complete = lastSeen.reached === events.length - 1;
      if (complete && lastSeen.label === null && FINAL_LABELS.has(last.label)) finalOnScreen = 'left-panel';
      else if (complete && lastSeen.label === last.label) finalOnScreen = 'shown';
      else finalOnScreen = 'wrong';
    }
    changes.push(...matched);
    calls.push({ callKey, expectedFinal: last.label, rendererFinal: lastCopy?.label, finalOnScreen, missingInRenderer });
  }
  return { changes, calls, inconsistent };
}

export const isDropped = (entry: MatchedChange): boolean => entry.screenAt === undefined || !entry.inRenderer;

/** Latencies (ms) of the changes that reached the screen. */
export function latenciesOf(changes: readonly MatchedChange[]): number[] {
  return changes.flatMap((entry) => (entry.screenAt === undefined ? [] : [entry.screenAt - entry.change.at]));
}

/**
 * Where the time went, for changes that reached the screen: emission → the page received the
 * message carrying it (emulator, adapter, core, socket), and that arrival → on screen (the
 * renderer: buffering to the next frame, React, layout).
 */
export function latencySplit(changes: readonly MatchedChange[]): { toPage: number[]; inPage: number[] } {
  const toPage: number[] = [];
  const inPage: number[] = [];
  for (const entry of changes) {
    if (entry.screenAt === undefined || entry.receivedAt === undefined) continue;
    toPage.push(entry.receivedAt - entry.change.at);
    inPage.push(entry.screenAt - entry.receivedAt);
  }
  return { toPage, inPage };
}

/**
 * The call a DOM name belongs to: the known key (a number's digits) that appears in it as a
 * whole number, however the app grouped the digits ("0113 496 0001", "+44 113 …").
 */
export function callKeyIn(text: string, knownKeys: ReadonlySet<string>): string | undefined {
  const joined = text.replace(/(\d)[\s.-]+(?=\d)/g, '$1');
  for (const run of joined.match(/\d+/g) ?? []) if (knownKeys.has(run)) return run;
  return undefined;
}
