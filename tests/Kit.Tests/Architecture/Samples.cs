// Sample code that breaks the layering on purpose, so the architecture test can show that its rules fail.
namespace Kit.Tests.Architecture.Samples.Cnn
{
    static class Conv { public static string Next() => "conv"; public static Rnn.Cell? Of(Rnn.Cell? c) => c; }
}

namespace Kit.Tests.Architecture.Samples.Rnn
{
    sealed class Cell { public static Cell? Of(Cell? c) => Cnn.Conv.Of(c); }
}

namespace Kit.Tests.Architecture.Samples.Training
{
    static class Loop { public static string Run() => Cnn.Conv.Next(); }
}
