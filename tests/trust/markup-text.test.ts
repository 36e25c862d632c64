// Journal text on its way into hand-written XML: what XML 1.0 forbids goes, everything else stays.
import { describe, expect, it } from 'vitest';
import { htmlText, xmlText } from '../../src/lib/format/markup-text.ts';

describe('xmlText', () => {
  it('drops every C0 control but tab, line feed and carriage return, U+FFFE, U+FFFF and lone surrogates', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(xmlText(`a${controls}b`)).toBe('a\t\n\rb');
    expect(xmlText('x\uFFFE\uFFFFy')).toBe('xy');
    expect(xmlText('lone \uD800 and \uDC00 halves')).toBe('lone  and  halves');
  });

  it('keeps what XML allows as written: emoji, right-to-left marks, zero-width and DEL', () => {
    const text = 'Run 🏃 \u202Eevil\u202C zero\u200Bwidth \u007F\u0085 東京';
    expect(xmlText(text)).toBe(text);
  });
});

describe('htmlText', () => {
  it('escapes markup once, so a reader shows it as written', () => {
    expect(htmlText(`<script>alert('x')</script> & "co"\u0000`)).toBe('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;');
  });
});
