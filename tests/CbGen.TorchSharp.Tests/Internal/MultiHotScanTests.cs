using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The host scan of multi-hot targets: it accepts exactly what the device check accepts (0, −0 and 1), counts and lists
/// the ones as a plain loop does, in the vectorised body and in the tail alike, and its in-place x + k·x·t at the listed
/// positions leaves the bits <c>addcmul_</c> leaves.
/// </summary>
public class MultiHotScanTests
{
    /// <summary>Lengths around the scan's chunk (4 × 256 bits: 32 Float32 or 16 Float64 values) and its tail, and one
    /// long enough for the list of positions to outgrow its first array.</summary>
    public static TheoryData<ScalarType, int> Lengths()
    {
        var data = new TheoryData<ScalarType, int>();
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            foreach (int n in new[] { 1, 7, 15, 16, 17, 31, 32, 33, 64, 100, 1000, 4099, 40_000 })
            {
                data.Add(dtype, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Counts_and_lists_the_ones_as_a_loop_does(ScalarType dtype, int n)
    {
        foreach (double density in new[] { 0.0, 0.02, 0.05, 0.2, 1.0 })
        {
            var values = Values(n, density, seed: n);
            using var t = tensor(values, dtype: dtype);
            var expected = Enumerable.Range(0, n).Where(i => values[i] == 1.0).ToArray();

            Assert.True(MultiHotScan.Scan(t, out long positives, out var positions, out _));
            Assert.Equal(expected.Length, positives);
            if (expected.Length <= n / MultiHotScan.SparseStride)
            {
                Assert.Equal(expected, positions!.Value.ToArray());
            }
            else
            {
                Assert.Null(positions);
            }
        }
    }

    [Theory]
    [InlineData(ScalarType.Float64, 0.5)]
    [InlineData(ScalarType.Float64, double.NaN)]
    [InlineData(ScalarType.Float64, double.PositiveInfinity)]
    [InlineData(ScalarType.Float64, double.NegativeInfinity)]
    [InlineData(ScalarType.Float64, 2.0)]
    [InlineData(ScalarType.Float64, -1.0)]
    [InlineData(ScalarType.Float64, double.Epsilon)]
    [InlineData(ScalarType.Float64, 1.0 - 1.1102230246251565e-16)]
    [InlineData(ScalarType.Float32, 0.5)]
    [InlineData(ScalarType.Float32, double.NaN)]
    [InlineData(ScalarType.Float32, 1e-45)]
    [InlineData(ScalarType.Float32, 1.0 - 5.9604644775390625e-8)]
    [InlineData(ScalarType.Float32, 1.0 + 1.1920928955078125e-7)]
    public void Any_value_but_0_and_1_is_refused_and_found_wherever_it_sits(ScalarType dtype, double bad)
    {
        // 100 values: three full chunks of Float32 (six of Float64) and a tail; the bad value beside ones or zeros.
        foreach (int at in new[] { 0, 5, 31, 40, 63, 95, 99 })
        {
            foreach (double density in new[] { 0.0, 0.3 })
            {
                var values = Values(100, density, seed: at);
                values[at] = bad;
                using var t = tensor(values, dtype: dtype);
                Assert.False(MultiHotScan.Scan(t, out _, out _, out long firstBad), "accepted " + bad + " at " + at);
                Assert.Equal(at, firstBad);
            }
        }
    }

    [Fact]
    public void Minus_zero_is_a_zero()
    {
        var values = Enumerable.Repeat(-0.0, 100).ToArray();
        values[50] = 1.0;
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            using var t = tensor(values, dtype: dtype);
            Assert.True(MultiHotScan.Scan(t, out long positives, out var positions, out _));
            Assert.Equal(1, positives);
            Assert.Equal(new[] { 50 }, positions!.Value.ToArray());
        }
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Positions_are_listed_up_to_one_per_stride(ScalarType dtype)
    {
        int n = 40 * MultiHotScan.SparseStride;
        var values = new double[n];
        for (int i = 0; i < 40; i++)
        {
            values[(i * 7) + 3] = 1.0;
        }

        using var atCap = tensor(values, dtype: dtype);
        Assert.True(MultiHotScan.Scan(atCap, out long positives, out var positions, out _));
        Assert.Equal(40, positives);
        Assert.Equal(40, positions!.Value.Count);

        values[n - 1] = 1.0;
        using var overCap = tensor(values, dtype: dtype);
        Assert.True(MultiHotScan.Scan(overCap, out positives, out positions, out _));
        Assert.Equal(41, positives);
        Assert.Null(positions);
    }

    [Fact]
    public void Only_contiguous_Float32_and_Float64_CPU_tensors_are_read_on_the_host()
    {
        using var scope = NewDisposeScope();
        var t = zeros(4, 6);
        Assert.True(MultiHotScan.OnHost(t));
        Assert.True(MultiHotScan.OnHost(t.to(ScalarType.Float64)));
        Assert.True(MultiHotScan.OnHost(t[1..3]));
        Assert.False(MultiHotScan.OnHost(t.t()));
        Assert.False(MultiHotScan.OnHost(t[.., 1..3]));
        Assert.False(MultiHotScan.OnHost(t.to(ScalarType.Float16)));
        Assert.False(MultiHotScan.OnHost(t.to(ScalarType.BFloat16)));
    }

    [Theory]
    [InlineData(ScalarType.Float32, -2.0)]
    [InlineData(ScalarType.Float32, -1.5)]
    [InlineData(ScalarType.Float32, -4.333333333333334)]
    [InlineData(ScalarType.Float32, -1.1428571428571428)]
    [InlineData(ScalarType.Float64, -2.0)]
    [InlineData(ScalarType.Float64, -4.333333333333334)]
    [InlineData(ScalarType.Float64, -1.1428571428571428)]
    public void Adding_k_x_at_the_listed_ones_leaves_the_bits_addcmul_leaves_there(ScalarType dtype, double k)
    {
        using var scope = NewDisposeScope();
        const int n = 4099;
        var random = new Random(11);
        var x = Enumerable.Range(0, n).Select(i => i % 97 == 0 ? 0.0 : i % 89 == 0 ? -0.0
            : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30))).ToArray();
        var values = Values(n, 0.03, seed: 5);
        for (int i = 0; i < n; i += 89 * 5)
        {
            values[i] = 1.0;   // some −0 among the ones too
        }

        var t = tensor(values, dtype: dtype);
        Assert.True(MultiHotScan.Scan(t, out _, out var positions, out _));

        var source = tensor(x, dtype: dtype);
        var fused = source.clone();
        using (var by = k.ToScalar())
        {
            fused.addcmul_(fused, t, by);
        }

        var actual = source.clone();
        MultiHotScan.AddScaled(actual, positions!.Value, k);
        var (sourceBits, fusedBits, actualBits) = (Bits(source), Bits(fused), Bits(actual));
        var ones = new HashSet<int>(positions!.Value);
        for (int i = 0; i < n; i++)
        {
            if (ones.Contains(i))
            {
                Assert.True(fusedBits[i] == actualBits[i], "at the one at " + i);
            }
            else
            {
                // Elsewhere nothing is written; addcmul_ adds (k·x)·0, which keeps the value (−0 becomes +0).
                Assert.True(sourceBits[i] == actualBits[i], "written at " + i);
                Assert.True(x[i] == 0.0 || fusedBits[i] == sourceBits[i], "addcmul_ moved " + i);
            }
        }
    }

    /// <summary>n values in {0, −0, 1}, about <paramref name="density"/> of them ones.</summary>
    private static double[] Values(int n, double density, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(_ => random.NextDouble() < density ? 1.0 : random.Next(2) == 0 ? 0.0 : -0.0)
            .ToArray();
    }

    private static List<long> Bits(Tensor x) => x.dtype == ScalarType.Float64
        ? x.data<double>().ToArray().Select(BitConverter.DoubleToInt64Bits).ToList()
        : x.data<float>().ToArray().Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToList();
}
