using Microsoft.Playwright;

namespace Kit.Browser.Tests;

/// <summary>
/// An element's text colour and the background it is drawn on, as the browser paints them (translucent
/// backgrounds of the element and its ancestors composited, element opacity applied), and their WCAG 2 contrast.
/// </summary>
public sealed record Colours(int[] Text, int[] Background)
{
    // A 1×1 canvas normalises any CSS colour (rgb(), color(srgb …), color-mix(…)) to sRGB bytes and composites layers.
    const string Paint = """
        e => {
          const c = document.createElement('canvas'); c.width = c.height = 1;
          const x = c.getContext('2d', { willReadFrequently: true });
          const chain = []; for (let n = e; n; n = n.parentElement) chain.push(n);
          x.fillStyle = '#ffffff'; x.fillRect(0, 0, 1, 1);
          for (const n of chain.reverse()) { x.fillStyle = getComputedStyle(n).backgroundColor; x.fillRect(0, 0, 1, 1); }
          const bg = Array.from(x.getImageData(0, 0, 1, 1).data.slice(0, 3));
          let opacity = 1; for (const n of chain) opacity *= parseFloat(getComputedStyle(n).opacity);
          x.globalAlpha = opacity; x.fillStyle = getComputedStyle(e).color; x.fillRect(0, 0, 1, 1);
          return [bg, Array.from(x.getImageData(0, 0, 1, 1).data.slice(0, 3))];
        }
        """;

    public static async Task<Colours> OfAsync(ILocator element)
    {
        var painted = await element.EvaluateAsync<int[][]>(Paint);
        return new Colours(painted[1], painted[0]);
    }

    public double TextLuminance => Luminance(Text);
    public double Contrast
    {
        get
        {
            double a = Luminance(Text), b = Luminance(Background);
            return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
        }
    }

    /// <summary>WCAG 2 relative luminance of an sRGB colour.</summary>
    static double Luminance(int[] rgb)
    {
        static double Linear(int c) { double s = c / 255.0; return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
        return 0.2126 * Linear(rgb[0]) + 0.7152 * Linear(rgb[1]) + 0.0722 * Linear(rgb[2]);
    }

    public override string ToString() =>
        $"text rgb({string.Join(",", Text)}) on rgb({string.Join(",", Background)}): contrast {Contrast:F2}";
}
