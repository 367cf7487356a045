import { describe, expect, it } from 'vitest';
import {
  callKeyIn,
  isDropped,
  latenciesOf,
  matchChanges,
  progressOf,
  stateChanges,
  type EmittedChange,
  type ReceivedRecord,
  type ScreenObservation,
} from './eventMatching';

const LABEL: Record<string, string> = { Dialing: 'Dialing', Established: 'Connected', Held: 'On hold', Released: 'Ended' };
const change = (rawState: string, at: number, callKey = 'A'): EmittedChange => ({ callKey, label: LABEL[rawState] ?? rawState, rawState, at });
/** A copy whose timeline entries were recorded well after every emission (at 10,000). */
const copy = (message: number, timeline: string[], callKey = 'A'): ReceivedRecord => ({
  callKey,
  message,
  label: LABEL[timeline.at(-1) ?? ''] ?? '',
  timeline: timeline.map((rawState) => ({ rawState, at: 10_000 })),
});
const steps = (timeline: string[], at = 10_000) => timeline.map((rawState) => ({ rawState, at }));
const seen = (label: string | null, at: number, messages: number, callKey = 'A'): ScreenObservation => ({ callKey, label, at, messages });
const summary = (report: ReturnType<typeof matchChanges>) => report.changes.map((entry) => [entry.change.rawState, entry.via, entry.screenAt]);

describe('stateChanges', () => {
  it('keeps each call’s first event and every change of label, per call', () => {
    const events: EmittedChange[] = [
      change('Dialing', 1),
      change('Dialing', 2, 'B'),
      change('Established', 3),
      { callKey: 'A', label: 'Ended', rawState: 'AgentEvent_Customer_Release', at: 4 },
      { callKey: 'A', label: 'Ended', rawState: 'AgentEvent_Call_Release', at: 5 },
      change('Established', 6, 'B'),
    ];
    expect(stateChanges(events).map((event) => `${event.callKey}:${event.rawState}`)).toEqual(['A:Dialing', 'B:Dialing', 'A:Established', 'A:AgentEvent_Customer_Release', 'B:Established']);
  });
});

describe('progressOf', () => {
  const emitted = [change('Dialing', 1), change('Established', 2), change('Held', 3), change('Established', 4)];
  it.each([
    { timeline: [], reached: -1, skipped: [] },
    { timeline: ['requested', 'Dialing'], reached: 0, skipped: [] },
    { timeline: ['Dialing', 'Established', 'Established · DtmfSent', 'Held'], reached: 2, skipped: [] },
    { timeline: ['Dialing', 'Established', 'Held', 'Established'], reached: 3, skipped: [] },
    { timeline: ['Dialing', 'Held', 'Established'], reached: 3, skipped: [1] },
    { timeline: ['Held', 'Dialing'], reached: 0, skipped: [] },
  ])('$timeline → reached $reached, skipped $skipped', ({ timeline, reached, skipped }) => {
    expect(progressOf(emitted, steps(timeline))).toEqual({ reached, skipped });
  });

  it('pairs a change only with an entry recorded after it was emitted', () => {
    // The call was connected before the measurement: that Established is not change 3's.
    const before = [{ rawState: 'Established', at: 50 }];
    expect(progressOf([change('Held', 100), change('Established', 200)], before)).toEqual({ reached: -1, skipped: [] });
    expect(progressOf([change('Held', 100), change('Established', 200)], [...before, { rawState: 'Held', at: 103 }])).toEqual({ reached: 0, skipped: [] });
  });

  it('allows the app’s whole-millisecond stamp to look slightly earlier than the emission', () => {
    expect(progressOf([change('Held', 100.7)], [{ rawState: 'Held', at: 100 }]).reached).toBe(0);
    expect(progressOf([change('Held', 100.7)], [{ rawState: 'Held', at: 97 }]).reached).toBe(-1);
  });
});

describe('matchChanges', () => {
  it('times each change to the first observation whose copy of the call holds it', () => {
    const report = matchChanges([change('Dialing', 100), change('Established', 200)], [copy(1, ['Dialing']), copy(2, ['Dialing', 'Established'])], [seen('Dialing', 104, 1), seen('Connected', 209, 2)]);
    expect(summary(report)).toEqual([
      ['Dialing', 'own-state', 104],
      ['Established', 'own-state', 209],
    ]);
    expect(latenciesOf(report.changes)).toEqual([4, 9]);
    expect(report.calls).toEqual([{ callKey: 'A', expectedFinal: 'Connected', rendererFinal: 'Connected', finalOnScreen: 'shown', missingInRenderer: 0 }]);
    expect(report.changes.some(isDropped)).toBe(false);
  });

  it('counts changes applied in one frame with a newer one as superseded, shown with it', () => {
    const report = matchChanges(
      [change('Established', 100), change('Held', 110), change('Established', 120)],
      [copy(1, ['Established']), copy(2, ['Established', 'Held', 'Established'])],
      // The label reads Connected before and after: only the message count says the screen moved on.
      [seen('Connected', 105, 1), seen('Connected', 130, 2)],
    );
    expect(summary(report)).toEqual([
      ['Established', 'own-state', 105],
      ['Held', 'newer-state', 130],
      ['Established', 'own-state', 130],
    ]);
  });

  it('tells repeated labels apart by the copy shown, however far the screen lags', () => {
    const report = matchChanges(
      [change('Established', 100), change('Held', 150), change('Established', 200)],
      [copy(1, ['Established']), copy(2, ['Established', 'Held']), copy(3, ['Established', 'Held', 'Established'])],
      [seen('Connected', 250, 1), seen('On hold', 260, 2), seen('Connected', 270, 3)],
    );
    expect(report.changes.map((entry) => entry.screenAt)).toEqual([250, 260, 270]);
  });

  it('uses the copy received by the time of the observation, not a later one', () => {
    const report = matchChanges([change('Established', 100), change('Held', 150)], [copy(5, ['Established']), copy(9, ['Established', 'Held'])], [seen('Connected', 120, 7)]);
    expect(summary(report)).toEqual([
      ['Established', 'own-state', 120],
      ['Held', undefined, undefined],
    ]);
    expect(report.calls[0]?.finalOnScreen).toBe('wrong');
  });

  it('ignores and counts an observation that contradicts its copy (the probe’s self-check)', () => {
    const report = matchChanges([change('Established', 100)], [copy(1, ['Established'])], [seen('On hold', 120, 1), seen('Connected', 130, 1)]);
    expect(report.inconsistent).toBe(1);
    expect(report.changes[0]?.screenAt).toBe(130);
  });

  it('takes a card leaving the panel as its copy’s final state shown', () => {
    const report = matchChanges(
      [change('Established', 100), change('Held', 150), change('Released', 200)],
      [copy(1, ['Established']), copy(2, ['Established', 'Held', 'Released'])],
      [seen('Connected', 110, 1), seen(null, 230, 2)],
    );
    expect(summary(report)).toEqual([
      ['Established', 'own-state', 110],
      ['Held', 'left-panel', 230],
      ['Released', 'left-panel', 230],
    ]);
    expect(report.calls[0]).toMatchObject({ finalOnScreen: 'left-panel', rendererFinal: 'Ended' });
  });

  it('does not credit a card that left before its copy held the final change', () => {
    const report = matchChanges([change('Established', 100), change('Released', 200)], [copy(1, ['Established']), copy(3, ['Established', 'Released'])], [seen('Connected', 110, 1), seen(null, 150, 2)]);
    expect(report.changes[1]?.screenAt).toBeUndefined();
    expect(report.calls[0]?.finalOnScreen).toBe('wrong');
  });

  it('drops a change the renderer never received, even when a newer state hid it on screen', () => {
    const report = matchChanges(
      [change('Dialing', 100), change('Established', 150), change('Held', 200), change('Released', 250)],
      [copy(1, ['Dialing', 'Established']), copy(2, ['Dialing', 'Established', 'Released'])],
      [seen('Connected', 160, 1), seen('Ended', 260, 2)],
    );
    expect(report.changes.map((entry) => [entry.change.rawState, entry.inRenderer, isDropped(entry)])).toEqual([
      ['Dialing', true, false],
      ['Established', true, false],
      ['Held', false, true],
      ['Released', true, false],
    ]);
    expect(report.calls[0]?.missingInRenderer).toBe(1);
  });

  it('reports a call the screen never showed, and keeps calls apart', () => {
    const report = matchChanges(
      [change('Established', 100, 'A'), change('Established', 100, 'B'), change('Established', 100, 'C')],
      [copy(1, ['Established'], 'A'), copy(2, ['Established'], 'B')],
      [seen('Connected', 120, 2, 'B'), seen('Connected', 105, 1, 'A')],
    );
    expect(report.changes.map((entry) => [entry.change.callKey, entry.screenAt])).toEqual([
      ['A', 105],
      ['B', 120],
      ['C', undefined],
    ]);
    expect(report.calls.map((call) => [call.callKey, call.finalOnScreen, call.missingInRenderer])).toEqual([
      ['A', 'shown', 0],
      ['B', 'shown', 0],
      ['C', 'never-shown', 1],
    ]);
  });
});

describe('callKeyIn', () => {
  const keys = new Set(['01134960001', '442079460003', '610001']);
  it.each([
    { name: 'Call to 0113 496 0001 (+441134960001)', expected: '01134960001' },
    { name: 'Call to +442079460003', expected: '442079460003' },
    { name: 'Call to +44 20 7946 0003', expected: '442079460003' },
    { name: 'Call to 610001', expected: '610001' },
    { name: 'Call to 6100012', expected: undefined },
    { name: 'Call to agent 4567 (Sam Agent)', expected: undefined },
  ])('$name → $expected', ({ name, expected }) => {
    expect(callKeyIn(name, keys)).toBe(expected);
  });
});
