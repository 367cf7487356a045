import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { IOVOX_LIMITS } from '../../../shared/vendors/iovoxLimits';
import { buildInitiateCallXml } from './initiateCallXml';

const DOCUMENTED_PRESS_ONE = `<?xml version="1.0" encoding="utf-8"?>
<request>
<link_id>link123</link_id>
<call_variables>
<call_destination>449789123123,1</call_destination>
</call_variables>
</request>
`;
const DOCUMENTED_DELAYED = `<?xml version="1.0" encoding="utf-8"?>
<request>
<link_id>link123</link_id>
<call_variables>
<call_destination>449789123123,,1,,2</call_destination>
<delay>30</delay>
</call_variables>
</request>
`;
const DOCUMENTED_CUSTOM = `<?xml version="1.0" encoding="utf-8"?>
<request>
<link_id>link123</link_id>
<call_variables>
<call_destination>449789123123</call_destination>
<my_custom_var>Bob</my_custom_var>
<the_custom_var>Smith</the_custom_var>
<another_custom_var>1234</another_custom_var>
</call_variables>
</request>
`;

// The reading side of the proof: keep order, every text exactly as sent, and fail on any
// element or text node that is not where the initiateCall document has one.
const ordered = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: false, ignoreDeclaration: true });
type OrderedNode = Record<string, unknown>;

function elementsOf(nodes: unknown): Array<{ name: string; children: OrderedNode[] }> {
  return (nodes as OrderedNode[]).flatMap((node) => {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name === '#text') {
      // Only the line breaks of the layout may sit between elements.
      expect(String(node['#text']).trim()).toBe('');
      return [];
    }
    if (name === undefined) throw new Error('node without a name');
    return [{ name, children: node[name] as OrderedNode[] }];
  });
}

function textOf(children: OrderedNode[]): string {
  for (const child of children) expect(Object.keys(child)).toEqual(['#text']);
  return children.map((child) => String(child['#text'])).join('');
}

function readBack(xml: string): { linkId: string; variables: Array<[string, string]> } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const [request, ...otherRoots] = elementsOf(ordered.parse(xml));
  expect(otherRoots).toEqual([]);
  expect(request?.name).toBe('request');
  const parts = elementsOf(request?.children);
  expect(parts.map((part) => part.name)).toEqual(['link_id', 'call_variables']);
  return {
    linkId: textOf(parts[0]!.children),
    variables: elementsOf(parts[1]!.children).map((variable) => [variable.name, textOf(variable.children)]),
  };
}

describe('buildInitiateCallXml', () => {
  it.each([
    ['press 1 after the answer', { callDestination: '449789123123,1', delayMinutes: undefined, variables: [] }, DOCUMENTED_PRESS_ONE],
    ['delay 30 with pauses', { callDestination: '449789123123,,1,,2', delayMinutes: 30, variables: [] }, DOCUMENTED_DELAYED],
    [
      'custom variables',
      {
        callDestination: '449789123123',
        delayMinutes: undefined,
        variables: [
          ['my_custom_var', 'Bob'],
          ['the_custom_var', 'Smith'],
          ['another_custom_var', '1234'],
        ] as const,
      },
      DOCUMENTED_CUSTOM,
    ],
  ])('reproduces the documented payload: %s', (_name, plan, expected) => {
    expect(buildInitiateCallXml({ linkId: 'link123', ...plan })).toBe(expected);
  });

  it.each([
    ['markup', '</my_custom_var></call_variables><link_id>evil</link_id><call_variables><x>'],
    ['ampersand and entity lookalikes', '&amp; & &lt; &#x3C; &unknown;'],
    ['CDATA end', ']]> <![CDATA[ x ]]>'],
    ['quotes', `"double" 'single'`],
    ['comment and processing instruction', '<!-- x --><?php echo 1 ?>'],
  ])('a value with %s stays one variable with exactly that text', (_name, value) => {
    const xml = buildInitiateCallXml({ linkId: 'link123', callDestination: '449789123123', delayMinutes: undefined, variables: [['my_custom_var', value]] });
    expect(readBack(xml)).toEqual({
      linkId: 'link123',
      variables: [
        ['call_destination', '449789123123'],
        ['my_custom_var', value],
      ],
    });
  });

  it('no XML-legal value can change the document (property)', () => {
    const legalText = fc.string({ unit: 'grapheme', maxLength: 80 }).filter((text) => IOVOX_LIMITS.xmlText.test(text));
    fc.assert(
      fc.property(legalText, legalText, (first, second) => {
        const xml = buildInitiateCallXml({
          linkId: 'link123',
          callDestination: '449789123123',
          delayMinutes: 5,
          variables: [
            ['first', first],
            ['second', second],
          ],
        });
        expect(readBack(xml)).toEqual({
          linkId: 'link123',
          variables: [
            ['call_destination', '449789123123'],
            ['first', first],
            ['second', second],
            ['delay', '5'],
          ],
        });
      }),
      { numRuns: 300 },
    );
  });
});
