import { create } from 'zustand';

/**
 * Where the focus should go next, asked for by whoever knows (a dial placed a call, a call
 * was hung up) and carried out by whoever owns the element (the call's card, the app with
 * the dialer). Each request has a new sequence number, so asking twice moves focus twice.
 */
interface FocusRequests {
  call: { id: string; seq: number } | undefined;
  numberSeq: number;
}

let seq = 0;

export const useFocusRequests = create<FocusRequests>(() => ({ call: undefined, numberSeq: 0 }));

/** After dialling: to the new call's card, once it is on screen. */
export function requestCallFocus(callId: string): void {
  useFocusRequests.setState({ call: { id: callId, seq: ++seq } });
}

/** After a hang-up: back to the dialer's number box, ready for the next call. */
export function requestNumberFocus(): void {
  useFocusRequests.setState({ numberSeq: ++seq });
}

/** A card took the focus it was asked for: a card shown later must not take it again. */
export function callFocusDone(seq: number): void {
  useFocusRequests.setState((state) => (state.call?.seq === seq ? { call: undefined } : state));
}
