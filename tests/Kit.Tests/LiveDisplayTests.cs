using Kit.Charts;
using Kit.Data;
using Kit.Training;
using TorchSharp;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class LiveDisplayTests
{
    [Fact]
    public void A_live_chart_is_shown_once_and_updated_with_the_final_state()
    {
        var shown = new List<(object Value, string? Mime)>();
        var updates = new List<object>();
        var previous = LiveDisplay.Show;
        LiveDisplay.Show = (v, mime) => { shown.Add((v, mime)); return updates.Add; };
        try
        {
            var (x, y) = ToyData.MakeMoons(64, 0.2, 1).ToTensors();
            var m = Nets.Mlp(2, [8], 2, seed: 0);
            var t = new Trainer(m, torch.optim.Adam(m.parameters(), lr: 0.01), torch.nn.CrossEntropyLoss());
            t.Callbacks.Add(LiveDisplay.Chart("live", minSecondsBetweenUpdates: 0));
            t.Callbacks.Add(LiveDisplay.ProgressLine(minSecondsBetweenUpdates: 3600));
            t.Fit(x, y, 5);
            Assert.Equal(2, shown.Count);                       // one output each, not one per epoch
            Assert.IsType<Figure>(shown[0].Value);
            Assert.Equal("text/plain", shown[1].Mime);
            var charts = updates.OfType<Figure>().ToList();
            Assert.Equal(6, charts.Count);                      // every epoch (no throttle) and the end
            Assert.Contains("epoch 5/5", charts[^1].ToJson());
            var lines = updates.OfType<string>().ToList();
            Assert.Single(lines);                               // throttled: only the final redraw
            Assert.StartsWith("epoch 5/5 ████████████████████", lines[0]);
        }
        finally
        {
            LiveDisplay.Show = previous;
        }
    }

    [Fact]
    public void Outside_a_notebook_live_views_do_nothing()
    {
        var previous = LiveDisplay.Show;
        LiveDisplay.Show = null;
        try
        {
            var (x, y) = ToyData.MakeMoons(32, 0.2, 1).ToTensors();
            var m = Nets.Mlp(2, [4], 2, seed: 0);
            var t = new Trainer(m, torch.optim.Adam(m.parameters(), lr: 0.01), torch.nn.CrossEntropyLoss());
            t.Callbacks.Add(LiveDisplay.Chart());
            Assert.Equal(2, t.Fit(x, y, 2).Count);
        }
        finally
        {
            LiveDisplay.Show = previous;
        }
    }

    [Fact]
    public void A_run_stopped_early_ends_with_an_epoch_axis_over_the_epochs_it_ran()
    {
        var updates = new List<object>();
        var previous = LiveDisplay.Show;
        LiveDisplay.Show = (_, _) => updates.Add;
        try
        {
            var (x, y) = ToyData.MakeMoons(32, 0.2, 1).ToTensors();
            var m = Nets.Mlp(2, [4], 2, seed: 0);
            var t = new Trainer(m, torch.optim.Adam(m.parameters(), lr: 0.01), torch.nn.CrossEntropyLoss());
            t.Callbacks.Add(LiveDisplay.Chart("stopped", minSecondsBetweenUpdates: 0));
            t.Callbacks.Add(new StopAfter(3));
            t.Fit(x, y, 100);
            var charts = updates.OfType<Figure>().ToList();
            Assert.Equal(100.5, charts[0].Layout["xaxis"]!["range"]![1]!.GetValue<double>());   // while running: the plan
            Assert.Null(charts[^1].Layout["xaxis"]!["range"]);                                  // at the end: epochs 1–3 fill the axis
            Assert.Contains("stopped at epoch 3/100", charts[^1].Layout["title"]!["text"]!.GetValue<string>());
        }
        finally
        {
            LiveDisplay.Show = previous;
        }
    }

    sealed class StopAfter(int epochs) : Callback
    {
        public override void OnEpochEnd(Trainer trainer, EpochLog log) => trainer.StopTraining |= log.Epoch >= epochs;
    }
}
