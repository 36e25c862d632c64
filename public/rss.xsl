<?xml version="1.0" encoding="utf-8"?>
<!-- Shows the wins feed as a readable page when it is opened in a browser; feed readers ignore it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" />
  <xsl:template match="/rss/channel">
    <html lang="{language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title><xsl:value-of select="title" /> (feed)</title>
        <style>
          :root { color-scheme: light dark; --ink: #1d1b18; --muted: #5f5a52; --paper: #faf7f2; --surface: #fff; --line: #e4ded3; --accent: #9a3412; }
          @media (prefers-color-scheme: dark) { :root { --ink: #f1ece4; --muted: #b3ab9f; --paper: #161412; --surface: #211e1b; --line: #3a3530; --accent: #fdba74; } }
          body { margin: 0; background: var(--paper); color: var(--ink); font: 1.0625rem/1.55 system-ui, sans-serif; }
          main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
          h1 { font-size: clamp(1.7rem, 5vw, 2.4rem); line-height: 1.15; margin: 0 0 0.5rem; }
          .about { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 1rem 1.25rem; margin: 1rem 0 2rem; }
          .about p { margin: 0.25rem 0; }
          a { color: var(--accent); }
          ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
          li { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 0.9rem 1.1rem; }
          li h2 { font-size: 1.1rem; margin: 0 0 0.2rem; }
          .muted { color: var(--muted); font-size: 0.95rem; margin: 0; }
          code { overflow-wrap: anywhere; }
        </style>
      </head>
      <body>
        <main>
          <p class="muted">Feed</p>
          <h1><xsl:value-of select="title" /></h1>
          <p><xsl:value-of select="description" /></p>
          <div class="about">
            <p><strong>This is a feed.</strong> Copy its address into a feed reader to hear of each new win:</p>
            <p><code id="address"><xsl:value-of select="link" />rss.xml</code></p>
            <p><a href="{link}">Visit the site</a></p>
          </div>
          <ol>
            <xsl:for-each select="item">
              <li>
                <h2><a href="{link}"><xsl:value-of select="title" /></a></h2>
                <p class="muted"><xsl:value-of select="substring(pubDate, 6, 11)" /></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
