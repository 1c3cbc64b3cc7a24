using Kit.Data;

namespace Kit.Ensembles;

/// <summary>What gradient boosting minimises: squared error (regression) or log-loss (two classes, raw score = log-odds).</summary>
public enum BoostingLoss { Squared, Logistic }

/// <summary>
/// Gradient boosting of regression trees (scikit-learn's <c>GradientBoostingClassifier</c>/<c>Regressor</c>, with
/// XGBoost's row and column subsampling, L2 leaf penalty and early stopping). Stage m fits a small tree to the
/// residuals y − prediction (the negative gradient of the loss), sets each leaf to a Newton step
/// Σ residual / (Σ hessian + λ), and adds it times the learning rate.
/// </summary>
public sealed class GradientBoosting : IClassifier
{
    public BoostingLoss Loss { get; init; } = BoostingLoss.Logistic;
    public int Estimators { get; init => field = Checks.AtLeastOne(value, nameof(Estimators)); } = 100;

    /// <summary>Shrinkage (XGBoost's eta): each tree's contribution is multiplied by it.</summary>
    public double LearningRate { get; init => field = Checks.Positive(value, nameof(LearningRate)); } = 0.1;
    public int MaxDepth { get; init => field = Checks.AtLeastOne(value, nameof(MaxDepth)); } = 3;
    public int MinSamplesLeaf { get; init => field = Checks.AtLeastOne(value, nameof(MinSamplesLeaf)); } = 1;

    /// <summary>Share of the rows each tree trains on, drawn without replacement per stage (XGBoost's subsample).</summary>
    public double Subsample { get; init => field = Checks.Fraction(value, nameof(Subsample)); } = 1.0;

    /// <summary>Share of the features each tree may use, drawn per tree (XGBoost's colsample_bytree).</summary>
    public double ColumnSample { get; init => field = Checks.Fraction(value, nameof(ColumnSample)); } = 1.0;

    /// <summary>L2 penalty on leaf values (XGBoost's lambda): leaf = Σ gradient / (Σ hessian + λ).</summary>
    public double Lambda { get; init => field = Checks.NonNegative(value, nameof(Lambda)); }

    /// <summary>Stop when the validation loss has not improved for this many stages, and keep the best stage; null never stops.</summary>
    public int? EarlyStoppingRounds { get; init => field = value is null ? null : Checks.AtLeastOne(value.Value, nameof(EarlyStoppingRounds)); }
    public int Seed { get; init; }

    Fitted? fitted;

    sealed record Fitted(List<FittedTree> Trees, double Initial, int FeatureCount, List<double> TrainLoss, List<double> ValidationLoss, List<double> TrainError);

    Fitted State => Checks.Fitted(fitted, nameof(GradientBoosting));

    /// <summary>Trees kept (after early stopping, the stages up to the best validation loss).</summary>
    public int TreeCount => State.Trees.Count;
    public IReadOnlyList<TreeNode> TreeNodes(int tree) => State.Trees[tree].Nodes;
    internal double InitialScore => State.Initial;
    internal int FeatureCount => State.FeatureCount;

    /// <summary>Training loss after 1, 2, … stages (mean log-loss or mean squared error).</summary>
    public IReadOnlyList<double> TrainLoss => State.TrainLoss;

    /// <summary>Validation loss after 1, 2, … stages; empty without a validation set.</summary>
    public IReadOnlyList<double> ValidationLoss => State.ValidationLoss;

    /// <summary>Training classification error after 1, 2, … stages (logistic loss only).</summary>
    public IReadOnlyList<double> TrainError => State.TrainError;

    /// <summary>How many stages ran before early stopping ended the fit (= Estimators when it did not).</summary>
    public int StagesRun => State.TrainLoss.Count;

    IClassifier IClassifier.Fit(ToyDataset train) => Fit(train);

    /// <summary>Fits a two-class model with log-loss; <paramref name="validation"/> feeds the validation curve and early stopping.</summary>
    public GradientBoosting Fit(ToyDataset train, ToyDataset? validation = null)
    {
        if (Loss != BoostingLoss.Logistic)
            throw new ArgumentException("Fit(ToyDataset) classifies, which needs Loss = BoostingLoss.Logistic; use FitRegression for squared error.", nameof(Loss));
        var (labels, classes) = Checks.Training(train, nameof(train));
        if (classes != 2) throw new ArgumentException($"train must have the two classes 0 and 1 (log-loss boosting here is binary); it has labels up to {classes - 1}.", nameof(train));
        if (validation is not null)
        {
            Checks.Prediction(validation.Features, train.FeatureCount, nameof(validation));
            if (validation.Labels.Any(l => l is not (0 or 1))) throw new ArgumentException("validation's labels must be 0 or 1.", nameof(validation));
        }
        Core(train.Features, train.FeatureCount, labels.Select(l => (double)l).ToArray(),
            validation?.Features, validation?.Labels.Select(l => (double)l).ToArray());
        return this;
    }

    /// <summary>Fits a regression model with squared error.</summary>
    public GradientBoosting FitRegression(float[] features, int featureCount, double[] targets, float[]? validationFeatures = null, double[]? validationTargets = null)
    {
        if (Loss != BoostingLoss.Squared)
            throw new ArgumentException("FitRegression needs Loss = BoostingLoss.Squared.", nameof(Loss));
        Checks.Features(features, featureCount, nameof(features));
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length == 0 || targets.Length * featureCount != features.Length)
            throw new ArgumentException($"targets must hold one finite value per row of features ({features.Length / featureCount}).", nameof(targets));
        if ((validationFeatures is null) != (validationTargets is null))
            throw new ArgumentException("Give both validationFeatures and validationTargets, or neither.", nameof(validationTargets));
        if (validationFeatures is not null) Checks.Prediction(validationFeatures, featureCount, nameof(validationFeatures));
        Core(features, featureCount, targets, validationFeatures, validationTargets);
        return this;
    }

    void Core(float[] x, int featureCount, double[] y, float[]? xVal, double[]? yVal)
    {
        int n = y.Length, nVal = yVal?.Length ?? 0;
        bool logistic = Loss == BoostingLoss.Logistic;
        var columns = new SortedColumns(x, featureCount);
        var rng = new Random(Seed);
        double mean = y.Average();
        double initial = logistic ? Math.Log(mean / (1 - mean)) : mean;
        var raw = Enumerable.Repeat(initial, n).ToArray();
        var rawVal = Enumerable.Repeat(initial, nVal).ToArray();
        var fit = new Fitted([], initial, featureCount, [], [], []);
        var residual = new double[n];
        var prediction = new double[n];   // P(class 1) (logistic) or the raw score (squared), refreshed after each stage
        Score(raw, y, prediction, logistic);
        int inBag = Math.Max(1, (int)(Subsample * n));
        int columnsPerTree = Math.Max(1, (int)(ColumnSample * featureCount));
        int best = 0;
        for (int stage = 0; stage < Estimators; stage++)
        {
            var weights = RowSample(n, inBag, rng);
            var features = Shuffled(featureCount, rng)[..columnsPerTree];
            Array.Sort(features);
            for (int i = 0; i < n; i++) residual[i] = y[i] - prediction[i];
            var tree = new DecisionTree { MaxDepth = MaxDepth, MinSamplesLeaf = MinSamplesLeaf };
            var (grown, leafOf) = tree.FitCore(columns, null, 0, residual, weights, features, new Random(rng.Next()));
            NewtonLeaves(grown, leafOf, residual, y, logistic);
            for (int i = 0; i < n; i++) raw[i] += LearningRate * (leafOf[i] >= 0 ? grown.LeafValue(leafOf[i]) : grown.Value(x, i));
            for (int i = 0; i < nVal; i++) rawVal[i] += LearningRate * grown.Value(xVal!, i);
            fit.Trees.Add(grown);
            var (loss, errors) = Score(raw, y, prediction, logistic);
            fit.TrainLoss.Add(loss);
            if (logistic) fit.TrainError.Add(errors / (double)n);
            if (nVal == 0) continue;
            fit.ValidationLoss.Add(Score(rawVal, yVal!, null, logistic).Loss);
            if (fit.ValidationLoss[stage] < fit.ValidationLoss[best]) best = stage;
            if (EarlyStoppingRounds is int rounds && stage - best >= rounds)
            {
                fit.Trees.RemoveRange(best + 1, fit.Trees.Count - best - 1);
                break;
            }
        }
        fitted = fit;
    }

    /// <summary>Leaf value = Σ residual / (Σ hessian + λ) over the leaf's training rows (hessian 1 for squared error, p(1 − p) for log-loss).</summary>
    void NewtonLeaves(FittedTree tree, int[] leafOf, double[] residual, double[] y, bool logistic)
    {
        var gradient = new double[tree.Nodes.Count];
        var hessian = new double[tree.Nodes.Count];
        for (int i = 0; i < leafOf.Length; i++)
        {
            int leaf = leafOf[i];
            if (leaf < 0) continue;
            gradient[leaf] += residual[i];
            double p = y[i] - residual[i];
            hessian[leaf] += logistic ? p * (1 - p) : 1;
        }
        for (int node = 0; node < tree.Nodes.Count; node++)
        {
            if (!tree.Nodes[node].IsLeaf) continue;
            double denominator = hessian[node] + Lambda;
            tree.SetLeafValue(node, denominator < 1e-150 ? 0 : gradient[node] / denominator);
        }
    }

    /// <summary>The raw score: log-odds of class 1 (logistic) or the prediction (squared), using the kept trees.</summary>
    public double[] DecisionFunction(float[] features)
    {
        var fit = State;
        Checks.Prediction(features, fit.FeatureCount, nameof(features));
        int rows = features.Length / fit.FeatureCount;
        var raw = Enumerable.Repeat(fit.Initial, rows).ToArray();
        foreach (var tree in fit.Trees)
            for (int i = 0; i < rows; i++) raw[i] += LearningRate * tree.Value(features, i);
        return raw;
    }

    public double[] PredictValue(float[] features) => DecisionFunction(features);

    public double[][] PredictProba(float[] features)
    {
        if (Loss != BoostingLoss.Logistic) throw new InvalidOperationException("PredictProba needs Loss = BoostingLoss.Logistic; use PredictValue for regression.");
        return DecisionFunction(features).Select(r => { double p = Sigmoid(r); return new[] { 1 - p, p }; }).ToArray();
    }

    static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>
    /// Mean loss and misclassified count of raw scores, in one pass with one exp and one log per row; fills
    /// <paramref name="prediction"/> (when given) with P(class 1) or the raw score for the next stage's residuals.
    /// </summary>
    static (double Loss, int Errors) Score(double[] raw, double[] y, double[]? prediction, bool logistic)
    {
        double sum = 0;
        int errors = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double z = raw[i];
            if (!logistic)
            {
                sum += (y[i] - z) * (y[i] - z);
                if (prediction is not null) prediction[i] = z;
                continue;
            }
            double e = Math.Exp(-Math.Abs(z));
            sum += Math.Log(1 + e) + Math.Max(z, 0) - y[i] * z;   // log(1 + e^z) − y·z, stable
            if (prediction is not null) prediction[i] = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            if ((z > 0 ? 1 : 0) != y[i]) errors++;
        }
        return (sum / y.Length, errors);
    }

    static double[] RowSample(int n, int inBag, Random rng)
    {
        var weights = new double[n];
        if (inBag >= n) { Array.Fill(weights, 1); return weights; }
        foreach (int i in Shuffled(n, rng)[..inBag]) weights[i] = 1;
        return weights;
    }

    static int[] Shuffled(int count, Random rng)
    {
        var items = Enumerable.Range(0, count).ToArray();
        rng.Shuffle(items);
        return items;
    }
}
