using Kit.Quizzes;
using NetArchTest.Rules;

namespace Kit.Progress.Tests;

/// <summary>The study layer sits on top: quizzes use progress and the topics, progress uses neither, and nothing below uses either.</summary>
public class StudyLayerArchitectureTests
{
    static Types Kit => Types.InAssembly(typeof(Quiz).Assembly);

    static string Offenders(TestResult r) => string.Join(", ", r.FailingTypeNames ?? []);

    [Fact]
    public void Progress_only_stores_and_never_depends_on_quizzes()
    {
        var r = Kit.That().ResideInNamespace("Kit.Progress").ShouldNot().HaveDependencyOn("Kit.Quizzes").GetResult();
        Assert.True(r.IsSuccessful, Offenders(r));
    }

    [Fact]
    public void No_topic_or_foundation_folder_depends_on_the_study_layer()
    {
        var r = Kit.That().DoNotResideInNamespace("Kit.Quizzes").And().DoNotResideInNamespace("Kit.Progress")
            .ShouldNot().HaveDependencyOnAny("Kit.Quizzes", "Kit.Progress").GetResult();
        Assert.True(r.IsSuccessful, Offenders(r));
    }

    [Fact]
    public void The_rules_see_a_dependency_where_there_is_one()
    {
        // Quizzes record answers with Progress's AnswerSource and compute numeric answers with the topics' formulas.
        Assert.True(Kit.That().HaveName(nameof(AnswerPipeline)).Should().HaveDependencyOn("Kit.Progress").GetResult().IsSuccessful);
        Assert.True(Kit.That().HaveName(nameof(NumericFormulas)).Should().HaveDependencyOn("Kit.Metrics").GetResult().IsSuccessful);
        Assert.False(Kit.That().HaveName(nameof(AnswerPipeline)).ShouldNot().HaveDependencyOn("Kit.Progress").GetResult().IsSuccessful);
    }
}
