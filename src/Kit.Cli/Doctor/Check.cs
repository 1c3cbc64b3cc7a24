namespace Kit.Cli.Doctor;

public enum CheckStatus { Pass, Warn, Fail }

/// <summary>One line of <c>kit doctor</c>: what was checked, what was found, and how to fix it.</summary>
public sealed record Check(string Name, CheckStatus Status, string Detail, string? Hint = null)
{
    public string Mark => Status switch { CheckStatus.Pass => "✔", CheckStatus.Warn => "⚠", _ => "✘" };

    public override string ToString() =>
        $"{Mark} {Name,-22} {Detail}" + (Hint is null || Status == CheckStatus.Pass ? "" : $"{Environment.NewLine}  {"",-22} fix: {Hint}");
}
