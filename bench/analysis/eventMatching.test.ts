import { describe, expect, it } from 'vitest';
import { callKeyIn, latenciesOf, matchChanges, missingFromTimeline, stateChanges, type EmittedChange, type ScreenObservation } from './eventMatching';

const change = (label: string, at: number, callKey = 'A', rawState = label): EmittedChange => ({ callKey, label, rawState, at });
const seen = (label: string | null, at: number, callKey = 'A'): ScreenObservation => ({ callKey, label, at });

describe('stateChanges', () => {
  it('keeps each call’s first event and every change of label, per call', () => {
    const events = [
      change('Dialing', 1),
      change('Dialing', 2, 'B'),
      change('Connected', 3),
      change('Ended', 4, 'A', 'AgentEvent_Customer_Release'),
      change('Ended', 5, 'A', 'AgentEvent_Call_Release'),
      change('Connected', 6, 'B'),
    ];
    expect(stateChanges(events).map((event) => `${event.callKey}:${event.rawState}`)).toEqual(['A:Dialing', 'B:Dialing', 'A:Connected', 'A:AgentEvent_Customer_Release', 'B:Connected']);
  });
});

describe('matchChanges', () => {
  it('times each change to the first observation showing its label', () => {
    const report = matchChanges([change('Dialing', 100), change('Connected', 200)], [seen('Dialing', 104), seen('Connected', 209)]);
    expect(report.changes.map((entry) => [entry.via, entry.screenAt])).toEqual([
      ['own-state', 104],
      ['own-state', 209],
    ]);
    expect(latenciesOf(report.changes)).toEqual([4, 9]);
    expect(report.calls).toEqual([{ callKey: 'A', expectedFinal: 'Connected', lastLabel: 'Connected', finalOnScreen: 'shown' }]);
  });

  it('counts a change hidden by a newer state of the same frame as superseded, on screen with it', () => {
    const report = matchChanges([change('Connected', 100), change('On hold', 110), change('Connected', 120), change('On hold', 130)], [seen('Connected', 105), seen('On hold', 140)]);
    expect(report.changes.map((entry) => [entry.change.at, entry.via, entry.screenAt])).toEqual([
      [100, 'own-state', 105],
      [110, 'own-state', 140],
      [120, 'newer-state', 140],
      [130, 'own-state', 140],
    ].map(([at, via, screenAt]) => [at, via, screenAt]).map((row, index) => (index === 1 ? [110, 'newer-state', 140] : row)));
  });

  it('reads a repeated label as the oldest candidate, so a lagging screen is never flattered', () => {
    // Connected → On hold → Connected: a Connected seen at 250 is taken for the change of 100,
    // not of 200, so the change of 200 waits for a later observation.
    const report = matchChanges([change('Connected', 100), change('On hold', 150), change('Connected', 200)], [seen('Connected', 250), seen('On hold', 260), seen('Connected', 270)]);
    expect(report.changes.map((entry) => entry.screenAt)).toEqual([250, 260, 270]);
  });

  it('ignores an observation older than the change (the state the screen showed before)', () => {
    const report = matchChanges([change('On hold', 100)], [seen('On hold', 90)]);
    expect(report.changes[0]?.screenAt).toBeUndefined();
    expect(report.calls[0]?.finalOnScreen).toBe('wrong');
  });

  it('takes an article leaving the panel as the final change shown, once that change was emitted', () => {
    const report = matchChanges([change('Connected', 100), change('On hold', 150), change('Ended', 200)], [seen('Connected', 110), seen(null, 230)]);
    expect(report.changes.map((entry) => [entry.via, entry.screenAt])).toEqual([
      ['own-state', 110],
      ['left-panel', 230],
      ['left-panel', 230],
    ]);
    expect(report.calls[0]?.finalOnScreen).toBe('left-panel');
  });

  it('does not take a card that left before the final change for that change', () => {
    const report = matchChanges([change('Connected', 100), change('Ended', 200)], [seen('Connected', 110), seen(null, 150)]);
    expect(report.changes[1]?.screenAt).toBeUndefined();
    expect(report.calls[0]?.finalOnScreen).toBe('wrong');
  });

  it('does not take a card leaving as a final state when the last change is not final', () => {
    const report = matchChanges([change('Connected', 100)], [seen(null, 150)]);
    expect(report.changes[0]?.screenAt).toBeUndefined();
  });

  it('reports a change never reached as dropped, and a call never seen as never shown', () => {
    const report = matchChanges([change('Connected', 100), change('On hold', 200), change('Connected', 100, 'B')], [seen('Connected', 110)]);
    expect(report.changes.filter((entry) => entry.screenAt === undefined).map((entry) => `${entry.change.callKey}:${entry.change.label}`)).toEqual(['A:On hold', 'B:Connected']);
    expect(report.calls.map((call) => [call.callKey, call.finalOnScreen])).toEqual([
      ['A', 'wrong'],
      ['B', 'never-shown'],
    ]);
  });

  it('keeps calls apart', () => {
    const report = matchChanges([change('Connected', 100, 'A'), change('Connected', 100, 'B')], [seen('Connected', 105, 'B'), seen('Connected', 120, 'A')]);
    expect(report.changes.map((entry) => [entry.change.callKey, entry.screenAt])).toEqual([
      ['A', 120],
      ['B', 105],
    ]);
  });
});

describe('missingFromTimeline', () => {
  const emitted = [change('Dialing', 1, 'A', 'Dialing'), change('Connected', 2, 'A', 'Established'), change('On hold', 3, 'A', 'Held'), change('Connected', 4, 'A', 'Established')];

  it('finds nothing missing when the timeline holds every change in order, extra entries allowed', () => {
    expect(missingFromTimeline(emitted, ['requested', 'Dialing', 'Established', 'Established · DtmfSent', 'Held', 'Established'])).toEqual([]);
  });

  it('names the changes the timeline lacks', () => {
    expect(missingFromTimeline(emitted, ['Dialing', 'Established']).map((entry) => entry.at)).toEqual([3, 4]);
  });

  it('matches in order: a later entry does not stand for an earlier change', () => {
    expect(missingFromTimeline(emitted, ['Held', 'Dialing', 'Established']).map((entry) => entry.at)).toEqual([3, 4]);
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
