using Microsoft.Data.Analysis;

namespace Kit.Metrics;

// The same metrics on Microsoft.Data.Analysis DataFrame columns (df["label"] as PrimitiveDataFrameColumn<int>).
// A bool column reads true as 1 (positive). A missing value (null) is an error naming the argument and row.

public static partial class Classification
{
    public static BinaryCounts Counts(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred) =>
        Counts(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static BinaryCounts Counts(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred) =>
        Counts(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static ConfusionMatrix ConfusionMatrix(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred) =>
        ConfusionMatrix(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static ConfusionMatrix ConfusionMatrix(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred) =>
        ConfusionMatrix(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static double Accuracy(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred) =>
        Accuracy(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static double Accuracy(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred) =>
        Accuracy(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static double Precision(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred, Average average = Average.Binary) =>
        Precision(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)), average);

    public static double Precision(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred, Average average = Average.Binary) =>
        Precision(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)), average);

    public static double Recall(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred, Average average = Average.Binary) =>
        Recall(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)), average);

    public static double Recall(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred, Average average = Average.Binary) =>
        Recall(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)), average);

    public static double Specificity(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred) =>
        Specificity(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static double Specificity(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred) =>
        Specificity(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static double F1(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred, Average average = Average.Binary) =>
        F1(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)), average);

    public static double F1(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred, Average average = Average.Binary) =>
        F1(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)), average);

    public static double FBeta(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred, double beta, Average average = Average.Binary) =>
        FBeta(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)), beta, average);

    public static double FBeta(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred, double beta, Average average = Average.Binary) =>
        FBeta(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)), beta, average);

    public static double Mcc(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred) =>
        Mcc(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static double Mcc(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred) =>
        Mcc(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static IReadOnlyList<ClassScores> Report(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<int> yPred) =>
        Report(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static IReadOnlyList<ClassScores> Report(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<bool> yPred) =>
        Report(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yPred, nameof(yPred)));

    public static double LogLoss(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<double> yProb) =>
        LogLoss(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yProb, nameof(yProb)));

    public static double LogLoss(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<double> yProb) =>
        LogLoss(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yProb, nameof(yProb)));
}

public static partial class Ranking
{
    public static RocCurve RocCurve(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<double> yScore, bool dropIntermediate = true) =>
        RocCurve(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)), dropIntermediate);

    public static RocCurve RocCurve(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<double> yScore, bool dropIntermediate = true) =>
        RocCurve(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)), dropIntermediate);

    public static double RocAuc(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<double> yScore) =>
        RocAuc(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)));

    public static double RocAuc(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<double> yScore) =>
        RocAuc(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)));

    public static PrecisionRecallCurve PrecisionRecallCurve(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<double> yScore) =>
        PrecisionRecallCurve(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)));

    public static PrecisionRecallCurve PrecisionRecallCurve(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<double> yScore) =>
        PrecisionRecallCurve(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)));

    public static double AveragePrecision(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<double> yScore) =>
        AveragePrecision(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)));

    public static double AveragePrecision(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<double> yScore) =>
        AveragePrecision(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)));

    public static IReadOnlyList<ThresholdPoint> AtThresholds(PrimitiveDataFrameColumn<int> yTrue, PrimitiveDataFrameColumn<double> yScore, IReadOnlyList<double> thresholds) =>
        AtThresholds(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)), thresholds);

    public static IReadOnlyList<ThresholdPoint> AtThresholds(PrimitiveDataFrameColumn<bool> yTrue, PrimitiveDataFrameColumn<double> yScore, IReadOnlyList<double> thresholds) =>
        AtThresholds(Checks.Column(yTrue, nameof(yTrue)), Checks.Column(yScore, nameof(yScore)), thresholds);
}

public static partial class Regression
{
    public static double Mse(PrimitiveDataFrameColumn<double> y, PrimitiveDataFrameColumn<double> yHat) =>
        Mse(Checks.Column(y, nameof(y)), Checks.Column(yHat, nameof(yHat)));

    public static double Rmse(PrimitiveDataFrameColumn<double> y, PrimitiveDataFrameColumn<double> yHat) =>
        Rmse(Checks.Column(y, nameof(y)), Checks.Column(yHat, nameof(yHat)));

    public static double Mae(PrimitiveDataFrameColumn<double> y, PrimitiveDataFrameColumn<double> yHat) =>
        Mae(Checks.Column(y, nameof(y)), Checks.Column(yHat, nameof(yHat)));

    public static double R2(PrimitiveDataFrameColumn<double> y, PrimitiveDataFrameColumn<double> yHat) =>
        R2(Checks.Column(y, nameof(y)), Checks.Column(yHat, nameof(yHat)));

    public static double Huber(PrimitiveDataFrameColumn<double> y, PrimitiveDataFrameColumn<double> yHat, double delta = 1.0) =>
        Huber(Checks.Column(y, nameof(y)), Checks.Column(yHat, nameof(yHat)), delta);
}
