namespace CbGen.Sampling;

/// <summary>
/// One epoch's stream of row indices from an <see cref="IndexSampler"/>: each <see cref="Next"/> draws a class from
/// the alias table and a row of that class uniformly, in O(1) and without allocating. The sequence is a pure
/// function of the sampler's seed and the epoch. Not thread-safe: give each thread its own stream.
/// </summary>
public sealed class IndexStream
{
    private readonly AliasTable classes;
    private readonly LabelIndex labels;
    private readonly int[] rows;
    private SamplerRandom random;

    internal IndexStream(AliasTable classes, LabelIndex labels, long seed, int epoch)
    {
        this.classes = classes;
        this.labels = labels;
        rows = labels.Rows;
        random = new SamplerRandom(seed, epoch);
    }

    /// <summary>Draws the next row index (a data set item) of the epoch.</summary>
    public long Next()
    {
        int c = classes.Sample(ref random);
        uint k = random.NextBounded((uint)labels.CountOf(c), out _);
        return rows[labels.Offset(c) + (int)k];
    }

    /// <summary>Draws the next class only (for a loop that picks the row itself).</summary>
    public int NextClass() => classes.Sample(ref random);
}
