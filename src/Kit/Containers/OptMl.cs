namespace Kit.Containers;

/// <summary>
/// The folders and files of SageMaker's container contract, under a root that is <c>/opt/ml</c> in a real job and
/// any folder in a local run (so tests and notebooks never need write access to <c>/opt</c>).
/// </summary>
public sealed record OptMl(string Root)
{
    public const string DefaultRoot = "/opt/ml";

    public string Config => Path.Combine(Root, "input", "config");
    public string Hyperparameters => Path.Combine(Config, "hyperparameters.json");
    public string InputDataConfig => Path.Combine(Config, "inputdataconfig.json");
    public string ResourceConfig => Path.Combine(Config, "resourceconfig.json");
    public string Data => Path.Combine(Root, "input", "data");
    public string Channel(string name) => Path.Combine(Data, name);
    /// <summary>Everything here is packed into model.tar.gz and uploaded to S3 when training succeeds.</summary>
    public string Model => Path.Combine(Root, "model");
    /// <summary>Synced with the job's checkpoint S3 URI (Managed Spot Training restores it before a restart).</summary>
    public string Checkpoints => Path.Combine(Root, "checkpoints");
    public string Output => Path.Combine(Root, "output");
    /// <summary>Its text becomes the job's FailureReason.</summary>
    public string Failure => Path.Combine(Output, "failure");
    public string ProcessingInput => Path.Combine(Root, "processing", "input");
    public string ProcessingOutput => Path.Combine(Root, "processing", "output");

    public static OptMl FromEnvironmentOr(string? root) =>
        new(Path.GetFullPath(root ?? Environment.GetEnvironmentVariable("KIT_OPT_ML") ?? DefaultRoot));
}

/// <summary>A broken contract input (config file, channel, hyperparameter, payload, model folder): its message says
/// which file or field and what was expected, and is what ends up in <c>/opt/ml/output/failure</c>.</summary>
public sealed class ContractException(string message, Exception? inner = null) : Exception(message, inner);
