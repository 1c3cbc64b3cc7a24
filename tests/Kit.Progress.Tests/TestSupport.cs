using System.Runtime.CompilerServices;
using Kit.Cli.Study;
using Kit.Progress;
using Kit.Quizzes;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Kit.Progress.Tests;

/// <summary>Every test runs with KIT_HOME in a temp folder, so nothing ever touches the real ~/.kit.</summary>
static class TestHome
{
    public static readonly string Root = Path.Combine(Path.GetTempPath(), $"kit-progress-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);

    [ModuleInitializer]
    internal static void Init()
    {
        Directory.CreateDirectory(Root);
        Environment.SetEnvironmentVariable("KIT_HOME", Path.Combine(Root, "home"));
        Environment.SetEnvironmentVariable("KIT_PROGRESS", null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { } };
    }

    /// <summary>A fresh folder for one test's database.</summary>
    public static string NewFolder()
    {
        var dir = Path.Combine(Root, Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string NewDatabasePath() => Path.Combine(NewFolder(), "progress.db");
}

/// <summary>A clock the test sets by hand.</summary>
sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>A clock that moves on by <paramref name="step"/> every time it is read (a slow student).</summary>
sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    DateTimeOffset now = start;
    public override DateTimeOffset GetUtcNow() { var t = now; now += step; return t; }
}

/// <summary>A small bank of every format, independent of the real bank's files.</summary>
static class TestBank
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    const string Alpha = """
        { "topic": "alpha", "title": "Alpha basics", "questions": [
          { "id": "alpha-1", "type": "single", "section": "s", "difficulty": "easy", "exams": ["C01", "C02"], "task": "2.2", "prompt": "Which is a metric?",
            "options": [ { "key": "A", "text": "Recall", "explanation": "Recall is a metric." },
                         { "key": "B", "text": "Batch", "explanation": "A batch is not a metric." },
                         { "key": "C", "text": "Epoch", "explanation": "An epoch is not a metric." } ],
            "answer": ["A"] },
          { "id": "alpha-2", "type": "multiple", "section": "s", "difficulty": "easy", "exams": ["C01", "C02"], "task": "2.2", "prompt": "Which two are regularisers?", "choose": 2,
            "options": [ { "key": "A", "text": "Dropout", "explanation": "Dropout regularises." },
                         { "key": "B", "text": "ReLU", "explanation": "ReLU is an activation." },
                         { "key": "C", "text": "L2", "explanation": "L2 regularises." },
                         { "key": "D", "text": "Adam", "explanation": "Adam is an optimiser." } ],
            "answer": ["A", "C"] },
          { "id": "alpha-3", "type": "numeric", "section": "s", "difficulty": "easy", "exams": ["C01", "C02"], "task": "2.2", "prompt": "Precision with tp=3, fp=1?",
            "value": 0.75, "tolerance": 0.01, "solution": "3 / (3 + 1) = 0.75",
            "compute": { "formula": "precision", "args": { "tp": 3, "fp": 1 } } } ] }
        """;

    const string Beta = """
        { "topic": "beta", "title": "Beta workflow", "questions": [
          { "id": "beta-1", "type": "ordering", "section": "s", "difficulty": "easy", "exams": ["C01", "C02"], "task": "2.2", "prompt": "Order the steps.",
            "options": [ { "key": "A", "text": "Train", "explanation": "Second." },
                         { "key": "B", "text": "Split", "explanation": "First." },
                         { "key": "C", "text": "Evaluate", "explanation": "Third." } ],
            "answer": ["B", "A", "C"] },
          { "id": "beta-2", "type": "matching", "section": "s", "difficulty": "easy", "exams": ["C01", "C02"], "task": "2.2", "prompt": "Match each symptom to its cure.",
            "items": [ { "key": "1", "text": "Overfitting", "explanation": "Regularise an overfit model." },
                       { "key": "2", "text": "Underfitting", "explanation": "Add capacity to an underfit model." } ],
            "options": [ { "key": "A", "text": "More capacity", "explanation": "-" },
                         { "key": "B", "text": "Regularisation", "explanation": "-" } ],
            "answer": ["1=B", "2=A"] } ],
          "caseStudies": [ { "id": "beta-case", "title": "The churn model", "section": "s",
            "scenario": "A telecom trains a churn model on 2 million rows.",
            "questions": [
              { "id": "beta-3", "type": "single", "section": "s", "difficulty": "easy", "exams": ["C01", "C02"], "task": "2.2", "prompt": "What first?",
                "options": [ { "key": "A", "text": "Split the data", "explanation": "Always split first." },
                             { "key": "B", "text": "Deploy", "explanation": "Not before training." } ],
                "answer": ["A"] },
              { "id": "beta-4", "type": "single", "section": "s", "difficulty": "easy", "exams": ["C01", "C02"], "task": "2.2", "prompt": "Which metric for rare churners?",
                "options": [ { "key": "A", "text": "Accuracy", "explanation": "Misleading when classes are imbalanced." },
                             { "key": "B", "text": "Recall", "explanation": "Finds the rare churners." } ],
                "answer": ["B"] } ] } ] }
        """;

    public static readonly IReadOnlyList<QuizTopic> Topics =
        [.. QuizBank.ParseAll([("alpha.json", Alpha), ("beta.json", Beta)]).Values.OrderBy(t => t.Topic)];

    public static IEnumerable<Question> Questions => Topics.SelectMany(t => t.AllQuestions);

    public static IEnumerable<QuestionRef> Refs => Questions.Select(q => q.Ref);

    public static Question Q(string id) => Questions.Single(q => q.Id == id);

    /// <summary>Records a graded answer the way every host does, through a <see cref="ProgressRecorder"/>.</summary>
    public static void Record(ProgressStore store, Feedback feedback, AnswerSource source) =>
        Assert.True(new ProgressRecorder(() => store, m => Assert.Fail(m)).Record(feedback, source));

    public static AnswerRecord Answer(string id, bool correct, DateTimeOffset at) =>
        new(id, Q(id).Topic, correct, "x", AnswerSource.Code, at, "test");

    /// <summary>A study context over this bank, a fresh store and a wide interactive console; errors go to a StringWriter (<c>ctx.Error</c>).</summary>
    public static (StudyContext Context, TestConsole Console, ProgressStore Store) Context(TimeProvider? clock = null, int? seed = null)
    {
        var console = new TestConsole().Interactive().Width(200);
        var store = new ProgressStore(TestHome.NewDatabasePath(), clock ?? new ManualClock(Start), notify: m => console.WriteLine(m));
        var ctx = new StudyContext(console, new StringWriter(), () => Topics, () => store, clock ?? new ManualClock(Start)) { ShuffleSeed = seed };
        return (ctx, console, store);
    }
}

/// <summary>Scripts the key presses that answer a question (as shown, in bank order) right or wrong.</summary>
static class Keys
{
    public static void Answer(TestConsole console, Question q, bool correct)
    {
        var input = console.Input;
        switch (q.Type)
        {
            case QuestionType.Single:
            {
                var key = correct ? q.Answer[0] : q.Options.First(o => !q.Answer.Contains(o.Key)).Key;
                for (int i = 0; i < q.Options.ToList().FindIndex(o => o.Key == key); i++) input.PushKey(ConsoleKey.DownArrow);
                input.PushKey(ConsoleKey.Enter);
                break;
            }
            case QuestionType.Multiple:
            {
                var wanted = correct ? q.Answer.ToList() : q.Options.Where(o => !q.Answer.Contains(o.Key)).Take(q.Choose!.Value).Select(o => o.Key).ToList();
                foreach (var o in q.Options)
                {
                    if (wanted.Contains(o.Key)) input.PushKey(ConsoleKey.Spacebar);
                    input.PushKey(ConsoleKey.DownArrow);
                }
                input.PushKey(ConsoleKey.Enter);
                break;
            }
            case QuestionType.Ordering:
                input.PushTextWithEnter(string.Join(" ", correct ? q.Answer : q.Answer.Reverse()));
                break;
            case QuestionType.Matching:
                var pairs = q.Pairs;
                var keys = q.Options.Select(o => o.Key).ToList();
                input.PushTextWithEnter(string.Join(" ", q.Items.Select(i =>
                    $"{i.Key}={(correct ? pairs[i.Key] : keys[(keys.IndexOf(pairs[i.Key]) + 1) % keys.Count])}")));
                break;
            case QuestionType.Numeric:
                input.PushTextWithEnter((correct ? q.Value!.Value : q.Value!.Value + 100 * q.Tolerance!.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}

/// <summary>The exam's menus: every question first asks what to do (Answer is the first choice).</summary>
static class ExamKeys
{
    /// <summary>Chooses "Answer", then answers <paramref name="q"/> right or wrong.</summary>
    public static void Answer(TestConsole console, Question q, bool correct)
    {
        console.Input.PushKey(ConsoleKey.Enter);
        Keys.Answer(console, q, correct);
    }

    /// <summary>Chooses the menu entry at <paramref name="index"/> (0-based).</summary>
    public static void Menu(TestConsole console, int index)
    {
        for (int i = 0; i < index; i++) console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);
    }
}
