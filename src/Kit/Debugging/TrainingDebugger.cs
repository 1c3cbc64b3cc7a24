using System.Diagnostics;
using Kit.Training;

namespace Kit.Debugging;

/// <summary>
/// SageMaker Debugger's idea as a Trainer callback: rules evaluated while the model trains, each with an action
/// (record, alert, stop the run), and a profile of step time and memory.
/// <code>
/// var debugger = new TrainingDebugger(new ExplodingTensor(), new LossNotDecreasing(patience: 3));
/// trainer.Callbacks.Add(debugger);
/// trainer.Fit(x, y, epochs: 50);
/// debugger.Findings;           // what fired, when, and what was done
/// debugger.Profile;            // per-epoch median step time and process memory
/// </code>
/// (SageMaker Debugger is closed to new customers since mid-2026; AWS suggests MLflow, TensorBoard and CloudWatch.
/// The rules are the idea the exam asks about.)
/// </summary>
public sealed class TrainingDebugger : Callback
{
    readonly List<DebuggerRule> _rules;
    readonly HashSet<DebuggerRule> _fired = [];
    readonly List<RuleFinding> _findings = [];
    readonly List<EpochProfile> _profile = [];
    readonly List<double> _stepMs = [];
    readonly Stopwatch _step = new();
    int _epoch;

    public TrainingDebugger(params DebuggerRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Length == 0) throw new ArgumentException("give the debugger at least one rule.", nameof(rules));
        _rules = [.. rules];
    }

    public IReadOnlyList<RuleFinding> Findings => _findings;
    public IReadOnlyList<EpochProfile> Profile => _profile;

    /// <summary>Raised for findings whose action is Alert or StopTraining.</summary>
    public event Action<RuleFinding>? Alert;

    public override void OnTrainBegin(Trainer trainer)
    {
        foreach (var rule in _rules) Report(trainer, rule, rule.AtStart(trainer));
    }

    public override void OnEpochBegin(Trainer trainer, int epoch)
    {
        _epoch = epoch;
        _stepMs.Clear();
        _step.Restart();
    }

    public override void OnAfterBackward(Trainer trainer)
    {
        foreach (var rule in _rules) if (!_fired.Contains(rule)) Report(trainer, rule, rule.AfterBackward(trainer));
    }

    public override void OnBatchEnd(Trainer trainer)
    {
        _stepMs.Add(_step.Elapsed.TotalMilliseconds);
        _step.Restart();
    }

    public override void OnEpochEnd(Trainer trainer, EpochLog log)
    {
        var sorted = _stepMs.Order().ToList();
        _profile.Add(new EpochProfile(log.Epoch, sorted.Count == 0 ? 0 : sorted[sorted.Count / 2], sorted.Count == 0 ? 0 : sorted[^1],
            Environment.WorkingSet / 1048576.0, GC.GetTotalMemory(false) / 1048576.0));
        foreach (var rule in _rules) if (!_fired.Contains(rule)) Report(trainer, rule, rule.AfterEpoch(trainer, log));
    }

    void Report(Trainer trainer, DebuggerRule rule, string? message)
    {
        if (message is null) return;
        _fired.Add(rule);
        var finding = new RuleFinding(rule.Name, _epoch, trainer.Step, message, rule.Action);
        _findings.Add(finding);
        if (rule.Action != RuleAction.Record) Alert?.Invoke(finding);
        if (rule.Action == RuleAction.StopTraining) trainer.StopTraining = true;
    }
}

/// <summary>One epoch's profile: median and slowest optimizer step (ms), process working set and managed heap (MiB).</summary>
public sealed record EpochProfile(int Epoch, double MedianStepMs, double SlowestStepMs, double WorkingSetMiB, double ManagedHeapMiB);
