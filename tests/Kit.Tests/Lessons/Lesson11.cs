#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.AutoML;
using Kit.CrossValidation;
using Kit.Data;
using Kit.Ensembles;
using Kit.Metrics;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>
/// Lesson 11's Autopilot job, exactly as its cells write it (compared by <see cref="LessonCellTests"/>): the table,
/// the folds, the objective and the candidate algorithms. Also compiled into Kit.Notebooks.Tests, which generates the
/// candidate notebook from it.
/// </summary>
static class Lesson11
{
    /// <summary>The namespaces the candidate code needs (the lesson passes the same list to the notebook writer).</summary>
    public static readonly string[] Usings = ["Kit.CrossValidation", "Kit.Data", "Kit.Ensembles", "Kit.Metrics", "Kit.Training", "TorchSharp", "static TorchSharp.torch"];

    /// <summary>The lesson's job: the five-fold leaderboard of <paramref name="algorithms"/> on the breast-tumour table.</summary>
    public static Leaderboard Run(Algorithm[] algorithms, int seed = 0)
    {
        // lesson-model: autopilot-job
        var job = new AutoMLJob("malignant", Objective.Define("F1", p => Classification.F1(p.TrueLabels, p.Labels)),
            (rows, target) => new StratifiedKFold(5).Split(rows, target.Select(v => (long)v).ToArray()).Select(f => (f.Train, f.Test)).ToList())
            { ProblemType = ProblemType.BinaryClassification, MaxCandidates = 6, Seed = seed };
        var leaderboard = job.Run(Table.FromDataset(BreastCancer.Load(), BreastCancer.FeatureNames, "malignant", label => label == 0 ? 1 : 0), algorithms);
        // end lesson-model
        return leaderboard;
    }

    public static Algorithm[] Algorithms()
    {
        // lesson-model: autopilot-candidates
        // Each algorithm's code fits on one fold's training rows (train) and returns the fitted model: a function from rows to class probabilities.
        var algorithms = new[]
        {
            Algorithm.Define("logistic regression", new Dictionary<string, double> { ["C"] = 1.0 }, [Preprocessing.None, Preprocessing.Standardize], train =>
            {
                // L2-regularised logistic regression (scikit-learn's objective at C), solved by Newton's method in double precision.
                Tensor WithIntercept(float[] rows) => cat([ones(rows.Length / train.FeatureCount, 1, float64), tensor(rows).reshape(-1, train.FeatureCount).to(float64)], 1);
                var (X, t) = (WithIntercept(train.Features), tensor(train.Target));
                var penalty = diag(cat([zeros(1, float64), full(train.FeatureCount, 1 / train.Hyperparameter("C"), float64)]));   // the intercept is not penalised
                var w = zeros(train.FeatureCount + 1, float64);
                for (int step = 0; step < 100; step++)
                {
                    var p = sigmoid(X.matmul(w));
                    var gradient = X.t().matmul(p - t) + penalty.matmul(w);
                    var hessian = X.t().matmul(X * (p * (1 - p)).unsqueeze(1)) + penalty;
                    var delta = linalg.solve(hessian, gradient);
                    w = w - delta;
                    if (delta.abs().max().item<double>() < 1e-10) break;
                }
                return rows => sigmoid(WithIntercept(rows).matmul(w)).data<double>().Select(p => new[] { 1 - p, p }).ToArray();
            }),
            Algorithm.Define("MLP", new Dictionary<string, double> { ["hidden_units"] = 32, ["learning_rate"] = 0.01, ["epochs"] = 30 }, [Preprocessing.None, Preprocessing.Standardize], train =>
            {
                var model = Nets.Seeded(train.Seed, () => Nets.Mlp(train.FeatureCount, [(int)train.Hyperparameter("hidden_units")], 2));
                var trainer = new Trainer(model, optim.Adam(model.parameters(), lr: train.Hyperparameter("learning_rate")), nn.CrossEntropyLoss()) { BatchSize = 32, Seed = train.Seed };
                var (X, y) = train.AsLabelled().ToTensors();
                trainer.Fit(X, y, (int)train.Hyperparameter("epochs"));
                return rows => nn.functional.softmax(trainer.Predict(tensor(rows).reshape(-1, train.FeatureCount)), 1).to(float64).cpu().data<double>().Chunk(2).ToArray();
            }),
            Algorithm.Define("random forest", new Dictionary<string, double> { ["trees"] = 100 }, [Preprocessing.None], train =>
            {
                var forest = new RandomForestClassifier { Estimators = (int)train.Hyperparameter("trees"), Seed = train.Seed }.Fit(train.AsLabelled());
                return forest.PredictProba;
            }),
            Algorithm.Define("gradient boosting", new Dictionary<string, double> { ["stages"] = 100, ["learning_rate"] = 0.1, ["max_depth"] = 3 }, [Preprocessing.None], train =>
            {
                var boosting = new GradientBoosting { Estimators = (int)train.Hyperparameter("stages"), LearningRate = train.Hyperparameter("learning_rate"), MaxDepth = (int)train.Hyperparameter("max_depth"), Seed = train.Seed }.Fit(train.AsLabelled());
                return boosting.PredictProba;
            }),
        };
        // end lesson-model
        return algorithms;
    }
}
