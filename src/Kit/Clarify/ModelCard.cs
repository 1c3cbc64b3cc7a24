using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kit.Clarify;

/// <summary>
/// A model card in the shape of SageMaker's model card JSON schema
/// (https://docs.aws.amazon.com/sagemaker/latest/dg/model-cards.html#model-cards-json-schema): model_overview,
/// intended_uses, training_details, evaluation_details (metric groups; the bias metrics are one) and
/// additional_information (limitations go to caveats_and_recommendations), written as JSON and as a readable HTML page.
/// </summary>
public sealed record ModelCard(
    string ModelName, string Description, string Owner, string ProblemType, string AlgorithmType,
    string Purpose, string IntendedUses, string RiskRating, string RiskExplanation,
    string TrainingData, string Objective, IReadOnlyList<(string Name, string Value)> HyperParameters,
    IReadOnlyList<(string Name, double Value)> EvaluationMetrics, IReadOnlyList<BiasMetric> BiasMetrics,
    string EthicalConsiderations, string Limitations)
{
    static readonly string[] RiskRatings = ["High", "Medium", "Low", "Unknown"];

    public JsonObject ToJson()
    {
        if (!RiskRatings.Contains(RiskRating))
            throw new InvalidOperationException($"RiskRating must be one of {string.Join(", ", RiskRatings)} (the schema's enum), not '{RiskRating}'.");
        return new JsonObject
        {
            ["model_overview"] = new JsonObject
            {
                ["model_name"] = ModelName, ["model_description"] = Description, ["model_owner"] = Owner,
                ["problem_type"] = ProblemType, ["algorithm_type"] = AlgorithmType,
            },
            ["intended_uses"] = new JsonObject
            {
                ["purpose_of_model"] = Purpose, ["intended_uses"] = IntendedUses,
                ["risk_rating"] = RiskRating, ["explanations_for_risk_rating"] = RiskExplanation,
            },
            ["training_details"] = new JsonObject
            {
                ["objective_function"] = new JsonObject { ["notes"] = Objective },
                ["training_observations"] = TrainingData,
                ["training_job_details"] = new JsonObject
                {
                    ["hyper_parameters"] = new JsonArray(HyperParameters.Select(h => (JsonNode)new JsonObject { ["name"] = h.Name, ["value"] = h.Value }).ToArray()),
                },
            },
            ["evaluation_details"] = new JsonArray(new JsonObject
            {
                ["name"] = "held-out evaluation and bias analysis",
                ["metric_groups"] = new JsonArray(
                    Group("performance", EvaluationMetrics.Select(m => Metric(m.Name, m.Value, null))),
                    Group("bias (SageMaker Clarify definitions)", BiasMetrics.Select(m => Metric(m.Code, m.Value, $"{m.Stage}: {m.Name}")))),
            }),
            ["additional_information"] = new JsonObject
            {
                ["ethical_considerations"] = EthicalConsiderations, ["caveats_and_recommendations"] = Limitations,
            },
        };
    }

    public string ToJsonText() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A self-contained HTML page of the card, one section per part of the schema.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"kit-model-card\" style=\"font-family:sans-serif;max-width:760px\">");
        html.Append($"<h2>Model card: {E(ModelName)}</h2><p>{E(Description)}</p>");
        Section(html, "Overview", ("Owner", Owner), ("Problem type", ProblemType), ("Algorithm", AlgorithmType));
        Section(html, "Intended use", ("Purpose", Purpose), ("Intended uses", IntendedUses), ("Risk rating", $"{RiskRating}: {RiskExplanation}"));
        Section(html, "Training details", [("Training data", TrainingData), ("Objective", Objective), .. HyperParameters]);
        Section(html, "Evaluation results", EvaluationMetrics.Select(m => (m.Name, m.Value.ToString("G4"))).ToArray());
        Section(html, "Bias metrics", BiasMetrics.Select(m => ($"{m.Code} ({m.Name})", m.Value.ToString("F3")
            + (m.Code == "DI" && Clarify.BiasMetrics.FailsFourFifths(m.Value) ? " ⚠ fails the four-fifths rule" : ""))).ToArray());
        Section(html, "Limitations and ethics", ("Ethical considerations", EthicalConsiderations), ("Caveats and recommendations", Limitations));
        return html.Append("</div>").ToString();
    }

    static JsonObject Group(string name, IEnumerable<JsonObject> metrics) =>
        new() { ["name"] = name, ["metric_data"] = new JsonArray(metrics.Select(m => (JsonNode)m).ToArray()) };

    static JsonObject Metric(string name, double value, string? notes)
    {
        var metric = new JsonObject { ["name"] = name, ["type"] = "number", ["value"] = double.IsFinite(value) ? value : null };
        var note = double.IsFinite(value) ? notes : $"{notes} (value {value}: JSON has no infinity)";
        if (note is not null) metric["notes"] = note;
        return metric;
    }

    static void Section(StringBuilder html, string title, params (string Label, string Value)[] rows)
    {
        html.Append($"<h3>{E(title)}</h3><table style=\"border-collapse:collapse\">");
        foreach (var (label, value) in rows)
            html.Append($"<tr><th style=\"text-align:left;padding:2px 12px 2px 0;vertical-align:top\">{E(label)}</th><td>{E(value)}</td></tr>");
        html.Append("</table>");
    }

    static string E(string text) => WebUtility.HtmlEncode(text);
}
