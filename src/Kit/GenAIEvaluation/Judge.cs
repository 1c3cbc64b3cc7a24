namespace Kit.GenAIEvaluation;

/// <summary>One criterion of a judging rubric: a name, a weight and a score in [0, 1] for an answer to a question.</summary>
public sealed record Criterion(string Name, double Weight, Func<JudgeInput, double> Score);

/// <summary>What the judge sees for one answer.</summary>
public sealed record JudgeInput(string Question, string Reference, string Answer);

/// <summary>A pairwise verdict: the answer shown first wins, the second wins, or neither.</summary>
public enum Verdict { First, Second, Tie }

/// <summary>
/// A deterministic stand-in for an LLM judge, used to teach the protocol, not to replace one: it grades an answer
/// with a weighted rubric of computed criteria (1 + 4 × weighted mean, rounded), and compares two answers by their
/// rubric scores. <see cref="FirstSlotBonus"/> adds a fixed amount to whichever answer is shown first, the way LLM
/// judges have been measured to favour a position; the swap check in <see cref="PositionBias"/> finds it without
/// knowing it is there.
/// </summary>
public sealed class RubricJudge
{
    public RubricJudge(IReadOnlyList<Criterion> rubric, double firstSlotBonus = 0)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        if (rubric.Count == 0) throw new ArgumentException("a rubric needs at least one criterion.", nameof(rubric));
        if (rubric.Any(c => !(c.Weight > 0))) throw new ArgumentException("every criterion needs a positive weight.", nameof(rubric));
        if (firstSlotBonus < 0) throw new ArgumentOutOfRangeException(nameof(firstSlotBonus), firstSlotBonus, "the bonus is an amount added to the first answer's score, not below 0.");
        Rubric = rubric;
        FirstSlotBonus = firstSlotBonus;
    }

    public IReadOnlyList<Criterion> Rubric { get; }
    public double FirstSlotBonus { get; }

    /// <summary>The weighted rubric score in [0, 1].</summary>
    public double Score(JudgeInput input)
    {
        double total = Rubric.Sum(c => c.Weight);
        return Rubric.Sum(c => c.Weight * Math.Clamp(c.Score(input), 0, 1)) / total;
    }

    /// <summary>The grade on the 1–5 scale the human raters used.</summary>
    public int Grade(JudgeInput input) => (int)Math.Round(1 + 4 * Score(input), MidpointRounding.AwayFromZero);

    public Verdict Compare(string question, string reference, string first, string second)
    {
        double a = Score(new JudgeInput(question, reference, first)) + FirstSlotBonus;
        double b = Score(new JudgeInput(question, reference, second));
        return a > b ? Verdict.First : b > a ? Verdict.Second : Verdict.Tie;
    }
}

/// <summary>Two answers to the same question, and which one people preferred (<see cref="Verdict.Tie"/> when graded equal).</summary>
public sealed record AnswerPair(string Question, string Reference, string First, string Second, Verdict Human);

/// <summary>The result of asking for each pair in both orders.</summary>
public sealed record PositionBiasReport(int Pairs, int Flipped, double FirstSlotWinRate, double AgreementWithHumans, double SwapCheckedAgreementWithHumans)
{
    /// <summary>The share of pairs whose winner changed when the answers swapped places.</summary>
    public double FlipRate => Pairs == 0 ? 0 : (double)Flipped / Pairs;

    public override string ToString() =>
        $"{Pairs} pairs: winner changed with the order in {Flipped} ({FlipRate:P0}); first slot wins {FirstSlotWinRate:P0} of decided verdicts; " +
        $"agrees with people {AgreementWithHumans:P0} (one order), {SwapCheckedAgreementWithHumans:P0} (both orders, disagreement = tie)";
}

/// <summary>The position-bias protocol: ask each pairwise question twice, with the answers swapped, and compare.</summary>
public static class PositionBias
{
    public static PositionBiasReport Check(RubricJudge judge, IReadOnlyList<AnswerPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0) throw new ArgumentException("there are no answer pairs to judge.", nameof(pairs));
        int flipped = 0, firstWins = 0, decided = 0, agreeOne = 0, agreeBoth = 0;
        foreach (var p in pairs)
        {
            var asShown = judge.Compare(p.Question, p.Reference, p.First, p.Second);
            var swapped = Mirror(judge.Compare(p.Question, p.Reference, p.Second, p.First));   // back in the original frame
            if (asShown != swapped) flipped++;
            foreach (var raw in new[] { asShown, Mirror(swapped) })
                if (raw != Verdict.Tie) { decided++; if (raw == Verdict.First) firstWins++; }
            if (asShown == p.Human) agreeOne++;
            if ((asShown == swapped ? asShown : Verdict.Tie) == p.Human) agreeBoth++;
        }
        return new PositionBiasReport(pairs.Count, flipped, decided == 0 ? 0.5 : (double)firstWins / decided,
            (double)agreeOne / pairs.Count, (double)agreeBoth / pairs.Count);
    }

    /// <summary>The same verdict seen from the other order.</summary>
    public static Verdict Mirror(Verdict v) => v switch { Verdict.First => Verdict.Second, Verdict.Second => Verdict.First, _ => Verdict.Tie };

    /// <summary>Every pair of candidates within each item, in an order drawn with <paramref name="seed"/>; people's preference from rater A's grades.</summary>
    public static List<AnswerPair> Pairs(IReadOnlyList<LabelledItem> items, int seed)
    {
        var rng = new Random(seed);
        var pairs = new List<AnswerPair>();
        foreach (var item in items)
            for (int i = 0; i < item.Candidates.Count; i++)
                for (int j = i + 1; j < item.Candidates.Count; j++)
                {
                    var (a, b) = rng.Next(2) == 0 ? (item.Candidates[i], item.Candidates[j]) : (item.Candidates[j], item.Candidates[i]);
                    var human = a.RaterA > b.RaterA ? Verdict.First : b.RaterA > a.RaterA ? Verdict.Second : Verdict.Tie;
                    pairs.Add(new AnswerPair(item.Question, item.Reference, a.Text, b.Text, human));
                }
        return pairs;
    }
}
