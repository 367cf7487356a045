import { describe, expect, it } from 'vitest';
import { dataDirArgument, userArguments } from './commandLine';

describe('userArguments', () => {
  it('drops the Electron binary and the app directory when unpackaged', () => {
    expect(userArguments(['/x/electron', '/repo', '--config', 'c.json'], false)).toEqual(['--config', 'c.json']);
  });

  it('drops only the executable when packaged', () => {
    expect(userArguments(['/opt/Agent Softphone/agent-softphone', '--config', 'c.json'], true)).toEqual(['--config', 'c.json']);
  });
});

describe('dataDirArgument', () => {
  it.each([
    [['--data-dir', '/tmp/a'], '/tmp/a'],
    [['--config', 'c.json', '--data-dir=/tmp/b'], '/tmp/b'],
    [['--config', 'c.json'], undefined],
  ])('%j → %s', (args, expected) => {
    expect(dataDirArgument(args)).toBe(expected);
  });
});
