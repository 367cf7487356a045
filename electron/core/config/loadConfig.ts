import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { formatJsonPath } from '../../../shared/jsonPath';
import { AppConfigSchema, type AppConfig } from './appConfig';
import { ConfigError } from './configError';

export { ConfigError };

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`);
}

/**
 * Validates a parsed config and checks that every `{ "env": NAME }` secret is set, so nothing
 * starts half-configured.
 */
export function parseConfig(raw: unknown, source: string, env: NodeJS.ProcessEnv): AppConfig {
  const parsed = AppConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(source, describeIssues(parsed.error.issues));
  const missing: string[] = [];
  parsed.data.profiles.forEach((profile, index) => {
    for (const [field, value] of Object.entries(profile)) {
      if (isEnvRef(value) && !env[value.env]) {
        missing.push(`profiles[${index}].${field}.env: environment variable ${value.env} is not set`);
      }
    }
  });
  if (missing.length > 0) throw new ConfigError(source, missing);
  return parsed.data;
}

export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [`(file): cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [`(file): not valid JSON (${(error as Error).message})`]);
  }
  return parseConfig(raw, path, env);
}

function isEnvRef(value: unknown): value is { env: string } {
  return typeof value === 'object' && value !== null && typeof (value as { env?: unknown }).env === 'string';
}
