using Kit.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Kit.Ensembles;

/// <summary>
/// Production boosting beside the Kit's own: LightGBM (Microsoft's histogram-based, leaf-wise gradient boosting)
/// through ML.NET's <c>Microsoft.ML.LightGbm</c>, for two classes. The knobs carry the Kit's names; see
/// <see cref="BoostingKnobs"/> for the LightGBM and XGBoost names of each.
/// </summary>
public sealed class LightGbmClassifier : IClassifier
{
    public int Estimators { get; init => field = Checks.AtLeastOne(value, nameof(Estimators)); } = 100;
    public double LearningRate { get; init => field = Checks.Positive(value, nameof(LearningRate)); } = 0.1;

    /// <summary>LightGBM grows trees leaf by leaf up to this many leaves (a depth-3 tree has at most 8).</summary>
    public int Leaves { get; init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Leaves), value, "Leaves must be at least 2."); } = 8;
    public int MinSamplesLeaf { get; init => field = Checks.AtLeastOne(value, nameof(MinSamplesLeaf)); } = 20;
    public double Subsample { get; init => field = Checks.Fraction(value, nameof(Subsample)); } = 1.0;
    public double ColumnSample { get; init => field = Checks.Fraction(value, nameof(ColumnSample)); } = 1.0;
    public double Lambda { get; init => field = Checks.NonNegative(value, nameof(Lambda)); }
    public double Alpha { get; init => field = Checks.NonNegative(value, nameof(Alpha)); }
    public int Threads { get; init => field = Checks.AtLeastOne(value, nameof(Threads)); } = 1;
    public int Seed { get; init; }

    sealed record Fitted(MLContext Context, ITransformer Model, int FeatureCount);

    Fitted? fitted;

    sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    IClassifier IClassifier.Fit(ToyDataset train) => Fit(train);

    public LightGbmClassifier Fit(ToyDataset train)
    {
        var (_, classes) = Checks.Training(train, nameof(train));
        if (classes != 2) throw new ArgumentException($"train must have the two classes 0 and 1; it has labels up to {classes - 1}.", nameof(train));
        var context = new MLContext(Seed);
        var options = new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = Estimators,
            LearningRate = LearningRate,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinSamplesLeaf,
            NumberOfThreads = Threads,
            Seed = Seed,
            Booster = new GradientBooster.Options
            {
                SubsampleFraction = Subsample,
                SubsampleFrequency = Subsample < 1 ? 1 : 0,
                FeatureFraction = ColumnSample,
                L2Regularization = Lambda,
                L1Regularization = Alpha,
            },
        };
        var model = context.BinaryClassification.Trainers.LightGbm(options).Fit(View(context, train.Features, train.FeatureCount, train.Labels));
        fitted = new Fitted(context, model, train.FeatureCount);
        return this;
    }

    public double[][] PredictProba(float[] features)
    {
        var (context, model, featureCount) = Checks.Fitted(fitted, nameof(LightGbmClassifier));
        Checks.Prediction(features, featureCount, nameof(features));
        var scored = model.Transform(View(context, features, featureCount, null));
        return scored.GetColumn<float>("Probability").Select(p => new[] { 1.0 - p, p }).ToArray();
    }

    static IDataView View(MLContext context, float[] features, int featureCount, long[]? labels)
    {
        int rows = features.Length / featureCount;
        var data = Enumerable.Range(0, rows).Select(i => new Row
        {
            Features = features.AsSpan(i * featureCount, featureCount).ToArray(),
            Label = labels is not null && labels[i] == 1,
        });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return context.Data.LoadFromEnumerable(data, schema);
    }
}
