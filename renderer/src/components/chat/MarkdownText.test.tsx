import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownText } from './MarkdownText';

describe('MarkdownText', () => {
  it('shows raw HTML in an answer as its text and never renders it', () => {
    const html = renderToStaticMarkup(<MarkdownText text={'Ask "greeks on SPX <strike>c" next.\n\n<script>alert(1)</script><img src=x onerror=alert(1)>'} />);
    expect(html).toContain('greeks on SPX &lt;strike&gt;c');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img|<strike/);
  });

  it('renders the Markdown itself: bold, lists and GitHub tables', () => {
    const html = renderToStaticMarkup(<MarkdownText text={'**SPX** levels\n\n- PDH 6,012.50\n\n| a | b |\n|---|---|\n| 1 | 2 |'} />);
    expect(html).toContain('<strong>SPX</strong>');
    expect(html).toContain('<li>PDH 6,012.50</li>');
    expect(html).toContain('<table class="data-table">');
  });
});
