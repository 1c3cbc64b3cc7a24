using Kit.Data;
using Kit.Runtime;
using Kit.Tests.Lessons;
using Kit.Training;
using Kit.TransferVsIncremental;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests;

/// <summary>The tools of lesson 15: the task family, class subsets, copying a network's body, and bad input named.</summary>
[Collection(TorchCollection.Name)]
public class TransferVsIncrementalToolTests
{
    [Fact]
    public void A_task_samples_the_same_examples_for_the_same_seed_and_labels_each_by_its_class_directions()
    {
        var task = new TaskFamily(inputs: 8, hiddenFeatures: 2, seed: 0).Task(classes: 3, seed: 1);
        var a = task.Sample(300, seed: 5);
        Assert.Equal(a.Features, task.Sample(300, seed: 5).Features);
        Assert.Equal(a.Labels, task.Sample(300, seed: 5).Labels);
        Assert.NotEqual(a.Features, task.Sample(300, seed: 6).Features);
        Assert.Equal([0L, 1, 2], a.ClassCounts().Keys.Order());
        // Standard-normal inputs: mean near 0 and variance near 1 (2,400 draws: ±0.1 is over 4 standard errors).
        Assert.InRange(a.Features.Average(f => (double)f), -0.1, 0.1);
        Assert.InRange(a.Features.Average(f => (double)f * f), 0.9, 1.1);
        // A label is an argmax of linear functions of the input, so a linear classifier fitted on the 8 inputs recovers most of them.
        Assert.True(LinearFitAccuracy(a) > 0.85);
    }

    [Fact]
    public void Only_keeps_the_listed_classes_and_can_renumber_them_and_PerClass_takes_that_many_of_each_in_turn()
    {
        var digits = Digits.Load();
        var late = ClassSubsets.Only(digits, [5, 6, 7, 8, 9], relabel: true);
        Assert.Equal(digits.Labels.Count(l => l >= 5), late.Count);
        Assert.Equal([0L, 1, 2, 3, 4], late.ClassCounts().Keys.Order());
        Assert.Equal([5L, 7], ClassSubsets.Only(digits, [7, 5]).ClassCounts().Keys.Order());
        int firstSeven = Array.IndexOf(digits.Labels, 7L);
        Assert.Equal(digits.Features.Skip(firstSeven * 64).Take(64), late.Features.Skip(Array.IndexOf(late.Labels, 2L) * 64).Take(64));

        var few = ClassSubsets.PerClass(late, 3, seed: 0);
        Assert.Equal([0L, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4], few.Labels);
        Assert.Equal(few.Features, ClassSubsets.PerClass(late, 3, seed: 0).Features);
        Assert.NotEqual(few.Features, ClassSubsets.PerClass(late, 3, seed: 1).Features);
    }

    [Fact]
    public void PerClass_without_a_seed_keeps_the_first_of_each_class_in_their_original_order()
    {
        var data = new ToyDataset("six", [10, 11, 12, 13, 14, 15], [1, 0, 1, 1, 0, 0], featureCount: 1);
        var first = ClassSubsets.PerClass(data, 2, seed: null);
        Assert.Equal([10f, 11, 12, 14], first.Features);   // worked by hand: class 1 → rows 0 and 2, class 0 → rows 1 and 4
        Assert.Equal([1L, 0, 1, 0], first.Labels);
    }

    [Fact]
    public void The_CNN_lessons_digit_set_and_the_foundations_dataset_are_the_same_digits()
    {
        var digits = Kit.Cnn.DigitSet.Load();
        var back = Kit.Cnn.DigitSet.From(digits.ToDataset());
        Assert.Equal(digits.Labels, back.Labels);
        Assert.Equal(digits.Images[17], back.Images[17]);
        var threes = digits.OnlyClasses(3, 8).TakePerClass(2);
        Assert.Equal(4, threes.Count);
        Assert.All(threes.Labels, l => Assert.Contains(l, new[] { 3, 8 }));
        Assert.Equal(digits.Images[digits.Labels.ToList().IndexOf(3)], threes.Images[threes.Labels.ToList().IndexOf(3)]);
    }

    [Fact]
    public void CopyAllBut_copies_the_body_and_leaves_the_new_head_as_it_was()
    {
        KitTorch.Seed(0);
        var source = Lesson15.Mlp(16)(4);
        KitTorch.Seed(1);
        var target = Lesson15.Mlp(16)(3);
        var headBefore = Values(target, "out.weight");
        Heads.CopyAllBut("out", source, target);
        foreach (var name in new[] { "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias" })
            Assert.Equal(Values(source, name), Values(target, name));
        Assert.Equal(headBefore, Values(target, "out.weight"));
        Assert.NotEqual(Values(source, "fc1.weight"), Values(Lesson15.Mlp(16)(3), "fc1.weight"));
    }

    [Fact]
    public void Bad_input_is_refused_with_the_argument_named()
    {
        Assert.Equal("hiddenFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new TaskFamily(inputs: 4, hiddenFeatures: 4)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => new TaskFamily(inputs: 1, hiddenFeatures: 1)).ParamName);
        var family = new TaskFamily(inputs: 8, hiddenFeatures: 2);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => family.Task(classes: 1, seed: 0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => family.Task(2, 0).Sample(0, 0)).ParamName);

        var digits = Digits.Load();
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => ClassSubsets.Only(digits, [3, 3])).ParamName);
        Assert.Contains("11", Assert.Throws<ArgumentException>(() => ClassSubsets.Only(digits, [1, 11])).Message);
        Assert.Equal("perClass", Assert.Throws<ArgumentOutOfRangeException>(() => ClassSubsets.PerClass(digits, 500, 0)).ParamName);

        KitTorch.Seed(0);
        var small = Lesson15.Mlp(16)(3);
        Assert.Equal("head", Assert.Throws<ArgumentException>(() => Heads.CopyAllBut("head", small, Lesson15.Mlp(16)(3))).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => Heads.CopyAllBut("out", small, Lesson15.Mlp(8)(3))).ParamName);
        Assert.Equal("settings", Assert.Throws<ArgumentOutOfRangeException>(() => Transfer.Pretrain(Lesson15.Mlp(64), digits, new TrainingSettings(0), 0)).ParamName);
        Assert.Equal("settings", Assert.Throws<ArgumentOutOfRangeException>(() => Transfer.Pretrain(Lesson15.Mlp(64), digits, new TrainingSettings(1, Lr: -1), 0)).ParamName);

        var (train, test) = DataSplit.TrainValidation(digits, 0.25, 0);
        var settings = new TrainingSettings(1);
        Assert.Equal("oldClasses", Assert.Throws<ArgumentException>(() => Incremental.Forgetting(Lesson15.Mlp(64), train, test, [.. Enumerable.Range(0, 10)], 2, 10, 10, settings, settings, 0)).ParamName);
        Assert.Equal("perUpdate", Assert.Throws<ArgumentOutOfRangeException>(() => Incremental.Forgetting(Lesson15.Mlp(64), train, test, [0, 1, 2, 3, 4], 6, 200, 10, settings, settings, 0)).ParamName);
        Assert.Equal("rehearsal", Assert.Throws<ArgumentOutOfRangeException>(() => Incremental.Forgetting(Lesson15.Mlp(64), train, test, [0, 1, 2, 3, 4], 2, 10, 0, settings, settings, 0)).ParamName);
        Assert.Equal("update", Assert.Throws<ArgumentOutOfRangeException>(() => Incremental.Forgetting(Lesson15.Mlp(64), train, test, [0, 1, 2, 3, 4], 2, 10, 10, settings, settings with { BatchSize = 0 }, 0)).ParamName);
        Assert.Equal("initial", Assert.Throws<ArgumentOutOfRangeException>(() => Incremental.Forgetting(Lesson15.Mlp(64), train, test, [0, 1, 2, 3, 4], 2, 10, 10, settings with { Epochs = 0 }, settings, 0)).ParamName);
        Assert.Equal("targetTest", Assert.Throws<ArgumentException>(() => Transfer.FineTuneVsScratch(small, Lesson15.Mlp(16), family.Task(2, 0).Sample(20, 0), train, settings, 0)).ParamName);
        Assert.Equal("batches", Assert.Throws<ArgumentOutOfRangeException>(() => Incremental.SameTask(Lesson15.Mlp(64), train, test, 1, settings, 0)).ParamName);
        var other = family.Task(2, 0).Sample(20, 0);
        Assert.Equal("test", Assert.Throws<ArgumentException>(() => Incremental.SameTask(Lesson15.Mlp(64), train, other, 2, settings, 0)).ParamName);
    }

    static float[] Values(nn.Module module, string name) => module.state_dict()[name].detach().cpu().data<float>().ToArray();

    /// <summary>Training accuracy of a one-vs-rest least-squares linear classifier (normal equations, by hand), an independent check.</summary>
    static double LinearFitAccuracy(ToyDataset data)
    {
        int n = data.Count, d = data.FeatureCount + 1, c = data.ClassCounts().Count;
        var x = tensor(data.Features, [n, d - 1], ScalarType.Float64);
        x = cat([x, ones(n, 1, ScalarType.Float64)], 1);
        var y = nn.functional.one_hot(tensor(data.Labels), c).to(ScalarType.Float64);
        var w = linalg.solve(x.t().matmul(x), x.t().matmul(y));
        return x.matmul(w).argmax(1).eq(tensor(data.Labels)).to(ScalarType.Float64).mean().item<double>();
    }
}
