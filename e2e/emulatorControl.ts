/** What an emulator received, read over its `/__sandbox/requests` control route. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

export async function emulatorRequests(baseUrl: string, pathPattern: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${baseUrl}/__sandbox/requests?path=${encodeURIComponent(pathPattern)}`);
  if (!response.ok) throw new Error(`${baseUrl} answered ${response.status} for its request log`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

export async function control(baseUrl: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${baseUrl}/__sandbox/${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? undefined : response.json().catch(() => undefined);
}
