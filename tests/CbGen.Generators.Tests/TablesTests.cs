using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace CbGen.Generators.Tests;

/// <summary>The generated constants and tables, compiled and loaded, equal <c>ClassBalancedWeights.Compute</c>
/// bit for bit, and <c>WeightOf</c> reads the right entry.</summary>
public sealed class TablesTests
{
    private const string Source = """
        using CbGen;

        namespace Tables
        {
            [ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 1.0)]
            [ClassBalanced(Beta = 0.999, Loss = CbLoss.Softmax, Name = "Cifar10LtSoftmax")]
            [ClassBalanced(Beta = 0.0, Loss = CbLoss.Sigmoid, Name = "Uniform")]
            [ClassBalanced(Beta = 1.0, Loss = CbLoss.Sigmoid, Name = "InverseFrequency")]
            public enum Cifar10Lt
            {
                [Samples(5000)] Airplane, [Samples(2997)] Automobile, [Samples(1796)] Bird, [Samples(1077)] Cat,
                [Samples(645)] Deer, [Samples(387)] Dog, [Samples(232)] Frog, [Samples(139)] Horse,
                [Samples(83)] Ship, [Samples(50)] Truck,
            }

            [ClassBalanced(Beta = 0.99999, ZeroCounts = ZeroCountPolicy.ZeroWeight)]
            public enum Sparse { [Samples(3000000000)] Common, [Samples(0)] Missing, [Samples(7)] Rare }

            [ClassBalanced(Beta = 0.9, Name = "Bytes")]
            internal enum ByteLabel : byte { [Samples(30)] A, [Samples(3)] B }

            [ClassBalanced(Beta = 0.9, Name = "Ulongs")]
            public enum UlongLabel : ulong { [Samples(30)] A, [Samples(3)] B }

            public static class Probe
            {
                public static double[] Weights(string name) => name switch
                {
                    "Cifar10LtFocal" => Cifar10LtFocalWeights.Weights.ToArray(),
                    "Cifar10LtSoftmax" => Cifar10LtSoftmaxWeights.Weights.ToArray(),
                    "Uniform" => UniformWeights.Weights.ToArray(),
                    "InverseFrequency" => InverseFrequencyWeights.Weights.ToArray(),
                    _ => SparseWeights.Weights.ToArray(),
                };

                public static double[] EffectiveNumbers(string name) => name switch
                {
                    "Cifar10LtFocal" => Cifar10LtFocalWeights.EffectiveNumbers.ToArray(),
                    "Cifar10LtSoftmax" => Cifar10LtSoftmaxWeights.EffectiveNumbers.ToArray(),
                    "Uniform" => UniformWeights.EffectiveNumbers.ToArray(),
                    "InverseFrequency" => InverseFrequencyWeights.EffectiveNumbers.ToArray(),
                    _ => SparseWeights.EffectiveNumbers.ToArray(),
                };

                public static long[] Counts() => Cifar10LtFocalWeights.Counts.ToArray();

                public static double WeightOfTruck() => Cifar10LtSoftmaxWeights.WeightOf(Cifar10Lt.Truck);

                public static double WeightOfUndefined() => Cifar10LtSoftmaxWeights.WeightOf((Cifar10Lt)10);

                public static double[] SmallUnderlyingTypes() => new[]
                {
                    BytesWeights.WeightOf(ByteLabel.B), UlongsWeights.WeightOf(UlongLabel.B),
                };

                public static double WeightOfHugeUlong() => UlongsWeights.WeightOf((UlongLabel)ulong.MaxValue);
            }
        }
        """;

    private static readonly long[] Cifar = { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 };
    private static readonly string[] CifarNames =
        { "Airplane", "Automobile", "Bird", "Cat", "Deer", "Dog", "Frog", "Horse", "Ship", "Truck" };

    public static IEnumerable<object[]> Configs() => new[]
    {
        new object[] { "Cifar10LtFocal", 0.9999 },
        new object[] { "Cifar10LtSoftmax", 0.999 },
        new object[] { "Uniform", 0.0 },
        new object[] { "InverseFrequency", 1.0 },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Constants_and_tables_equal_Compute_bitwise(string name, double beta)
    {
        Assembly assembly = Loaded.Value;
        Type weightsType = assembly.GetType("Tables." + name + "Weights", throwOnError: true)!;
        double[] expected = ClassBalancedWeights.Compute(Cifar, beta);
        double[] expectedEffective = ClassBalancedWeights.EffectiveNumbers(Cifar, beta);

        Assert.Equal(beta, (double)weightsType.GetField("Beta")!.GetRawConstantValue()!);
        Assert.Equal(10, (int)weightsType.GetField("ClassCount")!.GetRawConstantValue()!);
        double[] table = Invoke<double[]>(assembly, "Weights", name);
        double[] effective = Invoke<double[]>(assembly, "EffectiveNumbers", name);
        for (int c = 0; c < Cifar.Length; c++)
        {
            double constant = (double)weightsType.GetField(CifarNames[c] + "Weight")!.GetRawConstantValue()!;
            Assert.True(BitConverter.DoubleToInt64Bits(expected[c]) == BitConverter.DoubleToInt64Bits(constant),
                name + " " + CifarNames[c] + ": " + expected[c].ToString("R") + " != " + constant.ToString("R"));
            Assert.True(expected[c] == table[c], name + " table[" + c + "]");
            Assert.True(expectedEffective[c] == effective[c], name + " effective[" + c + "]");
            Assert.Equal(Cifar[c], (long)weightsType.GetField(CifarNames[c] + "Count")!.GetRawConstantValue()!);
        }
    }

    [Fact]
    public void Reference_values_computed_independently_agree()
    {
        // α_c = (1 - β) / (1 - β^n_c), scaled to sum to C, with plain loops in float64 (not the shared code).
        double beta = 0.9999;
        double[] raw = Cifar.Select(n => (1.0 - beta) / (1.0 - Math.Pow(beta, n))).ToArray();
        double scale = Cifar.Length / raw.Sum();
        double[] table = Invoke<double[]>(Loaded.Value, "Weights", "Cifar10LtFocal");
        for (int c = 0; c < Cifar.Length; c++)
        {
            Assert.Equal(raw[c] * scale, table[c], 1e-9);
        }

        Assert.Equal(Cifar, Invoke<long[]>(Loaded.Value, "Counts"));
    }

    [Fact]
    public void Zero_count_class_weighs_zero_and_huge_counts_survive()
    {
        long[] counts = { 3000000000L, 0, 7 };
        double[] expected = ClassBalancedWeights.Compute(counts, 0.99999, WeightNormalization.SumToClassCount, ZeroCountPolicy.ZeroWeight);
        double[] table = Invoke<double[]>(Loaded.Value, "Weights", "Sparse");
        Assert.Equal(0.0, table[1]);
        Assert.True(expected.SequenceEqual(table));
        Assert.Equal(2.0, table.Sum(), 12);
        Type type = Loaded.Value.GetType("Tables.SparseWeights", throwOnError: true)!;
        Assert.Equal(3000000000L, (long)type.GetField("CommonCount")!.GetRawConstantValue()!);
    }

    [Fact]
    public void WeightOf_reads_the_class_and_rejects_undefined_labels()
    {
        double expected = ClassBalancedWeights.Compute(Cifar, 0.999)[9];
        Assert.Equal(expected, Invoke<double>(Loaded.Value, "WeightOfTruck"));
        TargetInvocationException thrown = Assert.Throws<TargetInvocationException>(
            () => Invoke<double>(Loaded.Value, "WeightOfUndefined"));
        ArgumentOutOfRangeException inner = Assert.IsType<ArgumentOutOfRangeException>(thrown.InnerException);
        Assert.Equal("label", inner.ParamName);
    }

    [Fact]
    public void Byte_and_ulong_enums_work()
    {
        double expected = ClassBalancedWeights.Compute(new long[] { 30, 3 }, 0.9)[1];
        Assert.Equal(new[] { expected, expected }, Invoke<double[]>(Loaded.Value, "SmallUnderlyingTypes"));
        TargetInvocationException thrown = Assert.Throws<TargetInvocationException>(
            () => Invoke<double>(Loaded.Value, "WeightOfHugeUlong"));
        Assert.IsType<ArgumentOutOfRangeException>(thrown.InnerException);
    }

    private static readonly Lazy<Assembly> Loaded = new(() =>
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Source);
        run.AssertCompilesCleanly();
        return Load(run.OutputCompilation);
    });

    internal static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("CbGenTables" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
    }

    private static T Invoke<T>(Assembly assembly, string method, params object[] args) =>
        (T)assembly.GetType("Tables.Probe", throwOnError: true)!.GetMethod(method)!.Invoke(null, args)!;
}
