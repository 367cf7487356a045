import type { Page } from '@playwright/test';
import WebSocket from 'ws';

/**
 * A second client of the browser shell's contract socket, playing the operating system's
 * part (Electron's open-url / second-instance call `link.open`): it presents the shell's
 * token from the page URL and the shell's own Origin, as every contract client must.
 */
export async function openLink(page: Page, uri: string): Promise<unknown> {
  const url = new URL(page.url());
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${url.host}/ws?token=${encodeURIComponent(token)}`, { origin: url.origin });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return await new Promise((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number; outcome?: unknown };
        if (message.id === 1) resolve(message.outcome);
      });
      socket.once('error', reject);
      socket.send(JSON.stringify({ id: 1, channel: 'link.open', payload: { uri } }));
    });
  } finally {
    socket.close();
  }
}
