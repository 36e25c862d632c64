import { expect, test } from 'vitest';
import { embedJson } from '../../src/lib/site/json-embed.ts';

test.each([
  ['</script><script>alert(1)</script>'],
  ['<!-- comment'],
  ['a\u2028b\u2029c'],
  [']]> & {{x}}'],
])('%j cannot break out of a script element and reads back unchanged', (text) => {
  const embedded = embedJson({ title: text, list: [text] });
  expect(embedded).not.toMatch(/[<>\u2028\u2029]/);
  expect(JSON.parse(embedded)).toEqual({ title: text, list: [text] });
});
