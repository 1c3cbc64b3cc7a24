using System.Text.Json.Nodes;
using Kit.Clarify;
using Kit.Cnn;
using Kit.Metrics;
using Kit.Text;
using Kit.Training;

namespace Kit.Quizzes;

/// <summary>Recomputes a numeric question's value with the Kit's own code, so no answer in the bank is typed by hand only.</summary>
public static class NumericFormulas
{
    public static IReadOnlyCollection<string> Names { get; } =
    [
        "accuracy", "precision", "recall", "f1", "fbeta", "specificity", "fpr", "mse", "rmse", "mae", "r2",
        "disparate_impact", "dppl", "tfidf", "gd_step", "conv_output_size", "dense_params", "recurrent_params",
    ];

    public static double Compute(NumericCompute c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var a = c.Args;
        return c.Formula switch
        {
            "accuracy" => Formulas.Accuracy(N(a, "tp"), N(a, "tn"), N(a, "fp"), N(a, "fn")),
            "precision" => Formulas.Precision(N(a, "tp"), N(a, "fp")),
            "recall" => Formulas.Recall(N(a, "tp"), N(a, "fn")),
            "f1" => Formulas.F1(N(a, "tp"), N(a, "fp"), N(a, "fn")),
            "fbeta" => Formulas.FBeta(N(a, "tp"), N(a, "fp"), N(a, "fn"), N(a, "beta")),
            "specificity" => Formulas.Specificity(N(a, "tn"), N(a, "fp")),
            "fpr" => Formulas.FalsePositiveRate(N(a, "tn"), N(a, "fp")),
            "mse" => Regression.Mse(V(a, "y"), V(a, "yhat")),
            "rmse" => Regression.Rmse(V(a, "y"), V(a, "yhat")),
            "mae" => Regression.Mae(V(a, "y"), V(a, "yhat")),
            "r2" => Regression.R2(V(a, "y"), V(a, "yhat")),
            "disparate_impact" => BiasMetrics.DisparateImpact(N(a, "positive_d"), N(a, "n_d"), N(a, "positive_a"), N(a, "n_a")),
            "dppl" => BiasMetrics.DifferenceInPositiveProportions(N(a, "positive_a"), N(a, "n_a"), N(a, "positive_d"), N(a, "n_d")),
            "tfidf" => TfIdf.Score(N(a, "tf"), N(a, "n_docs"), N(a, "df"), Base(a)),
            "gd_step" => GradientDescent.Step(N(a, "w"), N(a, "lr"), N(a, "grad")),
            "conv_output_size" => ConvShapes.OutputSize((int)N(a, "n"), (int)N(a, "kernel"), (int)N(a, "stride"), (int)N(a, "padding")),
            "dense_params" => ConvShapes.DenseParameters((long)N(a, "inputs"), (long)N(a, "outputs")),
            "recurrent_params" => RecurrentParameters((long)N(a, "inputs"), (long)N(a, "hidden"), (long)N(a, "blocks"), (long)N(a, "bias_vectors")),
            _ => throw new ArgumentException($"unknown formula '{c.Formula}'; known: {string.Join(", ", Names)}", nameof(c)),
        };
    }

    /// <summary>
    /// Gated recurrent cells as dense layers on [xₜ, hₜ₋₁]: each block (LSTM 4, GRU 3, vanilla RNN 1) has
    /// (inputs + hidden) × hidden weights and one bias vector per convention: PyTorch keeps two (b_ih, b_hh), Keras one.
    /// </summary>
    static double RecurrentParameters(long inputs, long hidden, long blocks, long biasVectors)
    {
        if (biasVectors is < 1 or > 2) throw new ArgumentException($"bias_vectors must be 1 (Keras) or 2 (PyTorch), not {biasVectors}", nameof(biasVectors));
        return blocks * (ConvShapes.DenseParameters(inputs + hidden, hidden) + (biasVectors - 1) * hidden);
    }

    static double N(JsonObject a, string name) =>
        a[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d
        : throw new ArgumentException($"argument '{name}' is missing or not a number", name);

    static double[] V(JsonObject a, string name) =>
        a[name] is JsonArray arr ? arr.Select(x => x!.GetValue<double>()).ToArray()
        : throw new ArgumentException($"argument '{name}' is missing or not an array of numbers", name);

    static double Base(JsonObject a) => a["base"]?.ToString() switch
    {
        null or "e" => Math.E,
        "10" => 10,
        "2" => 2,
        var other => throw new ArgumentException($"log base must be \"e\", \"10\" or \"2\", not '{other}'", "base"),
    };
}
