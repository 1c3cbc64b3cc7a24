using System.Text.Json.Nodes;
using Kit.Clarify;

namespace Kit.Tests;

public class ClarifyModelCardTests
{
    static ModelCard Card(string risk = "Medium") => new("loan-approval", "approves loans", "the Kit", "Binary Classification", "Gradient boosting",
        "screen applications", "advice to a human officer", risk, "affects access to credit", "synthetic loans", "log-loss",
        [("max_depth", "3")], [("accuracy", 0.81)], [new BiasMetric("DI", "disparate impact", "post-training", 0.62), new BiasMetric("TE", "treatment equality", "post-training", double.PositiveInfinity)],
        "group is a protected attribute", "not for automated decisions <b>");

    [Fact]
    public void The_json_has_the_sagemaker_schema_sections_and_the_bias_metrics_as_a_metric_group()
    {
        var json = JsonNode.Parse(Card().ToJsonText())!.AsObject();
        Assert.Equal(["model_overview", "intended_uses", "training_details", "evaluation_details", "additional_information"], json.Select(p => p.Key));
        var groups = json["evaluation_details"]![0]!["metric_groups"]!.AsArray();
        var bias = groups[1]!["metric_data"]!.AsArray();
        Assert.Equal(0.62, bias[0]!["value"]!.GetValue<double>());
        Assert.Equal("number", bias[0]!["type"]!.GetValue<string>());
        Assert.Null(bias[1]!["value"]);                        // JSON has no ∞: the value is null and the note says why
        Assert.Contains("Infinity", bias[1]!["notes"]!.GetValue<string>());
        Assert.Equal("Medium", json["intended_uses"]!["risk_rating"]!.GetValue<string>());
    }

    [Fact]
    public void The_html_escapes_text_flags_a_failing_DI_and_a_risk_rating_outside_the_schema_is_refused()
    {
        var html = Card().ToHtml();
        Assert.Contains("&lt;b&gt;", html);
        Assert.Contains("four-fifths", html);
        Assert.Contains("RiskRating", Assert.Throws<InvalidOperationException>(() => Card("Severe").ToJson()).Message);
    }
}
