namespace Kit.Charts;

/// <summary>
/// Colour scales written out stop by stop, so that what they mean does not hang on a library's naming (plotly's
/// "Greys" and "Blues" run dark to light): on a sequential scale the largest value is the darkest; a diverging
/// scale is white at a meaningful zero.
/// </summary>
public static class Colours
{
    /// <summary>White for 0 to black for the largest value: pictures and digits, where the shape matters.</summary>
    public static readonly object[][] Ink = [[0.0, "#ffffff"], [1.0, "#000000"]];

    /// <summary>Pale to dark blue: counts (a confusion matrix), the biggest count darkest.</summary>
    public static readonly object[][] Counts = [[0.0, "#f7fbff"], [0.35, "#9ecae1"], [0.7, "#2171b5"], [1.0, "#08306b"]];

    /// <summary>Blue (negative), white (0), red (positive); pair it with zmid = 0 or a symmetric range.</summary>
    public static readonly object[][] Diverging = [[0.0, "#2166ac"], [0.25, "#92c5de"], [0.5, "#f7f7f7"], [0.75, "#f4a582"], [1.0, "#b2182b"]];

    /// <summary>The Kit's scale for a plotly name the lessons use ("Greys", "Blues", "RdBu"); any other name passes through.</summary>
    public static object Scale(string name) => name switch
    {
        "Greys" => Ink,
        "Blues" => Counts,
        "RdBu" => Diverging,
        _ => name,
    };

    /// <summary>Whether this scale is the diverging one (its colour bar is centred on 0).</summary>
    public static bool IsDiverging(object scale) => ReferenceEquals(scale, Diverging);
}
