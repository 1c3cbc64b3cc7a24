using Microsoft.Playwright;

namespace Kit.Browser.Tests.Layout;

/// <summary>One thing a reader would trip over: where (lesson, chart or cell) and what collided.</summary>
public sealed record Finding(string Lesson, string Where, string What)
{
    public override string ToString() => $"{Lesson} {Where}: {What}";
}

/// <summary>
/// The layout check, run in Chromium on a page after plotly drew every Kit chart on it. Per chart: no two of its text
/// boxes (title, axis titles, tick labels, colour-bar labels, legend entries, slider and button labels, annotations)
/// overlap, each drawn as the rotated rectangle it really is; none reaches outside the chart; every plot area is at
/// least <see cref="MinPlotHeight"/> px tall. Per page: no output (text or HTML) is wider than the page.
/// </summary>
public static class LayoutCheck
{
    /// <summary>A plot area shorter than this shows no shape: lesson 03's 170 px forecast and 04's 95 px bars were.</summary>
    public const int MinPlotHeight = 150;

    /// <summary>
    /// Boxes must overlap by more than this many pixels to count: a glyph box holds the font's whole ascent and descent,
    /// so the "0" of x and of y at a shared origin, or a colour bar's title over its top tick, touch by 2–3 px unseen.
    /// </summary>
    public const double Slack = 3;

    const string Script = """
        ([minPlot, slack]) => {
          const found = [];
          const hidden = el => { for (let e = el; e && e.nodeType === 1; e = e.parentNode) { const s = getComputedStyle(e); if (s.display === 'none' || s.visibility === 'hidden' || +s.opacity === 0) return true; } return false; };
          const corners = t => { const b = t.getBBox(), m = t.getScreenCTM(); return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(([x, y]) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f })); };
          // Separating axes: how far two convex quadrilaterals overlap along the axis where they overlap least (0: apart).
          const depth = (p, q) => { let least = Infinity; for (const poly of [p, q]) for (let i = 0; i < 4; i++) { const a = poly[i], b = poly[(i + 1) % 4]; let nx = b.y - a.y, ny = a.x - b.x; const n = Math.hypot(nx, ny); if (n < 1e-9) continue; nx /= n; ny /= n; const proj = s => s.map(v => v.x * nx + v.y * ny); const pp = proj(p), qq = proj(q); const d = Math.min(Math.max(...pp), Math.max(...qq)) - Math.max(Math.min(...pp), Math.min(...qq)); if (d < least) least = d; } return least === Infinity ? 0 : least; };
          const words = t => { const lines = t.querySelectorAll('tspan.line'); return (lines.length ? [...lines].map(l => l.textContent).join(' ') : t.textContent).trim().slice(0, 60); };
          const box = t => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom].map(Math.round).join(','); };
          const kinds = [
            ['title', 'text.gtitle'], ['axis title', '.infolayer g[class^="g-"][class$="title"] > text:not(.gtitle)'],
            ['tick label', 'g[class$="tick"] > text'], ['colour-bar title', '.cbtitle text'],
            ['legend', '.legend .legendtext, .legend .legendtitletext'], ['slider', '.slider-container text'],
            ['button', '.updatemenu-container text'], ['annotation', '.annotation text'],
          ];
          const charts = [...document.querySelectorAll('.kit-chart')];
          charts.forEach((el, i) => {
            const cell = el.closest('.cell'), prompt = cell && cell.querySelector('.prompt');
            const label = el.closest('[data-label]');
            const title = el.querySelector('text.gtitle');
            const name = 'chart ' + (i + 1) + (prompt ? ' (' + prompt.textContent.replace(/:$/, '') + ')' : '') + (label ? ' (' + label.dataset.label + ')' : '')
              + (title ? ' "' + words(title) + '"' : '');
            const add = what => found.push({ where: name, what });
            const svg = el.querySelector('svg.main-svg');
            if (!svg) { add('not drawn'); return; }
            const frame = el.getBoundingClientRect();
            const texts = [];
            for (const [kind, selector] of kinds)
              for (const t of el.querySelectorAll(selector)) {
                if (!t.textContent.trim() || hidden(t)) continue;
                const r = t.getBoundingClientRect();
                if (r.width < 0.5 || r.height < 0.5) continue;
                // A legend that scrolls keeps its entries past the fold in the page, clipped away: they are not seen.
                const legend = kind === 'legend' && t.closest('.legend');
                if (legend) { const bg = legend.querySelector('.bg').getBoundingClientRect(); if (r.top >= bg.bottom || r.bottom <= bg.top) continue; }
                texts.push({ t, kind, poly: corners(t), text: words(t) });
                if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 || r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5)
                  add(kind + ' "' + words(t) + '" [' + box(t) + '] is clipped: it reaches outside the chart [' + [frame.left, frame.top, frame.right, frame.bottom].map(Math.round).join(',') + ']');
              }
            for (let a = 0; a < texts.length; a++)
              for (let b = a + 1; b < texts.length; b++) {
                const p = texts[a], q = texts[b];
                // Entries of one legend are placed by plotly itself, one under another.
                if (p.kind === 'legend' && q.kind === 'legend') continue;
                if (p.t.contains(q.t) || q.t.contains(p.t)) continue;
                const d = depth(p.poly, q.poly);
                if (d > slack) add(p.kind + ' "' + p.text + '" [' + box(p.t) + '] overlaps ' + q.kind + ' "' + q.text + '" [' + box(q.t) + '] by ' + d.toFixed(1) + ' px');
              }
            for (const drag of el.querySelectorAll('.draglayer rect.nsewdrag')) {
              const r = drag.getBoundingClientRect();
              // Pictures drawn to scale (image grids) are as tall as their width makes them.
              const sub = drag.parentNode.getAttribute('class').replace('draglayer', '').trim(), axes = sub.match(/^(x\d*)(y\d*)$/), full = el._fullLayout || {};
              if (axes && [axes[1].replace('x', 'xaxis'), axes[2].replace('y', 'yaxis')].some(a => full[a] && full[a].scaleanchor)) continue;
              if (r.height < minPlot) add('plot area ' + sub + ' is ' + Math.round(r.height) + ' px tall, under ' + minPlot + ' px [' + box(drag) + ']');
            }
          });
          for (const out of document.querySelectorAll('.output, .output pre')) {
            if (out.scrollWidth <= out.clientWidth + 1) continue;
            if (out.matches('.output') && out.querySelector(':scope > pre')) continue;
            const cell = out.closest('.cell'), prompt = cell && cell.querySelector('.prompt');
            const where = prompt ? prompt.textContent.replace(/:$/, '') : 'page';
            const lines = (out.innerText || '').split('\n'), longest = lines.reduce((l, s) => s.length > l.length ? s : l, '');
            const kind = out.matches('pre') ? 'output line' : 'output';
            found.push({ where, what: kind + ' wider than the page (' + out.scrollWidth + ' px in ' + out.clientWidth + ' px): "' + longest.trim().slice(0, 80) + '"' });
          }
          return found;
        }
        """;

    /// <summary>What the script returns (Playwright fills a class with a parameterless constructor).</summary>
    sealed class Raw
    {
        public string Where { get; set; } = "";
        public string What { get; set; } = "";
    }

    /// <summary>Waits for plotly to draw every chart on the page, then runs the check.</summary>
    public static async Task<IReadOnlyList<Finding>> RunAsync(IPage page, string lesson)
    {
        await WaitForChartsAsync(page);
        var raw = await page.EvaluateAsync<Raw[]>(Script, new object[] { MinPlotHeight, Slack });
        return raw.Select(r => new Finding(lesson, r.Where, r.What)).ToList();
    }

    public static Task WaitForChartsAsync(IPage page) => page.WaitForFunctionAsync(
        "() => window.Plotly && [...document.querySelectorAll('.kit-chart')].every(c => c.querySelector('svg.main-svg'))",
        null, new() { Timeout = 120_000, PollingInterval = 250 });
}
