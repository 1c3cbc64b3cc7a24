namespace Kit.Tests;

/// <summary>
/// torch.manual_seed is process-wide: tests that seed and then build models would disturb each other's
/// random streams if they ran in parallel, so every seeded torch test belongs to this one serial collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "seeded torch";
}
