import fc from 'fast-check';

/**
 * Generators of hostile vendor bodies for the `*.fuzz.test.ts` suites: anything a broken,
 * newer, older or malicious server might answer, biased towards the names each parser
 * looks for so the fuzzing reaches past the first check.
 */

/** Any JSON value, including the awkward ones (huge numbers, deep nesting, odd strings). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -0, 2 ** 53 + 1, '', ' ', '\u0000', '\ud800', '0', 'null', 'true', 'NaN', '-1', '1e9999') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown) },
);

/** Objects whose keys are mostly the ones a parser expects, with values of any type. */
export function objectWith(keys: readonly string[], values: fc.Arbitrary<unknown> = anyJson): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
  return fc.dictionary(key, fc.oneof(values, fc.constant(null)), { maxKeys: keys.length + 2 });
}

/** A JSON body as text: whole, cut short, wrapped in noise, or not JSON at all. */
export function jsonBody(value: fc.Arbitrary<unknown> = anyJson): fc.Arbitrary<string> {
  const text = value.map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 1, arbitrary: fc.tuple(text, fc.nat()).map(([t, cut]) => t.slice(0, t.length === 0 ? 0 : cut % t.length)) },
    { weight: 1, arbitrary: text.map((t) => `\ufeff${t}`) },
    { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom('<html>', ')]}\'', 'garbage', '\n\n', '\u0000')).map(([t, noise]) => `${noise}${t}`) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '<html><body>502 Bad Gateway</body></html>', 'Internal Server Error', '{', '[', '{"a":', 'null', '""') },
  );
}

const XML_NAME = fc.constantFrom('errors', 'error', 'response', 'result', 'call', 'a', 'x:errors', 'ERRORS', '_', 'r1');
const XML_TEXT = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x41;', '&#0;', '&#xFFFFFF;', '&bogus;', '&', '<', ']]>', '\u0000', 'Invalid link_id', 'Internal Server Error'),
);
const XML_ATTRIBUTE = fc.tuple(fc.constantFrom('status', 'code', 'xmlns', 'xml:lang', 'status '), fc.oneof(fc.constantFrom('400', '401', '500', '999', '04x', '', '4000'), fc.string({ maxLength: 6 }))).map(
  ([name, value]) => ` ${name}="${value.replaceAll('"', '&quot;')}"`,
);

const xmlNode: fc.Memo<string> = fc.memo((depth: number): fc.Arbitrary<string> => {
  const leaf = fc.oneof(
    XML_TEXT,
    XML_TEXT.map((t) => `<![CDATA[${t}]]>`),
    XML_TEXT.map((t) => `<!--${t.replaceAll('--', '')}-->`),
    fc.tuple(XML_NAME, fc.array(XML_ATTRIBUTE, { maxLength: 2 })).map(([name, attributes]) => `<${name}${attributes.join('')}/>`),
  );
  if (depth <= 0) return leaf;
  const element = fc
    .tuple(XML_NAME, fc.array(XML_ATTRIBUTE, { maxLength: 2 }), fc.array(xmlNode(depth - 1), { maxLength: 3 }), fc.boolean())
    .map(([name, attributes, children, closed]) => `<${name}${attributes.join('')}>${children.join('')}${closed ? `</${name}>` : ''}`);
  return fc.oneof(leaf, element, element);
});

/** XML-ish text: well-formed documents, broken ones, entity tricks and plain garbage. */
export const xmlBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: xmlNode(3) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>', '\ufeff<?xml version="1.0"?>'), xmlNode(3)).map(([prolog, body]) => `${prolog}${body}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><errors><error status="400">&xxe;</error></errors>',
      '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><errors><error status="400">&d;</error></errors>',
      '<errors><error status="400">Invalid link_id</error><error>second</error></errors>',
      '<errors><error status="500"><![CDATA[boom]]></error></errors>',
      '<errors/>',
      '<errors><error/></errors>',
      '<response><call/></response>',
      '<errors><error status="400">a</error>',
    ),
  },
  { weight: 1, arbitrary: jsonBody() },
);

/** HTTP statuses an upstream may answer, weighted towards the interesting ones. */
export const httpStatus: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(200, 201, 202, 204, 301, 302, 400, 401, 403, 404, 405, 408, 409, 415, 422, 429, 500, 502, 503, 504),
  fc.integer({ min: 100, max: 599 }),
);
