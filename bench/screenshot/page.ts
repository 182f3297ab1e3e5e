// A README as GitHub shows it, near enough to judge the pictures: markdown-it for the text, Mermaid
// (from node_modules, served on loopback) for ```mermaid fences. The page reports what it drew.
import MarkdownIt from 'markdown-it';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `from`: hide everything before the first heading containing this text (a picture of one part). */
export function readmePage(markdown: string, from?: string): string {
  const md = new MarkdownIt({ html: true, linkify: true });
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    if (t.info.trim() === 'mermaid') return `<pre class="mermaid">${escapeHtml(t.content)}</pre>\n`;
    return fence(tokens, idx, options, env, self);
  };
  const body = md.render(markdown.replace(/^\uFEFF/, ''));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>README</title>
<style>
  body { font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; max-width: 1012px; margin: 24px auto; padding: 0 32px; color: #1f2328; line-height: 1.5; font-size: 15px; }
  table { border-collapse: collapse; display: block; overflow: auto; font-size: 13px; }
  th, td { border: 1px solid #d1d9e0; padding: 4px 10px; }
  tr:nth-child(2n) { background: #f6f8fa; }
  pre.mermaid { background: none; text-align: center; }
  h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
</style></head>
<body>
${body}
<script src="/mermaid/mermaid.min.js"></script>
<script>
(async () => {
  const from = ${JSON.stringify(from ?? null).replace(/</g, '\\u003c')};
  if (from) {
    const start = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].find((h) => h.textContent.includes(from));
    if (start) for (let n = start.previousElementSibling; n; n = n.previousElementSibling) n.style.display = 'none';
  }
  let error = null;
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
    await mermaid.run({ querySelector: 'pre.mermaid' });
  } catch (e) { error = String(e && e.message || e); }
  const svgs = [...document.querySelectorAll('pre.mermaid svg')].map((s) => ({
    type: s.getAttribute('aria-roledescription'),
    slices: s.querySelectorAll('path.pieCircle').length,
    bars: s.querySelectorAll('rect.task').length,
    width: Math.round(s.getBoundingClientRect().width),
    height: Math.round(s.getBoundingClientRect().height),
    labels: [...s.querySelectorAll('text')].map((t) => t.textContent.trim()).filter(Boolean),
  }));
  const images = [...document.images].map((i) => ({ src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0 }));
  await fetch('/report', { method: 'POST', body: JSON.stringify({ error, svgs, images }) });
})();
</script>
</body></html>
`;
}
