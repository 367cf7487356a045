import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../../shared/jsonPath';
import { ConfigError, loadConfigFile, parseConfig } from './loadConfig';

const genesys = { id: 'gws', vendor: 'genesys', label: 'Genesys EU', baseUrl: 'https://gws.example:8090', username: 'agent1', password: { env: 'GWS_PASSWORD' } };

function problemsOf(raw: unknown, env: NodeJS.ProcessEnv = { GWS_PASSWORD: 'x' }): readonly string[] {
  try {
    parseConfig(raw, 'test.json', env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config loader', () => {
  it.each([
    [[], '(top level)'],
    [['profiles', 1, 'password', 'env'], 'profiles[1].password.env'],
    [['directory', 'agents', 0, 'id'], 'directory.agents[0].id'],
  ])('formats %j as %s', (path, expected) => {
    expect(formatJsonPath(path)).toBe(expected);
  });

  it('accepts the design example for Genesys and fills defaults', () => {
    const config = parseConfig({ defaultCountry: 'GB', profiles: [genesys] }, 'test.json', { GWS_PASSWORD: 'x' });
    expect(config.profiles[0]?.vendor).toBe('genesys');
    expect(config.directory).toEqual({ agents: [], groups: [] });
  });

  it.each([
    ['a profile without baseUrl', { profiles: [{ ...genesys, baseUrl: undefined }] }, 'profiles[0].baseUrl'],
    ['a baseUrl that is not a URL', { profiles: [{ ...genesys, baseUrl: 'gws.example' }] }, 'profiles[0].baseUrl'],
    ['an unknown vendor', { profiles: [{ ...genesys, vendor: 'avaya' }] }, 'profiles[0].vendor'],
    ['a password in plain text', { profiles: [{ ...genesys, password: 'hunter2' }] }, 'profiles[0].password'],
    ['an unknown country', { defaultCountry: 'XX', profiles: [genesys] }, 'defaultCountry'],
    ['no profiles', { profiles: [] }, 'profiles'],
    ['an unknown top-level field', { profiles: [genesys], colour: 'blue' }, '(top level)'],
    ['duplicate profile ids', { profiles: [genesys, genesys] }, 'profiles[1].id'],
  ])('rejects %s, naming the JSON path', (_name, raw, path) => {
    const problems = problemsOf(raw);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((problem) => problem.startsWith(`${path}:`))).toBe(true);
  });

  it('refuses to start when a referenced environment variable is missing', () => {
    expect(problemsOf({ profiles: [genesys] }, {})).toEqual(['profiles[0].password.env: environment variable GWS_PASSWORD is not set']);
  });

  it('reports unreadable files and invalid JSON with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-config-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "profiles": [ }');
    expect(() => loadConfigFile(file, {})).toThrow(/not valid JSON/);
    expect(() => loadConfigFile(join(dir, 'missing.json'), {})).toThrow(/cannot be read \(ENOENT\)/);
  });
});
