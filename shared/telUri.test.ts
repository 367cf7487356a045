import { describe, expect, it } from 'vitest';
import { looksLikeTelUri, parseTelUri, type TelLink } from './telUri';

describe('parseTelUri: links that are dialled', () => {
  const accepted: Array<[string, TelLink]> = [
    // The vendor desktops' bug: the visual separators cut the number after "+1".
    ['tel:+1-213-373-4253', { scheme: 'tel', number: '+12133734253', global: true }],
    ['tel:+44-20-7206-8888;ext=123', { scheme: 'tel', number: '+442072068888', global: true, extension: '123', postDial: ',123' }],
    ['tel:7042;phone-context=example.com', { scheme: 'tel', number: '7042', global: false, context: 'example.com' }],
    ['tel:+1.213.373.4253', { scheme: 'tel', number: '+12133734253', global: true }],
    ['tel:+1(213)373-4253', { scheme: 'tel', number: '+12133734253', global: true }],
    ['TEL:+44-20-7206-8888;EXT=12', { scheme: 'tel', number: '+442072068888', global: true, extension: '12', postDial: ',12' }],
    // RFC 3966 §5.1.5: a numeric context is the number's prefix.
    ['tel:863-1234;phone-context=+1-914-555', { scheme: 'tel', number: '+19145558631234', global: true, context: '+1-914-555' }],
    ['tel:*31#;phone-context=example.com', { scheme: 'tel', number: '*31#', global: false, context: 'example.com' }],
    // Percent-encoding, as RFC 3966 requires for "#" and as browsers do for spaces.
    ['tel:%2B1-213-373-4253', { scheme: 'tel', number: '+12133734253', global: true }],
    ['tel:*31%23;phone-context=example.com', { scheme: 'tel', number: '*31#', global: false, context: 'example.com' }],
    ['tel:+44%2020%207206%208888', { scheme: 'tel', number: '+442072068888', global: true }],
    ['tel:+44 20 7206 8888', { scheme: 'tel', number: '+442072068888', global: true }],
    // Post-dial digits: RFC 2806's ;postd=, p = pause, w = wait (a pause here).
    ['tel:+442072068888;postd=pp1w2%23', { scheme: 'tel', number: '+442072068888', global: true, postDial: ',,1,2#' }],
    ['tel:+442072068888;ext=123;postd=p4', { scheme: 'tel', number: '+442072068888', global: true, extension: '123', postDial: ',123,4' }],
    // Ignored: the ISDN subaddress and parameters the softphone has no use for.
    ['tel:+442072068888;isub=1411', { scheme: 'tel', number: '+442072068888', global: true }],
    ['tel:+12133734253;tsp=example.net;npdi', { scheme: 'tel', number: '+12133734253', global: true }],
    // Common in CRMs: a local number without a context, read with the default country later.
    ['tel:02072068888', { scheme: 'tel', number: '02072068888', global: false }],
    ['tel://+12133734253', { scheme: 'tel', number: '+12133734253', global: true }],
    ['callto:+441234567890', { scheme: 'callto', number: '+441234567890', global: true }],
    ['callto://+44-20-7206-8888', { scheme: 'callto', number: '+442072068888', global: true }],
    ['callto://+442072068888/', { scheme: 'callto', number: '+442072068888', global: true }],
    ['callto:0044%2020%207206%208888', { scheme: 'callto', number: '00442072068888', global: false }],
    ['  tel:+12133734253  ', { scheme: 'tel', number: '+12133734253', global: true }],
  ];

  it.each(accepted)('%s', (uri, expected) => {
    expect(parseTelUri(uri)).toEqual({ ok: true, ...expected });
  });
});

describe('parseTelUri: malformed links are refused with a reason', () => {
  const refused: Array<[string, string]> = [
    ['', 'This is not a link: it has no "tel:" or "callto:" in front.'],
    ['+12133734253', 'This is not a link: it has no "tel:" or "callto:" in front.'],
    ['sip:alice@example.com', '"sip:" links are not phone links; only tel: and callto: links are dialled.'],
    ['javascript:alert(1)', '"javascript:" links are not phone links; only tel: and callto: links are dialled.'],
    ['tel:', 'The link has no phone number.'],
    ['tel:--', 'The link has no phone number.'],
    ['tel:+', 'The number "+" has no digits after the "+".'],
    ['tel:+1-800-FLOWERS', 'The number "+1-800-FLOWERS" contains "F", which is not a digit.'],
    ['tel:+1234567890123456', 'The number "+1234567890123456" has 16 digits; an international number has at most 15.'],
    ['tel:+1-213-373-4253;phone-context=+1', 'A global number (starting with "+") cannot have a phone-context.'],
    ['tel:12AB;phone-context=example.com', 'The number "12AB" contains the letter A: RFC 3966 allows A-F in local numbers, but no phone can dial them.'],
    ['tel:12x4', 'The number "12x4" contains "x", which is not a phone digit.'],
    ['tel:7042;phone-context=exa_mple.com', 'The phone-context "exa_mple.com" is neither a domain name nor a "+" number prefix.'],
    ['tel:7042;phone-context=+1-abc', 'The phone-context "+1-abc" contains "a", which is not a digit.'],
    ['tel:+442072068888;ext=', 'The link\'s ";ext=" is empty.'],
    ['tel:+442072068888;ext', 'The link\'s ";ext" has no value.'],
    ['tel:+442072068888;ext=12a', 'The extension "12a" must be digits only.'],
    ['tel:+442072068888;ext=1;ext=2', 'The link has ";ext=" twice.'],
    ['tel:+442072068888;postd=1A', 'The post-dial digits "1A" contain the tone A, which the softphone cannot send.'],
    ['tel:+442072068888;postd=1!', 'The post-dial digits "1!" contain "!", which is not a tone or a pause.'],
    ['tel:+442072068888;postd=' + '1'.repeat(65), "The link's extension and post-dial digits are 65 characters; the softphone sends at most 64."],
    ['tel:+442072068888;=x', 'The link has a parameter without a proper name (";=x").'],
    ['tel:%E0%A4%A', 'The number has a broken percent-encoding ("%" must be followed by two hex digits).'],
    ['tel:+44%2', 'The number has a broken percent-encoding ("%" must be followed by two hex digits).'],
    ['tel:+12133734253?call', 'The link has a query ("?…"), which a phone link cannot carry.'],
    ['tel:%2B1%3B2', 'The number "+1;2" contains ";", which is not a digit.'],
    ['callto:bob.smith', '"callto:bob.smith" names a contact (a Skype name), not a phone number.'],
    ['tel:' + '1'.repeat(2100), 'The link is 2104 characters long; a phone link is never longer than 2048.'],
  ];

  it.each(refused)('%j', (uri, reason) => {
    expect(parseTelUri(uri)).toEqual({ ok: false, reason });
  });
});

describe('looksLikeTelUri', () => {
  it.each([
    ['tel:+1', true],
    [' CALLTO://+44', true],
    ['+44 20 7206 8888', false],
    ['telephone: 020', false],
    ['tel:+44-20-7206-8888;ext=123', true],
    // A labelled number is pasted text, not a link: its "(0)" must be cleaned, not dialled.
    ['Tel: +44 (0)20 7206 8888', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeTelUri(text)).toBe(expected);
  });
});
