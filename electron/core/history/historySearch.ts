import { STATE_LABELS } from '../../../shared/callModel';
import type { HistoryEntry } from '../../../shared/history';

/**
 * Everything a search may match, lower-cased once when the entry is loaded: the number as
 * typed and as dialled, the agent or groups, the profile's label and id, the outcome and
 * the vendor's own words (its failure message and raw states).
 */
export function searchText(entry: HistoryEntry): string {
  const { call } = entry;
  const parts: string[] = [entry.profileLabel, call.profileId, call.state, STATE_LABELS[call.state], call.vendor];
  switch (call.target.kind) {
    case 'phone':
      parts.push(call.target.input, call.target.number, digitsOf(call.target.number), call.target.postDial ?? '');
      break;
    case 'agent':
      parts.push(`agent ${call.target.agentId}`, call.target.name ?? '');
      break;
    case 'groups':
      parts.push(...call.target.groupIds.map((id) => `group ${id}`));
      break;
  }
  if (call.from?.agentId) parts.push(`agent ${call.from.agentId}`);
  if (call.failure) parts.push(call.failure.message, call.failure.code);
  for (const step of call.timeline) parts.push(step.rawState, step.sourceEvent);
  return parts.filter(Boolean).join('\n').toLowerCase();
}

function digitsOf(number: string): string {
  return number.replace(/\D/g, '');
}

/** Every whitespace-separated word of the query must appear somewhere in the entry. */
export function queryWords(query: string | undefined): string[] {
  return (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

export function matches(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}
