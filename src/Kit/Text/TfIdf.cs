namespace Kit.Text;

/// <summary>TF-IDF as the study guide writes it: TF(t,d) × log(N / DF(t)).</summary>
public static class TfIdf
{
    public static double Score(double tf, double nDocs, double df, double logBase = Math.E)
    {
        if (tf < 0) throw new ArgumentOutOfRangeException(nameof(tf), tf, "term frequency must be non-negative");
        if (!(nDocs >= 1)) throw new ArgumentOutOfRangeException(nameof(nDocs), nDocs, "there must be at least one document");
        if (!(df >= 1) || df > nDocs) throw new ArgumentOutOfRangeException(nameof(df), df, $"document frequency must be between 1 and {nDocs}");
        if (!(logBase > 1)) throw new ArgumentOutOfRangeException(nameof(logBase), logBase, "log base must be greater than 1");
        return tf * Math.Log(nDocs / df, logBase);
    }
}
