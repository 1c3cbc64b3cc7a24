namespace Kit.Training;

/// <summary>One plain gradient-descent update: w ← w − η·∂L/∂w.</summary>
public static class GradientDescent
{
    public static double Step(double weight, double learningRate, double gradient)
    {
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learning rate must be positive");
        return weight - learningRate * gradient;
    }
}
