using System.Globalization;

namespace Kit.Quizzes;

/// <summary>Grades a response to any question format. A response of the wrong shape is an error that says the right shape.</summary>
public static class Grader
{
    public static Feedback Grade(Question q, IReadOnlyList<string> response)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (response is null || response.Count == 0 || response.All(string.IsNullOrWhiteSpace))
            throw new ArgumentException($"Give an answer to {q.Id}: {Shape(q)}.", nameof(response));
        var r = response.Select(s => s.Trim()).ToList();
        return q.Type switch
        {
            QuestionType.Single => Choice(q, r, 1),
            QuestionType.Multiple => Choice(q, r, q.Choose ?? q.Answer.Count),
            QuestionType.Ordering => Ordering(q, r),
            QuestionType.Matching => Matching(q, r),
            QuestionType.Numeric => Numeric(q, r),
            _ => throw new InvalidOperationException($"unknown type {q.Type}"),
        };
    }

    /// <summary>How to answer this question from code.</summary>
    public static string Shape(Question q) => q.Type switch
    {
        QuestionType.Single => $"one option key ({Keys(q.Options)})",
        QuestionType.Multiple => $"exactly {q.Choose} option keys ({Keys(q.Options)})",
        QuestionType.Ordering => $"every option key, in order ({Keys(q.Options)})",
        QuestionType.Matching => $"one 'item=option' pair per item (items {Keys(q.Items)}, options {Keys(q.Options)})",
        QuestionType.Numeric => "a number, e.g. \"0.75\"",
        _ => "an answer",
    };

    static string Keys(IEnumerable<Option> options) => string.Join(", ", options.Select(o => o.Key));

    static Feedback Choice(Question q, List<string> r, int count)
    {
        foreach (var c in r)
            if (q.OptionFor(c) is null) throw Bad(q, $"'{c}' is not an option");
        var chosen = r.Select(c => q.OptionFor(c)!.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (chosen.Count != count) throw Bad(q, $"choose exactly {count}, not {chosen.Count}");
        bool correct = chosen.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(q.Answer);
        var lines = q.Options
            .Where(o => chosen.Contains(o.Key, StringComparer.OrdinalIgnoreCase) || q.Answer.Contains(o.Key, StringComparer.OrdinalIgnoreCase))
            .Select(o => $"{o.Key}{(chosen.Contains(o.Key, StringComparer.OrdinalIgnoreCase) ? " (your choice)" : "")}" +
                         $"{(q.Answer.Contains(o.Key, StringComparer.OrdinalIgnoreCase) ? " ✓" : " ✗")}: {o.Explanation}")
            .ToList();
        return new Feedback(q, correct, chosen, $"The answer is {string.Join(", ", q.Answer)}.", lines);
    }

    static Feedback Ordering(Question q, List<string> r)
    {
        foreach (var c in r)
            if (q.OptionFor(c) is null) throw Bad(q, $"'{c}' is not an option");
        var order = r.Select(c => q.OptionFor(c)!.Key).ToList();
        if (order.Distinct(StringComparer.OrdinalIgnoreCase).Count() != q.Options.Count || order.Count != q.Options.Count)
            throw Bad(q, "list every option exactly once");
        bool correct = order.SequenceEqual(q.Answer, StringComparer.OrdinalIgnoreCase);
        var lines = q.Answer.Select((k, i) =>
        {
            var o = q.OptionFor(k)!;
            bool placed = string.Equals(order[i], k, StringComparison.OrdinalIgnoreCase);
            return $"{i + 1}. {o.Key} {(placed ? "✓" : $"✗ (you put {order[i]} here)")}: {o.Text} — {o.Explanation}";
        }).ToList();
        return new Feedback(q, correct, order, $"The order is {string.Join(" → ", q.Answer)}.", lines);
    }

    static Feedback Matching(Question q, List<string> r)
    {
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in r)
        {
            var p = pair.Split('=', 2);
            if (p.Length != 2 || q.ItemFor(p[0]) is null || q.OptionFor(p[1]) is null)
                throw Bad(q, $"'{pair}' is not an 'item=option' pair of this question");
            if (!given.TryAdd(q.ItemFor(p[0])!.Key, q.OptionFor(p[1])!.Key)) throw Bad(q, $"item {p[0]} is matched twice");
        }
        if (given.Count != q.Items.Count) throw Bad(q, $"match every item ({Keys(q.Items)})");
        var pairs = q.Pairs;
        bool correct = q.Items.All(i => string.Equals(given[i.Key], pairs[i.Key], StringComparison.OrdinalIgnoreCase));
        var lines = q.Items.Select(i =>
        {
            bool right = string.Equals(given[i.Key], pairs[i.Key], StringComparison.OrdinalIgnoreCase);
            var target = q.OptionFor(pairs[i.Key])!;
            return $"{i.Key}. {i.Text} → {target.Key}. {target.Text} {(right ? "✓" : $"✗ (you chose {given[i.Key]})")}: {i.Explanation}";
        }).ToList();
        return new Feedback(q, correct, given.Select(kv => $"{kv.Key}={kv.Value}").ToList(),
            $"The matches are {string.Join(", ", q.Answer)}.", lines);
    }

    static Feedback Numeric(Question q, List<string> r)
    {
        if (r.Count != 1 || !double.TryParse(r[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw Bad(q, "give one number, written with a decimal point (e.g. 0.75)");
        bool correct = Math.Abs(v - q.Value!.Value) <= q.Tolerance!.Value;
        return new Feedback(q, correct, [r[0]],
            $"The answer is {q.Value.Value.ToString("G6", CultureInfo.InvariantCulture)} (± {q.Tolerance.Value.ToString(CultureInfo.InvariantCulture)}).",
            [$"Solution: {q.Solution}"]);
    }

    static ArgumentException Bad(Question q, string what) =>
        new($"{q.Id}: {what}. Expected {Shape(q)}.", "response");
}

/// <summary>The result of answering one question, with every relevant explanation.</summary>
public sealed record Feedback(Question Question, bool Correct, IReadOnlyList<string> Response, string Expected, IReadOnlyList<string> Explanations)
{
    public override string ToString()
    {
        var lines = new List<string> { $"{Question.Id}: {(Correct ? "Correct." : $"Not quite. {Expected}")}" };
        lines.AddRange(Explanations.Select(e => "  " + e));
        if (Question.Tip is not null) lines.Add($"  Exam tip: {Question.Tip}");
        return string.Join(Environment.NewLine, lines);
    }
}
