using Kit.Data;
using Kit.Debugging;
using Kit.Runtime;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class DebuggingTests
{
    /// <summary>Linear regression with full-batch SGD at a learning rate beyond 2/λ_max of the loss's curvature:
    /// each step multiplies the error by about 2, so the loss grows every epoch yet stays finite for 20 epochs.</summary>
    static (Trainer Trainer, Tensor X, Tensor Y) DivergingRegression(int seed, double lr = 1.5)
    {
        KitTorch.Seed(seed);
        var x = randn(200, 2);
        var y = x.matmul(tensor(new float[] { 2f, -1f }).reshape(2, 1)) + 0.1 * randn(200, 1);
        var model = Nets.Seeded(seed, () => nn.Linear(2, 1));
        var trainer = new Trainer(model, optim.SGD(model.parameters(), lr), nn.MSELoss()) { BatchSize = 200, Seed = seed, Metric = null };
        return (trainer, x, y);
    }

    [Fact]
    public void A_loss_not_decreasing_rule_stops_a_diverging_run_before_its_last_epoch() =>
        Seeds.Every(seed =>
        {
            var (free, x, y) = DivergingRegression(seed);
            var unwatched = free.Fit(x, y, epochs: 20);
            Assert.Equal(20, unwatched.Count);
            Assert.False(unwatched.Diverged, "the run should stay finite, so only a rule can stop it");
            Assert.True(unwatched.TrainLoss[^1] > 100 * unwatched.TrainLoss[0], $"the loss should grow: {unwatched.TrainLoss[0]:G3} → {unwatched.TrainLoss[^1]:G3}");

            var (watched, x2, y2) = DivergingRegression(seed);
            var debugger = new TrainingDebugger(new LossNotDecreasing(patience: 2));
            watched.Callbacks.Add(debugger);
            var stopped = watched.Fit(x2, y2, epochs: 20);
            Assert.True(stopped.Count <= 5, $"stopped after {stopped.Count} epochs");
            var finding = Assert.Single(debugger.Findings);
            Assert.Equal(RuleAction.StopTraining, finding.Action);
            Assert.Equal(stopped.Count, finding.Epoch);
        });

    [Fact]
    public void An_exploding_tensor_rule_stops_the_run_at_the_epoch_its_gradient_passes_the_limit()
    {
        var (trainer, x, y) = DivergingRegression(0);
        var debugger = new TrainingDebugger(new ExplodingTensor(threshold: 1e3));
        var alerts = new List<RuleFinding>();
        debugger.Alert += alerts.Add;
        trainer.Callbacks.Add(debugger);
        var history = trainer.Fit(x, y, epochs: 20);
        var finding = Assert.Single(debugger.Findings);
        Assert.Equal(history.Count, finding.Epoch);
        Assert.True(history.Count < 20);
        Assert.Equal(finding, Assert.Single(alerts));
        Assert.Contains("(limit 1E+03)", finding.Message);
    }

    [Fact]
    public void A_rule_with_the_record_action_keeps_its_finding_and_lets_training_finish()
    {
        var (trainer, x, y) = DivergingRegression(0);
        var debugger = new TrainingDebugger(new LossNotDecreasing(patience: 2, action: RuleAction.Record));
        trainer.Callbacks.Add(debugger);
        Assert.Equal(20, trainer.Fit(x, y, epochs: 20).Count);
        Assert.Single(debugger.Findings);
        Assert.Equal(20, debugger.Profile.Count);
        Assert.All(debugger.Profile, p => Assert.True(p.MedianStepMs > 0 && p.WorkingSetMiB > 0));
    }

    [Fact]
    public void Vanishing_gradients_fire_in_a_deep_sigmoid_network_and_not_in_a_shallow_relu_one()
    {
        var digits = DigitsTask.Load(trainSize: 200);
        double FiredAt(nn.Module<Tensor, Tensor> model)
        {
            var debugger = new TrainingDebugger(new VanishingGradient(threshold: 1e-5, action: RuleAction.Record));
            var trainer = new Trainer(model, optim.SGD(model.parameters(), 0.01), nn.CrossEntropyLoss()) { Callbacks = { debugger } };
            trainer.Fit(digits.X, digits.Y, epochs: 1);
            return debugger.Findings.Count;
        }
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i < 12; i++) { layers.Add(($"fc{i}", nn.Linear(i == 0 ? 64 : 32, 32))); layers.Add(($"act{i}", nn.Sigmoid())); }
        layers.Add(("out", nn.Linear(32, 10)));
        Assert.Equal(1, FiredAt(Nets.Seeded(0, () => nn.Sequential(layers))));
        Assert.Equal(0, FiredAt(Nets.Mlp(64, [32], 10, seed: 0)));
    }

    [Fact]
    public void Class_imbalance_is_found_at_the_start_from_the_labels_and_balanced_labels_pass()
    {
        var (trainer, x, y) = DivergingRegression(0);
        long[] skewed = [.. Enumerable.Repeat(0L, 95), .. Enumerable.Repeat(1L, 5)];
        var debugger = new TrainingDebugger(new ClassImbalance(skewed), new ClassImbalance([0, 1, 0, 1]));
        trainer.Callbacks.Add(debugger);
        trainer.Fit(x, y, epochs: 1);
        var finding = Assert.Single(debugger.Findings);
        Assert.Contains("19.0×", finding.Message);
        Assert.Equal(RuleAction.Record, finding.Action);
    }

    [Fact]
    public void Overfitting_raises_an_alert_and_the_run_goes_on()
    {
        var digits = DigitsTask.Load(trainSize: 30);
        var model = Nets.Mlp(64, [128], 10, seed: 0);
        var debugger = new TrainingDebugger(new Overfit(ratio: 1.5, patience: 2));
        var trainer = new Trainer(model, optim.Adam(model.parameters(), 0.01), nn.CrossEntropyLoss()) { BatchSize = 30, Callbacks = { debugger } };
        var history = trainer.Fit(digits.X, digits.Y, epochs: 40, digits.XVal, digits.YVal);
        Assert.Equal(40, history.Count);
        var finding = Assert.Single(debugger.Findings);
        Assert.Equal(RuleAction.Alert, finding.Action);
        Assert.Contains("overfitting", finding.Message);
    }

    [Fact]
    public void A_debugger_without_rules_is_refused_naming_rules() =>
        Assert.Equal("rules", Assert.Throws<ArgumentException>(() => new TrainingDebugger()).ParamName);
}
