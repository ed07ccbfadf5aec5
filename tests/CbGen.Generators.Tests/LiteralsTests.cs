extern alias gen;

using System;
using System.Globalization;
using System.Linq;
using gen::CbGen.Generators.Helpers;

namespace CbGen.Generators.Tests;

/// <summary>The number literals of the generated code: each parses back to exactly the value it was written for,
/// with and without the parse-back check (skipped on hosts whose "R" formatting round-trips by contract), and the
/// table writers that format each distinct value once give the same text as formatting each value.</summary>
public sealed class LiteralsTests
{
    private static double[] Values()
    {
        var random = new Random(20261206);
        var special = new[]
        {
            0.0, -0.0, 1.0, -1.0, 0.1, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 0.9999, 1e-300, double.Epsilon, -double.Epsilon,
            double.MaxValue, double.MinValue, 2.2250738585072014E-308, 2.225073858507201E-308, 9007199254740993.0,
            1.7976931348623157E+308, 4.9406564584124654E-324, 0.30000000000000004, 123456789012345680.0,
        };
        var bits = Enumerable.Range(0, 20_000).Select(_ =>
        {
            double v = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            return double.IsFinite(v) ? v : random.NextDouble();
        });
        var weights = Enumerable.Range(1, 5_000).Select(n => (1 - 0.999) / (1 - Math.Pow(0.999, n)) * 8142 / 17.3);
        return special.Concat(bits).Concat(weights).ToArray();
    }

    private static double Parse(string literal)
    {
        Assert.EndsWith("D", literal, StringComparison.Ordinal);
        return double.Parse(literal[..^1], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Double_literals_parse_back_to_the_same_bits_with_and_without_the_check()
    {
        foreach (double value in Values())
        {
            string fast = Literals.Double(value, verify: false);
            string verified = Literals.Double(value, verify: true);
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(Parse(fast)));
            Assert.Equal(verified, fast);
            Assert.Equal(verified, Literals.Double(value));
        }
    }

    [Theory]
    [InlineData(".NET 10.0.1", true)]
    [InlineData(".NET 5.0.17", true)]
    [InlineData(".NET 8.0.0-rc.1.23419.4", true)]
    [InlineData(".NET Core 3.1.32", true)]
    [InlineData(".NET Core 3.0.0", true)]
    [InlineData(".NET Core 4.6.26614.01", false)] // .NET Core 2.1 reports itself so
    [InlineData(".NET Framework 4.8.9232.0", false)]
    [InlineData("Mono 6.12.0.199 (tarball)", false)]
    [InlineData(".NET Native 2.2", false)]
    [InlineData(".NET 4", false)]
    [InlineData("", false)]
    public void The_check_is_skipped_only_on_hosts_whose_round_trip_formatting_is_exact(string description, bool skipped)
    {
        Assert.Equal(skipped, Literals.FormatsRoundTrip(description));
    }

    [Fact]
    public void The_test_host_skips_the_check()
    {
        // The tests run on .NET 10; Visual Studio's .NET Framework host keeps the check.
        Assert.True(Literals.RoundTripGuaranteed, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }

    [Fact]
    public void A_table_of_doubles_is_written_as_each_value_is()
    {
        double[] distinct = Values();
        var random = new Random(7);
        double[] table = Enumerable.Range(0, 30_000).Select(_ => distinct[random.Next(distinct.Length)]).ToArray();
        string[] texts = Literals.Doubles(table);
        Assert.Equal(table.Length, texts.Length);
        for (int i = 0; i < table.Length; i++)
        {
            Assert.Equal(Literals.Double(table[i]), texts[i]);
        }

        // 0.0 and -0.0 are equal doubles but different literals.
        Assert.Equal(new[] { "0.0D", "-0.0D", "0.0D" }, Literals.Doubles(new[] { 0.0, -0.0, 0.0 }));
    }

    [Fact]
    public void A_table_of_longs_is_written_as_each_value_is()
    {
        var random = new Random(11);
        long[] table = Enumerable.Range(0, 10_000).Select(_ => random.Next(4) switch
        {
            0 => long.MinValue,
            1 => random.NextInt64(),
            2 => random.NextInt64(-3, 3),
            _ => long.MaxValue,
        }).ToArray();
        string[] texts = Literals.Longs(table);
        Assert.Equal(table.Select(Literals.Long), texts);
    }
}
