namespace Kit.Containers;

public enum JobKind { Processing, Training, Inference }

/// <summary>What a job needs, in the terms that pick an instance family.</summary>
/// <param name="Name">a label for the table</param>
/// <param name="Kind">processing (before/after training), training, or real-time inference</param>
/// <param name="Parameters">trainable parameters of the model (0 for processing)</param>
/// <param name="NeuralNetwork">deep learning (matrix maths that accelerators speed up) rather than trees or linear models</param>
/// <param name="CpuBound">the work is heavy arithmetic on CPUs (large tree ensembles, big feature engineering)</param>
/// <param name="CustomCuda">the code needs NVIDIA CUDA (custom kernels, CUDA-only libraries), which rules out Trainium/Inferentia</param>
/// <param name="CostFirst">lowest cost matters more than the broadest framework support</param>
public sealed record JobNeeds(string Name, JobKind Kind, long Parameters, bool NeuralNetwork, bool CpuBound = false,
    bool CustomCuda = false, bool CostFirst = false);

/// <summary>An instance family chosen for a job, and why.</summary>
public sealed record InstanceChoice(string Job, string Family, string Kind, string Reason);

/// <summary>
/// The study guide's instance table as a decision: ml.m (general purpose), ml.c (compute optimised), ml.g (smaller
/// GPU: inference, small training), ml.p (large GPU training), ml.trn (Trainium, cost-effective DL training),
/// ml.inf (Inferentia, high-throughput inference). Neural networks above <see cref="LargeModel"/> parameters count as large.
/// </summary>
public static class InstanceFamilies
{
    public const long LargeModel = 100_000_000;

    public static InstanceChoice Choose(JobNeeds job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Parameters < 0) throw new ArgumentOutOfRangeException(nameof(job), job.Parameters, "Parameters must be ≥ 0.");
        bool large = job.Parameters >= LargeModel;
        bool neuron = job.CostFirst && !job.CustomCuda; // AWS chips need the Neuron SDK, not CUDA
        (string family, string kind, string why) = (job.Kind, job.NeuralNetwork) switch
        {
            (JobKind.Processing, _) when job.CpuBound => ("ml.c5", "compute optimised", "CPU-heavy data preparation"),
            (JobKind.Processing, _) => ("ml.m5", "general purpose", "preprocessing: balanced CPU and memory, no accelerator"),
            (JobKind.Training, false) when job.CpuBound => ("ml.c5", "compute optimised", "CPU-intensive training (trees, linear models)"),
            (JobKind.Training, false) => ("ml.m5", "general purpose", "a small non-neural model trains fine on CPU"),
            (JobKind.Training, true) when large && neuron => ("ml.trn1", "AWS Trainium", "large deep-learning training at the lowest cost per run"),
            (JobKind.Training, true) when large => ("ml.p4d", "GPU (NVIDIA A100)", "large deep-learning training" + (job.CustomCuda ? " that needs CUDA" : "")),
            (JobKind.Training, true) => ("ml.g5", "GPU (NVIDIA A10G)", "smaller deep-learning training"),
            (JobKind.Inference, true) when neuron => ("ml.inf2", "AWS Inferentia", "high-throughput neural inference at low cost"),
            (JobKind.Inference, true) => ("ml.g5", "GPU (NVIDIA A10G)", "neural inference on a GPU"),
            (JobKind.Inference, false) => ("ml.c5", "compute optimised", "small CPU models answer fast on CPU"),
            _ => throw new ArgumentOutOfRangeException(nameof(job), job.Kind, "unknown job kind"),
        };
        return new InstanceChoice(job.Name, family, kind, why);
    }

    public static IReadOnlyList<InstanceChoice> Table(IEnumerable<JobNeeds> jobs) => jobs.Select(Choose).ToList();
}
