using Kit.Quizzes;

namespace Kit.Tests;

public class NeuralNetworkBasicsQuizTests
{
    const string Topic = "neural-network-basics";

    [Fact]
    public void The_bank_loads_with_at_least_ten_single_choice_questions_of_four_explained_options()
    {
        var quiz = Quiz.For(Topic);
        Assert.True(quiz.Questions.Count >= 10, $"{quiz.Questions.Count} questions");
        Assert.All(quiz.Questions, q =>
        {
            Assert.Equal(QuestionType.Single, q.Type);
            Assert.Equal(["A", "B", "C", "D"], q.Options.Select(o => o.Key));
            Assert.All(q.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Explanation)));
            Assert.Single(q.Answer);
            Assert.DoesNotContain("$", q.Prompt); // plain Unicode maths, no LaTeX
        });
    }

    [Fact]
    public void The_bank_has_exam_style_scenarios_and_covers_every_activation_of_the_study_guide()
    {
        var questions = Quiz.For(Topic).Questions;
        Assert.True(questions.Count(q => q.Prompt.StartsWith("A team") || q.Prompt.StartsWith("An engineer") || q.Prompt.StartsWith("A support team") || q.Prompt.StartsWith("A media company")) >= 4);
        var answers = questions.Select(q => q.OptionFor(q.Answer[0])!.Text).ToList();
        foreach (var activation in new[] { "Sigmoid", "Tanh", "ReLU", "Leaky ReLU", "Softmax" })
            Assert.Contains(answers, a => a.StartsWith(activation, StringComparison.OrdinalIgnoreCase) || a.Contains(activation + " ", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(questions, q => q.Id == "nnb-linear-collapse");
        Assert.Contains(questions, q => q.Id == "nnb-vanishing-gradient");
    }

    [Fact]
    public void Answer_grades_a_right_and_a_wrong_choice()
    {
        var quiz = Quiz.For(Topic);
        Assert.True(quiz.Answer("nnb-binary-output", "C").Correct);
        var wrong = quiz.Answer("nnb-binary-output", "A");
        Assert.False(wrong.Correct);
        Assert.Contains("The answer is C", wrong.ToString());
        Assert.Contains("ReLU outputs values in [0, ∞)", wrong.ToString());
    }
}
