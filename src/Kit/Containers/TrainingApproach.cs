namespace Kit.Containers;

public enum Approach { BuiltInAlgorithm, ScriptMode, BringYourOwnContainer }

/// <summary>The study guide's "Script Mode vs BYOC vs Built-in" tree as a function, with the reason for each answer.</summary>
public static class TrainingApproach
{
    /// <param name="customCode">you write training code (not just pick an algorithm and set hyperparameters)</param>
    /// <param name="standardFramework">the code runs on a framework SageMaker ships containers for (PyTorch, TensorFlow, scikit-learn, XGBoost…), with pip-installable extras</param>
    /// <param name="customRuntime">you need a non-standard library, OS package, language or serving stack</param>
    public static (Approach Choice, string Reason) Choose(bool customCode, bool standardFramework, bool customRuntime)
    {
        if (!customCode && !customRuntime)
            return (Approach.BuiltInAlgorithm, "no custom code: pick a built-in algorithm (XGBoost, Linear Learner…) and set hyperparameters");
        if (customRuntime || !standardFramework)
            return (Approach.BringYourOwnContainer, "non-standard libraries or serving: build your own image, push it to ECR, follow the /opt/ml contract");
        return (Approach.ScriptMode, "a standard framework: hand SageMaker train.py (plus requirements.txt); it supplies the container");
    }
}
