import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../../shared/jsonPath';
import { AppConfigSchema, type AppConfig } from './appConfig';
import { ConfigError, loadConfigFile, parseConfig } from './loadConfig';

/**
 * The config loader meets files written by hand: whatever JSON it is given, it returns a
 * valid configuration or throws a ConfigError whose every problem is `path: reason`, and
 * never anything else. A problem names the place that was broken and never echoes a secret.
 */

const ENV = {
  GWS_PASSWORD: 'gws-Secret-0451',
  HW_PASSWORD: 'hw-Secret-0452',
  VCC_TOKEN: 'vcc-Secret-0453',
  IOVOX_KEY: 'iovox-Secret-0454',
  ORACLE_AUTH: 'https://auth.example/ok?ticket=oracle-Secret-0455',
};

/** DESIGN §6's example, every vendor, every secret an `{ env }` reference. */
const EXAMPLE = {
  defaultCountry: 'GB',
  profiles: [
    { id: 'gws', vendor: 'genesys', label: 'Genesys EU', baseUrl: 'https://gws.example:8090', username: 'agent1', password: { env: 'GWS_PASSWORD' } },
    { id: 'hw', vendor: 'huawei', baseUrl: 'https://10.0.0.5:8043', agentId: '40038', password: { env: 'HW_PASSWORD' }, phoneNumber: '40038', allowSelfSignedTls: true },
    { id: 'vcc', vendor: 'vonage', baseUrl: 'https://emea.cc.vonage.com', accountKey: 'a1b2c3d4e5', apiToken: { env: 'VCC_TOKEN' }, agentId: '1234' },
    { id: 'iovox', vendor: 'iovox', baseUrl: 'https://api.iovox.com:444', username: 'rest', secureKey: { env: 'IOVOX_KEY' }, linkId: 'link123' },
    { id: 'oracle', vendor: 'oracle', baseUrl: 'https://api.atgsvcs.com', contactId: '367901', authorizeUrl: { env: 'ORACLE_AUTH' } },
  ],
  directory: { agents: [{ id: '4567', name: 'Sam Agent' }], groups: [{ id: '030', name: 'Sales' }] },
};

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, inner]) => pathsOf(inner, [...prefix, Array.isArray(value) ? Number(key) : key]))];
}

type Edit = { op: 'set'; value: unknown } | { op: 'delete' } | { op: 'add'; key: string; value: unknown };

function edit(value: unknown, path: Path, change: Edit): unknown {
  if (path.length === 0) {
    if (change.op === 'set') return change.value;
    if (change.op === 'add') return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, [change.key]: change.value } : change.value;
    return undefined;
  }
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  if (rest.length === 0 && change.op === 'delete') {
    if (Array.isArray(copy)) (copy as unknown[]).splice(Number(head), 1);
    else delete copy[head];
    return copy;
  }
  copy[head] = edit(copy[head], rest, change);
  return copy;
}

/** What parseConfig did: a valid config, or the problems of a ConfigError. Anything else fails the test. */
function outcome(raw: unknown): { config: AppConfig } | { problems: readonly string[] } {
  try {
    return { config: parseConfig(raw, 'fuzz.json', ENV) };
  } catch (error) {
    if (error instanceof ConfigError) return { problems: error.problems };
    throw error;
  }
}

function checkProblems(problems: readonly string[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem).toMatch(/^(\(top level\)|\(file\)|[A-Za-z_$][^:]*): \S/);
    for (const secret of Object.values(ENV)) expect(problem).not.toContain(secret);
  }
}

const jsonEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ op: 'set' as const, value })),
  fc.constant({ op: 'delete' as const }),
  fc.record({ op: fc.constant('add' as const), key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('password', 'env', 'vendor', '__proto__')), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.constantFrom('', ' ', 'x'.repeat(200), 'genesys', 'oracle', 'http://', 'ftp://x', 'NOT_SET_VARIABLE', '40038', -1, 0, 1e308, true, null).map((value) => ({ op: 'set' as const, value })),
);

describe('config loader, fuzzed', () => {
  it('accepts the example with every vendor', () => {
    expect(outcome(EXAMPLE)).toMatchObject({ config: { profiles: expect.any(Array) } });
  });

  it('turns any JSON value into a valid config or a ConfigError with paths', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (raw) => {
        const result = outcome(raw);
        if ('config' in result) expect(AppConfigSchema.safeParse(raw).success).toBe(true);
        else checkProblems(result.problems);
      }),
      { numRuns: 500 },
    );
  });

  it('names the broken place when one field of a good file is changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pathsOf(EXAMPLE)), jsonEdit, (path, change) => {
        const raw = edit(EXAMPLE, path, change);
        const result = outcome(raw);
        if ('config' in result) return;
        checkProblems(result.problems);
        // A reported path is the changed place, inside it, around it (an object with an unknown
        // key), another field of the same profile (its vendor changed), or a clashing id.
        const changed = formatJsonPath(path);
        const profile = path[0] === 'profiles' && typeof path[1] === 'number' ? `profiles[${path[1]}]` : undefined;
        const related = result.problems.some((problem) => {
          const at = problem.slice(0, problem.indexOf(': '));
          if (path.length === 0 || at === '(top level)' || changed.startsWith(at) || at.startsWith(changed)) return true;
          if (profile && at.startsWith(profile)) return true;
          return path.at(-1) === 'id' && problem.includes('duplicate profile id');
        });
        expect(related).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads any file content as a config or a ConfigError, never another exception', () => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-config-fuzz-'));
    const file = join(dir, 'config.json');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
          fc.nat({ max: JSON.stringify(EXAMPLE).length }).map((cut) => JSON.stringify(EXAMPLE).slice(0, cut)),
        ),
        (text) => {
          writeFileSync(file, text);
          try {
            loadConfigFile(file, ENV);
          } catch (error) {
            expect(error).toBeInstanceOf(ConfigError);
            checkProblems((error as ConfigError).problems);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
