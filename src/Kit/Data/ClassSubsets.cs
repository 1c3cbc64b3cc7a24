namespace Kit.Data;

/// <summary>Picking classes and a few examples per class out of a <see cref="ToyDataset"/>.</summary>
public static class ClassSubsets
{
    /// <summary>
    /// Only the examples of <paramref name="classes"/>; with <paramref name="relabel"/> each label becomes its position in
    /// <paramref name="classes"/> (digits 5–9 → 0–4, for a new 5-class head), otherwise labels are kept.
    /// </summary>
    public static ToyDataset Only(ToyDataset data, int[] classes, bool relabel = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Length == 0 || classes.Distinct().Count() != classes.Length)
            throw new ArgumentException("classes must list at least one class, each once.", nameof(classes));
        var missing = classes.Where(c => !data.Labels.Contains(c)).ToArray();
        if (missing.Length > 0) throw new ArgumentException($"classes {string.Join(", ", missing)} have no examples in {data.Name}.", nameof(classes));
        var picked = Enumerable.Range(0, data.Count).Where(i => classes.Contains((int)data.Labels[i])).ToArray();
        var subset = DataSplit.Subset(data, picked, $"{data.Name}, classes {string.Join(",", classes)}");
        if (relabel)
            for (int i = 0; i < subset.Count; i++) subset.Labels[i] = Array.IndexOf(classes, (int)subset.Labels[i]);
        return subset;
    }

    /// <summary>
    /// <paramref name="perClass"/> examples of every class present: with a <paramref name="seed"/>, picked at random and
    /// dealt classes in turn; without one, the first of each class, in their original order.
    /// </summary>
    public static ToyDataset PerClass(ToyDataset data, int perClass, int? seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var groups = Enumerable.Range(0, data.Count).GroupBy(i => data.Labels[i]).OrderBy(g => g.Key).ToList();
        int smallest = groups.Min(g => g.Count());
        if (perClass < 1 || perClass > smallest)
            throw new ArgumentOutOfRangeException(nameof(perClass), perClass, $"perClass must be between 1 and {smallest} (the smallest class of {data.Name}).");
        if (seed is null)
            return DataSplit.Subset(data, [.. groups.SelectMany(g => g.Take(perClass)).Order()], $"{data.Name}, first {perClass} per class");
        var rng = new Random(seed.Value);
        var picked = groups.Select(g => g.OrderBy(_ => rng.Next()).Take(perClass).ToArray()).ToArray();
        var order = Enumerable.Range(0, perClass).SelectMany(k => picked.Select(g => g[k])).ToArray();
        return DataSplit.Subset(data, order, $"{data.Name}, {perClass} per class");
    }
}
