namespace Kit.Ensembles;

/// <summary>
/// The training features column by column, with every column's rows sorted once by value. Every tree of an
/// ensemble reuses the sort: a node's rows stay sorted when they are partitioned, so no node ever sorts again.
/// </summary>
internal sealed class SortedColumns
{
    public int Rows { get; }
    public int Features { get; }
    public float[][] Values { get; }
    public int[][] Order { get; }

    public SortedColumns(float[] rowMajor, int featureCount)
    {
        Features = featureCount;
        Rows = rowMajor.Length / featureCount;
        Values = new float[featureCount][];
        Order = new int[featureCount][];
        for (int f = 0; f < featureCount; f++)
        {
            var column = new float[Rows];
            for (int i = 0; i < Rows; i++) column[i] = rowMajor[i * featureCount + f];
            var keys = (float[])column.Clone();
            var order = Enumerable.Range(0, Rows).ToArray();
            Array.Sort(keys, order);
            Values[f] = column;
            Order[f] = order;
        }
    }
}
