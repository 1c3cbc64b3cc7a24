namespace Kit.Quizzes;

/// <summary>What makes a question well-formed beyond what schema.json can say, per format. Every rule names what is wrong.</summary>
static class QuestionRules
{
    public static IEnumerable<string> Problems(Question q)
    {
        var keys = q.Options.Select(o => o.Key).ToList();
        if (keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() != keys.Count) yield return "duplicate option keys";
        if (q.Type != QuestionType.Numeric && q.Options.Count < 2) yield return "needs at least two options";

        var problems = q.Type switch
        {
            QuestionType.Single => Single(q),
            QuestionType.Multiple => Multiple(q),
            QuestionType.Ordering => Ordering(q),
            QuestionType.Matching => Matching(q),
            QuestionType.Numeric => Numeric(q),
            _ => [$"unknown type {q.Type}"],
        };
        foreach (var p in problems) yield return p;
        foreach (var p in Versions(q)) yield return p;
    }

    static IEnumerable<string> Versions(Question q)
    {
        var known = string.Join(", ", ExamVersions.Known);
        if (q.Exams.Count == 0) { yield return $"no exam version: 'exams' lists the versions it belongs to ({known})"; yield break; }
        foreach (var v in q.Exams.Where(v => !ExamVersions.Known.Contains(v, StringComparer.Ordinal)))
            yield return $"unknown exam version '{v}' in 'exams' (known: {known})";
        if (q.Exams.Distinct(StringComparer.Ordinal).Count() != q.Exams.Count) yield return "'exams' lists a version twice";
        bool onC02 = q.Exams.Contains(ExamVersions.C02, StringComparer.Ordinal);
        if (onC02 && string.IsNullOrWhiteSpace(q.Task))
            yield return $"a C02 question needs its C02 task statement in 'task' (one of {string.Join(", ", ExamVersions.C02TaskStatements.Keys)})";
        else if (q.Task is { } t && !ExamVersions.C02TaskStatements.ContainsKey(t))
            yield return $"unknown C02 task statement '{t}' in 'task' (known: {string.Join(", ", ExamVersions.C02TaskStatements.Keys)})";
        else if (!onC02 && q.Task is not null)
            yield return $"'task' names C02 task statement '{q.Task}', but 'exams' does not list C02";
    }

    static IEnumerable<string> AnswersAmongOptions(Question q)
    {
        if (q.Answer.Count == 0) yield return "missing answer";
        foreach (var a in q.Answer)
            if (q.OptionFor(a) is null) yield return $"answer '{a}' is not among the options ({string.Join(", ", q.Options.Select(o => o.Key))})";
    }

    static IEnumerable<string> Single(Question q)
    {
        foreach (var p in AnswersAmongOptions(q)) yield return p;
        if (q.Answer.Count != 1) yield return $"a single-choice question needs exactly one answer, not {q.Answer.Count}";
    }

    static IEnumerable<string> Multiple(Question q)
    {
        foreach (var p in AnswersAmongOptions(q)) yield return p;
        if (q.Choose is not { } n) { yield return "a multiple-response question must say how many to choose ('choose')"; yield break; }
        if (n != q.Answer.Count) yield return $"'choose' is {n} but the answer has {q.Answer.Count} keys";
        if (n >= q.Options.Count) yield return $"'choose' is {n} but there are only {q.Options.Count} options";
    }

    static IEnumerable<string> Ordering(Question q)
    {
        foreach (var p in AnswersAmongOptions(q)) yield return p;
        var answer = q.Answer.Select(a => a.Trim().ToUpperInvariant()).ToList();
        if (answer.Distinct().Count() != answer.Count || answer.Count != q.Options.Count)
            yield return "an ordering answer must list every option exactly once";
    }

    static IEnumerable<string> Matching(Question q)
    {
        if (q.Items.Count < 2) { yield return "a matching question needs at least two items"; yield break; }
        var pairs = q.Answer.Select(a => a.Split('=', 2)).ToList();
        if (pairs.Any(p => p.Length != 2)) { yield return "a matching answer is a list of 'item=option' pairs"; yield break; }
        foreach (var p in pairs)
        {
            if (q.ItemFor(p[0]) is null) yield return $"answer pairs item '{p[0]}', which is not an item";
            if (q.OptionFor(p[1]) is null) yield return $"answer '{p[0]}={p[1]}': '{p[1]}' is not among the options";
        }
        var matched = pairs.Select(p => p[0].Trim().ToUpperInvariant()).ToList();
        if (matched.Distinct().Count() != matched.Count || matched.Count != q.Items.Count)
            yield return "a matching answer must pair every item exactly once";
    }

    static IEnumerable<string> Numeric(Question q)
    {
        if (q.Value is not { } value || !double.IsFinite(value)) yield return "a numeric question needs a finite 'value'";
        if (q.Tolerance is not > 0) yield return "a numeric question needs a positive 'tolerance'";
        if (string.IsNullOrWhiteSpace(q.Solution)) yield return "a numeric question needs the worked 'solution'";
        if (q.Compute is null) { yield return "a numeric question needs 'compute' so the Kit can recompute its value"; yield break; }
        double computed;
        string? error = null;
        try { computed = NumericFormulas.Compute(q.Compute); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException) { computed = double.NaN; error = e.Message; }
        if (error is not null) yield return $"compute '{q.Compute.Formula}' failed: {error}";
        else if (q.Value is { } v && q.Tolerance is { } t && Math.Abs(computed - v) > t)
            yield return $"value {v} differs from the Kit's {q.Compute.Formula} = {computed:G6} by more than the tolerance {t}";
    }
}
