using Kit.GenAIEvaluation;

namespace Kit.Tests.Lessons;

/// <summary>The lesson's own BLEU, ROUGE-L and BERTScore cells give the library's numbers on the shipped set and the papers' examples.</summary>
public class Lesson17Tests
{
    static IEnumerable<(string Candidate, string Reference)> Shipped() =>
        LabelledAnswers.Load().SelectMany(i => i.Candidates.Select(c => (c.Text, i.Reference)))
            .Append(("police kill the gunman", "police killed the gunman"))
            .Append(("It is a guide to action which ensures that the military always obeys the commands of the party.", "It is a guide to action that ensures that the military will forever heed Party commands."));

    [Fact]
    public void The_lessons_bleu_cell_equals_the_librarys_unsmoothed_sentence_bleu()
    {
        foreach (var (c, r) in Shipped())
            Assert.Equal(Bleu.Sentence(c, [r]).Score, Lesson17.Bleu(c, [r]), 12);
        Assert.Contains(Shipped(), p => Lesson17.Bleu(p.Candidate, [p.Reference]) > 0.3);
    }

    [Fact]
    public void The_lessons_rouge_l_cell_equals_the_librarys_rouge_l()
    {
        foreach (var (c, r) in Shipped())
        {
            var lib = Rouge.L(c, r);
            var cell = Lesson17.RougeLOf(c, r);
            Assert.Equal((lib.Precision, lib.Recall, lib.F1), (cell.P, cell.R, cell.F1));
        }
    }

    [Fact]
    public void The_lessons_bertscore_cell_equals_the_librarys_bertscore()
    {
        var model = MiniLmForTests.Model;
        foreach (var (c, r) in Shipped().Take(8))
        {
            var (tc, tr) = (model.Tokens(c), model.Tokens(r));
            var lib = BertScore.Compute(tc, tr);
            var cell = Lesson17.BertScore(tc, tr);
            Assert.Equal(lib.F1, cell.F1, 12);
            Assert.Equal(lib.Precision, cell.P, 12);
        }
    }
}
