using Microsoft.Data.Analysis;

namespace Kit.Ensembles;

/// <param name="XGBoost">the hyperparameter's name in XGBoost (and SageMaker's built-in XGBoost algorithm)</param>
/// <param name="Kit">the same knob on the Kit's <see cref="GradientBoosting"/></param>
/// <param name="LightGbm">LightGBM's name, then ML.NET's option</param>
/// <param name="Effect">what turning it does</param>
public sealed record BoostingKnob(string XGBoost, string Kit, string LightGbm, string Effect);

/// <summary>XGBoost's hyperparameters next to the Kit's and LightGBM's names for the same idea.</summary>
public static class BoostingKnobs
{
    public static IReadOnlyList<BoostingKnob> Table { get; } =
    [
        new("eta (learning_rate)", "LearningRate", "learning_rate / LearningRate", "shrinks each tree; lower fights overfitting but needs more rounds, higher learns faster"),
        new("num_round (n_estimators)", "Estimators", "num_iterations / NumberOfIterations", "more rounds lower training error (bias); too many overfit unless early stopping ends them"),
        new("max_depth", "MaxDepth", "max_depth, num_leaves / MaximumTreeDepth, NumberOfLeaves", "deeper trees learn interactions faster; lower fights overfitting"),
        new("min_child_weight", "MinSamplesLeaf (the same for squared error, where each row's hessian is 1)", "min_sum_hessian_in_leaf; min_data_in_leaf / MinimumExampleCountPerLeaf", "higher forbids tiny leaves: fights overfitting"),
        new("subsample", "Subsample", "bagging_fraction / SubsampleFraction", "rows per tree; below 1 fights overfitting (and speeds each round)"),
        new("colsample_bytree", "ColumnSample", "feature_fraction / FeatureFraction", "features per tree; below 1 fights overfitting and decorrelates trees"),
        new("lambda (reg_lambda)", "Lambda", "lambda_l2 / L2Regularization", "L2 penalty on leaf values: fights overfitting"),
        new("alpha (reg_alpha)", "— (not in the Kit; LightGbmClassifier.Alpha)", "lambda_l1 / L1Regularization", "L1 penalty on leaf values: fights overfitting, can zero out leaves"),
        new("early_stopping_rounds", "EarlyStoppingRounds", "early_stopping_round / EarlyStoppingRound", "stops when the validation metric has not improved for N rounds: fights overfitting and saves time"),
    ];

    /// <summary>The table as a DataFrame, which notebooks draw as a table.</summary>
    public static DataFrame AsDataFrame() => new(
        new StringDataFrameColumn("XGBoost", Table.Select(k => k.XGBoost)),
        new StringDataFrameColumn("Kit (GradientBoosting)", Table.Select(k => k.Kit)),
        new StringDataFrameColumn("LightGBM / ML.NET", Table.Select(k => k.LightGbm)),
        new StringDataFrameColumn("effect", Table.Select(k => k.Effect)));
}
