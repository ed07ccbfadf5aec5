using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace CbGen.Sampling;

/// <summary>
/// A seeded, streaming index sampler over a data set's rows: it draws a class with the probabilities of
/// <see cref="SamplingProbabilities"/> (O(1), <see cref="AliasTable"/>) and then a row of that class uniformly, with
/// replacement, and yields row indices one at a time; an epoch is never materialised.
/// </summary>
/// <remarks>
/// <para><b>Reproducible:</b> epoch e's indices are a pure function of (seed, e): <see cref="Epoch(int)"/> gives the
/// same sequence every time it is enumerated, on any thread, whatever was drawn before.</para>
/// <para><b>As an <see cref="IEnumerable{T}"/>:</b> each <see cref="GetEnumerator"/> starts the next epoch (0, 1, 2,
/// …), like a PyTorch sampler's <c>__iter__</c>, so TorchSharp's <c>DataLoader</c>, which takes an
/// <c>IEnumerable&lt;long&gt;</c> as its shuffler and enumerates it once per epoch, draws a new epoch per pass.</para>
/// </remarks>
public sealed class IndexSampler : IEnumerable<long>
{
    private readonly LabelIndex labels;
    private readonly Func<int, double[]> probabilitiesOf;
    private readonly int? totalEpochs;
    private EpochTable? recent;
    private int startedEpochs;

    private IndexSampler(LabelIndex labels, long seed, long epochLength, int? totalEpochs, Func<int, double[]> probabilitiesOf)
    {
        ValidateLength(epochLength, nameof(epochLength));
        this.labels = labels;
        Seed = seed;
        EpochLength = epochLength;
        this.totalEpochs = totalEpochs;
        this.probabilitiesOf = probabilitiesOf;
        _ = TableOf(0);                                 // validates the probabilities now, not at the first draw
    }

    /// <summary>Samples classes with probabilities p_c ∝ n_c^q (see <see cref="SamplingProbabilities.Power"/>).</summary>
    /// <param name="labels">The data set's labels grouped by class.</param>
    /// <param name="q">The exponent, finite and ≥ 0.</param>
    /// <param name="seed">The seed; the same seed gives the same epochs.</param>
    /// <param name="zeroCounts">What to do with a class that has no rows; <see cref="ZeroCountPolicy.Throw"/> by default.</param>
    /// <param name="epochLength">Indices per epoch; the number of rows N by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="SamplingProbabilities.Power"/>, or <paramref name="epochLength"/> &lt; 1.</exception>
    public static IndexSampler Power(LabelIndex labels, double q, long seed, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw, long? epochLength = null)
    {
        double[] p = SamplingProbabilities.Power(CountsOf(labels), q, zeroCounts);
        return new IndexSampler(labels, seed, epochLength ?? labels.RowCount, null, _ => p);
    }

    /// <summary>Class-balanced sampling (q = 0): every class with rows equally often.</summary>
    /// <exception cref="ArgumentException">As <see cref="Power"/>.</exception>
    public static IndexSampler ClassBalanced(LabelIndex labels, long seed, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw, long? epochLength = null) =>
        Power(labels, 0.0, seed, zeroCounts, epochLength);

    /// <summary>Square-root sampling (q = ½).</summary>
    /// <exception cref="ArgumentException">As <see cref="Power"/>.</exception>
    public static IndexSampler SquareRoot(LabelIndex labels, long seed, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw, long? epochLength = null) =>
        Power(labels, 0.5, seed, zeroCounts, epochLength);

    /// <summary>Progressively balanced sampling over epochs 0 … T (see
    /// <see cref="SamplingProbabilities.ProgressivelyBalanced"/>); epoch t uses p(t).</summary>
    /// <exception cref="ArgumentException">As <see cref="SamplingProbabilities.ProgressivelyBalanced"/>, or <paramref name="epochLength"/> &lt; 1.</exception>
    public static IndexSampler ProgressivelyBalanced(LabelIndex labels, int totalEpochs, long seed, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw, long? epochLength = null)
    {
        long[] counts = CountsOf(labels);
        SamplingProbabilities.ValidateEpoch(0, totalEpochs);
        return new IndexSampler(labels, seed, epochLength ?? labels.RowCount, totalEpochs,
            t => SamplingProbabilities.ProgressivelyBalanced(counts, t, totalEpochs, zeroCounts));
    }

    /// <summary>
    /// LVIS repeat-factor sampling drawn as a weighted sampler: p_c ∝ n_c·r_c, and an epoch of round(Σ_c n_c·r_c)
    /// indices by default, the expected length of the paper's epoch (see docs/sampling.md for why not stochastic
    /// rounding of each row's repeat factor).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="SamplingProbabilities.RepeatFactors"/>, or <paramref name="epochLength"/> &lt; 1.</exception>
    public static IndexSampler RepeatFactor(LabelIndex labels, double threshold, long seed, ZeroCountPolicy zeroCounts = ZeroCountPolicy.Throw, long? epochLength = null)
    {
        long[] counts = CountsOf(labels);
        double[] r = SamplingProbabilities.RepeatFactors(counts, threshold, zeroCounts);
        double expected = 0.0;
        for (int c = 0; c < counts.Length; c++)
        {
            expected += counts[c] * r[c];
        }

        double[] p = SamplingProbabilities.RepeatFactor(counts, threshold, zeroCounts);
        return new IndexSampler(labels, seed, epochLength ?? (long)Math.Round(expected, MidpointRounding.AwayFromZero), null, _ => p);
    }

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>The number of indices an epoch yields.</summary>
    public long EpochLength { get; }

    /// <summary>The data set's labels grouped by class.</summary>
    public LabelIndex Labels => labels;

    /// <summary>The class probabilities used in <paramref name="epoch"/> (the same for every epoch except with
    /// progressive balancing).</summary>
    /// <exception cref="ArgumentException"><paramref name="epoch"/> is negative, or past T for progressive balancing.</exception>
    public double[] ClassProbabilities(int epoch = 0)
    {
        ValidateEpoch(epoch);
        return (double[])probabilitiesOf(epoch).Clone();
    }

    /// <summary>A stream of epoch <paramref name="epoch"/>'s indices, drawn one at a time with <see cref="IndexStream.Next"/>.</summary>
    /// <exception cref="ArgumentException">As <see cref="ClassProbabilities"/>.</exception>
    public IndexStream Stream(int epoch)
    {
        ValidateEpoch(epoch);
        return new IndexStream(TableOf(epoch), labels, Seed, epoch);
    }

    /// <summary>Epoch <paramref name="epoch"/>'s <see cref="EpochLength"/> indices, drawn lazily; the same sequence
    /// each time it is enumerated.</summary>
    /// <exception cref="ArgumentException">As <see cref="ClassProbabilities"/>.</exception>
    public IEnumerable<long> Epoch(int epoch) => Epoch(epoch, EpochLength);

    /// <summary>The first <paramref name="length"/> indices of epoch <paramref name="epoch"/>, drawn lazily.</summary>
    /// <exception cref="ArgumentException">As <see cref="ClassProbabilities"/>, or <paramref name="length"/> &lt; 1.</exception>
    public IEnumerable<long> Epoch(int epoch, long length)
    {
        ValidateEpoch(epoch);
        ValidateLength(length, nameof(length));
        return Draw(epoch, length);
    }

    /// <summary>Starts the next epoch (0 for the first call, then 1, 2, …; thread-safe) and enumerates it.</summary>
    /// <exception cref="InvalidOperationException">Progressive balancing has already run all its epochs 0 … T.</exception>
    public IEnumerator<long> GetEnumerator()
    {
        int epoch = Interlocked.Increment(ref startedEpochs) - 1;
        if (totalEpochs.HasValue && epoch > totalEpochs.Value)
        {
            throw new InvalidOperationException(
                "Progressive balancing was built for epochs 0 … " + EffectiveNumber.Format(totalEpochs.Value)
                + " and all have been enumerated; build the sampler with more total epochs, or use Epoch(t) for a given t.");
        }

        return Draw(epoch, EpochLength).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<long> Draw(int epoch, long length)
    {
        IndexStream stream = Stream(epoch);
        for (long i = 0; i < length; i++)
        {
            yield return stream.Next();
        }
    }

    /// <summary>
    /// The alias table of <paramref name="epoch"/>'s probabilities, built on demand and kept until another epoch's is
    /// needed: one table for a sampler whose probabilities do not change, and O(C) memory for progressive balancing
    /// whatever T is (a stream holds its own table, so each epoch's table is built about once).
    /// </summary>
    private AliasTable TableOf(int epoch)
    {
        int key = totalEpochs.HasValue ? epoch : 0;
        EpochTable? cached = Volatile.Read(ref recent);
        if (cached is null || cached.Key != key)
        {
            // Tables are deterministic and immutable: a race only builds one twice or replaces the kept one, and
            // each caller returns the table of its own epoch.
            cached = new EpochTable(key, BuildTable(probabilitiesOf(epoch)));
            Volatile.Write(ref recent, cached);
        }

        return cached.Table;
    }

    private static AliasTable BuildTable(double[] probabilities) => new AliasTable(probabilities);

    private void ValidateEpoch(int epoch)
    {
        if (totalEpochs.HasValue)
        {
            SamplingProbabilities.ValidateEpoch(epoch, totalEpochs.Value);
        }
        else if (epoch < 0)
        {
            throw new ArgumentException(
                "Epoch " + EffectiveNumber.Format(epoch) + " is negative; epochs are counted from 0.", nameof(epoch));
        }
    }

    private static void ValidateLength(long length, string paramName)
    {
        if (length < 1)
        {
            throw new ArgumentException(
                "The epoch length is " + EffectiveNumber.Format(length) + "; pass the number of indices per epoch (≥ 1), "
                + "or leave it out for the default.", paramName);
        }
    }

    private static long[] CountsOf(LabelIndex labels)
    {
        if (labels is null)
        {
            throw new ArgumentNullException(nameof(labels));
        }

        return labels.Counts();
    }

    /// <summary>A built table and the epoch it belongs to (0 for a sampler whose probabilities do not change).</summary>
    private sealed record EpochTable(int Key, AliasTable Table);
}
