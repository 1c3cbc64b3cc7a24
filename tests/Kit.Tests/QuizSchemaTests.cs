using System.Text.Json.Nodes;
using Kit.Quizzes;

namespace Kit.Tests;

/// <summary>Every bank file is checked against data/quizzes/schema.json itself, then by the Kit's own rules.</summary>
public class QuizSchemaTests
{
    const string Valid = QuizTests.Valid;

    internal static QuizBankException Refused(Action<JsonObject> breakIt)
    {
        var doc = JsonNode.Parse(Valid)!.AsObject();
        breakIt(doc);
        return Assert.Throws<QuizBankException>(() => QuizBank.Parse(doc.ToJsonString(), "bad.json"));
    }

    internal static JsonObject First(JsonObject doc) => doc["questions"]![0]!.AsObject();

    [Fact]
    public void A_valid_file_passes_the_schema_and_the_kits_own_checks()
    {
        Assert.Equal("t-1", QuizBank.Parse(Valid, "t.json").Questions.Single().Id);
    }

    [Fact]
    public void An_unknown_property_of_a_question_is_refused_with_its_name_and_the_question()
    {
        var e = Refused(d => First(d)["hint"] = "typo of tip");
        Assert.Equal("t-1", e.QuestionId);
        Assert.Contains("unknown property 'hint'", e.Message);
        Assert.StartsWith("bad.json [t-1]: ", e.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_is_refused()
    {
        var e = Refused(d => d["questionz"] = new JsonArray());
        Assert.Null(e.QuestionId);
        Assert.Contains("unknown property 'questionz'", e.Message);
    }

    [Fact]
    public void An_id_with_a_space_is_refused_before_it_can_be_served()
    {
        var e = Refused(d => First(d)["id"] = "t 1");
        Assert.Contains("/questions/0/id", e.Message);
        Assert.Contains("pattern", e.Message);
    }

    [Fact]
    public void A_topic_outside_lower_case_letters_digits_and_dashes_is_refused()
    {
        var e = Refused(d => d["topic"] = "Evaluation Metrics");
        Assert.Contains("/topic", e.Message);
    }

    [Fact]
    public void A_question_without_a_type_is_refused_instead_of_read_as_single_choice()
    {
        var e = Refused(d => First(d).Remove("type"));
        Assert.Equal("t-1", e.QuestionId);
        Assert.Contains("type", e.Problem);
    }

    [Fact]
    public void A_blank_prompt_or_explanation_is_refused_by_the_schema()
    {
        Assert.Contains("/questions/0/prompt", Refused(d => First(d)["prompt"] = "  ").Message);
        Assert.Contains("/questions/0/options/0/explanation", Refused(d => First(d)["options"]![0]!["explanation"] = "").Message);
    }

    [Fact]
    public void An_unknown_property_inside_a_case_study_question_names_that_question()
    {
        var e = Refused(d =>
        {
            var q2 = First(d).DeepClone().AsObject();
            q2["id"] = "c-2";
            q2["colour"] = "red";
            var q1 = First(d).DeepClone().AsObject();
            q1["id"] = "c-1";
            d["caseStudies"] = new JsonArray(new JsonObject
            {
                ["id"] = "cs", ["title"] = "Case", ["section"] = "S", ["scenario"] = "A scenario.", ["questions"] = new JsonArray(q1, q2),
            });
        });
        Assert.Equal("c-2", e.QuestionId);
        Assert.Contains("unknown property 'colour'", e.Message);
    }
}
