using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.IntegrationTests;

/// <summary>A 12-class label set read from Data/birds12.counts.csv (an AdditionalFiles item of this project), with
/// a softmax config, a focal config under deferred re-weighting and the paper's sweep.</summary>
[ClassBalancedDataset("birds12.counts.csv", Beta = 0.999, Loss = CbLoss.Softmax, Device = CbDevice.Cpu)]
[ClassBalancedDataset("birds12.counts.csv", Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 0.5, Device = CbDevice.Cpu, DeferUntilEpoch = 3)]
[ClassBalancedSweep(Device = CbDevice.Cpu)]
public static partial class Birds12;

/// <summary>A hand-annotated enum with a deferred re-weighting config (the LDAM-DRW recipe's K = 160).</summary>
[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Softmax, Device = CbDevice.Cpu, DeferUntilEpoch = 160)]
public enum Tide
{
    /// <summary>The head class.</summary>
    [Samples(800)] Low,

    /// <summary>A middle class.</summary>
    [Samples(120)] Mid,

    /// <summary>The tail class.</summary>
    [Samples(8)] Spring,
}

/// <summary>The code generated in this project's build from the counts file, the sweep and the DRW configs.</summary>
public sealed class CountsFileDatasetTests
{
    /// <summary>The file, read here with plain string code (independently of the generator's parser).</summary>
    private static readonly (string Name, long Count)[] File = ReadFile();

    private static long[] Counts => File.Select(r => r.Count).ToArray();

    [Fact]
    public void The_label_set_and_tables_match_the_file()
    {
        Assert.Equal(12, File.Length);
        Assert.Equal(12, Birds12.ClassCount);
        Assert.Equal(File.Select(r => r.Name).ToArray(), Birds12.Names.ToArray());
        Assert.Equal("Gull, herring", Birds12.NameOf(Birds12.Label.Gull_herring));
        Assert.Equal(11, (int)Birds12.Label.@class);
        Assert.True(Birds12.TryGetLabel("Short-eared owl", out Birds12.Label owl));
        Assert.Equal(Birds12.Label.Short_eared_owl, owl);
        Assert.False(Birds12.TryGetLabel("Dodo", out _));
        Assert.Equal(Counts, Birds12SoftmaxWeights.Counts.ToArray());
        Assert.Equal(ClassBalancedWeights.Compute(Counts, 0.999), Birds12SoftmaxWeights.Weights.ToArray());
        Assert.Equal(ClassBalancedWeights.Compute(Counts, 0.9999), Birds12FocalWeights.Weights.ToArray());
        Assert.Equal(3, Birds12FocalWeights.DeferUntilEpoch);
        Assert.Equal(50L, Birds12SoftmaxWeights.classCount);
    }

    [Fact]
    public void The_generated_loss_of_the_counts_file_trains()
    {
        torch.manual_seed(99);
        using var data = NewDisposeScope();
        Tensor x = randn(384, 16);
        Tensor teacher = randn(16, 12);
        Birds12.Label[] labels = x.matmul(teacher).argmax(1).data<long>().ToArray().Select(i => (Birds12.Label)i).ToArray();
        using var criterion = new Birds12SoftmaxLoss();
        using var model = nn.Linear(16, 12);
        using var optimizer = optim.SGD(model.parameters(), 0.5);
        var losses = new float[20];
        for (int step = 0; step < losses.Length; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor loss = criterion.forward(model.forward(x), labels);
            loss.backward();
            optimizer.step();
            losses[step] = loss.item<float>();
        }

        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
        Assert.True(losses[^1] < 0.8f * losses[0], string.Join(", ", losses.Select(l => l.ToString("G4", CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void The_generated_DRW_loss_switches_exactly_at_K()
    {
        using var loss = new Birds12FocalLoss();
        Assert.IsAssignableFrom<PerClassLoss<DeferredReweightingLoss>>(loss);
        Assert.Equal(3, loss.Inner.DeferUntilEpoch);
        double[,] z = Logits(6, 12, seed: 5);
        Birds12.Label[] y = { Birds12.Label.House_sparrow, Birds12.Label.@class, Birds12.Label.Blue_tit, Birds12.Label.@class,
            Birds12.Label.Song_thrush, Birds12.Label.Rock_dove };
        double[] ones = Enumerable.Repeat(1.0, 12).ToArray();
        double[] alpha = ClassBalancedWeights.Compute(Counts, 0.9999);
        double unweighted = FocalReference(z, y.Select(l => (int)l).ToArray(), ones, 0.5);
        double weighted = FocalReference(z, y.Select(l => (int)l).ToArray(), alpha, 0.5);
        Assert.True(Math.Abs(unweighted - weighted) > 1e-3);

        using Tensor logits = ToTensor(z);
        loss.Step(2);
        Assert.Equal(unweighted, Value(loss.forward(logits, y)), 1e-10);
        loss.Step(3);
        Assert.Equal(weighted, Value(loss.forward(logits, y)), 1e-10);
    }

    [Fact]
    public void A_DRW_config_on_an_enum_is_unweighted_until_epoch_160()
    {
        using var loss = new TideLoss();
        Assert.Equal(160, TideWeights.DeferUntilEpoch);
        double[,] z = Logits(4, 3, seed: 9);
        Tide[] y = { Tide.Low, Tide.Spring, Tide.Mid, Tide.Spring };
        int[] yi = y.Select(l => (int)l).ToArray();
        double[] alpha = ClassBalancedWeights.Compute(new long[] { 800, 120, 8 }, 0.9999);
        using Tensor logits = ToTensor(z);
        loss.Epoch = 159;
        Assert.Equal(SoftmaxReference(z, yi, new[] { 1.0, 1.0, 1.0 }), Value(loss.forward(logits, y)), 1e-10);
        loss.Epoch = 160;
        Assert.Equal(SoftmaxReference(z, yi, alpha), Value(loss.forward(logits, y)), 1e-10);
    }

    [Fact]
    public void Every_sweep_point_creates_its_loss_and_iterates_without_strings()
    {
        Assert.Equal(20, Birds12Sweep.Points.Count);
        Assert.Equal(20, Birds12Sweep.PointCount);
        Assert.Equal("Birds12Focal_B0_9999_G0_5", Birds12Sweep.Focal_B0_9999_G0_5.Name);
        double[,] z = Logits(5, 12, seed: 3);
        Birds12.Label[] y = { Birds12.Label.Carrion_crow, Birds12.Label.@class, Birds12.Label.House_sparrow, Birds12.Label.Great_tit,
            Birds12.Label.Eurasian_jay };
        int[] yi = y.Select(l => (int)l).ToArray();
        using Tensor logits = ToTensor(z);
        using Tensor target = Birds12Sweep.Targets(y);
        var seen = new HashSet<string>();
        foreach (Birds12SweepPoint point in Birds12Sweep.Points)
        {
            Assert.True(seen.Add(point.Name));
            double[] alpha = ClassBalancedWeights.Compute(Counts, point.Beta);
            Assert.Equal(alpha, point.Weights.ToArray());
            using Loss<Tensor, Tensor, Tensor> loss = point.CreateLoss();
            double expected = point.Loss switch
            {
                CbLoss.Softmax => SoftmaxReference(z, yi, alpha),
                CbLoss.Sigmoid => FocalReference(z, yi, alpha, 0.0),
                _ => FocalReference(z, yi, alpha, point.Gamma),
            };
            Assert.Equal(expected, Value(loss.forward(logits, target)), 1e-9);
        }
    }

    private static (string Name, long Count)[] ReadFile([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(here)!, "Data", "birds12.counts.csv");
        var rows = new List<(string, long)>();
        foreach (string line in System.IO.File.ReadAllLines(path).Skip(2))
        {
            int comma = line.LastIndexOf(',');
            rows.Add((line.Substring(0, comma).Trim('"'), long.Parse(line.Substring(comma + 1), CultureInfo.InvariantCulture)));
        }

        return rows.ToArray();
    }

    private static double[,] Logits(int b, int c, int seed)
    {
        var random = new Random(seed);
        var z = new double[b, c];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < c; k++)
            {
                z[i, k] = (random.NextDouble() * 2.0 - 1.0) * 3.0;
            }
        }

        return z;
    }

    private static Tensor ToTensor(double[,] z) =>
        tensor(z.Cast<double>().ToArray(), new long[] { z.GetLength(0), z.GetLength(1) }, ScalarType.Float64);

    private static double Value(Tensor t)
    {
        using (t)
        {
            return t.item<double>();
        }
    }

    /// <summary>Σ_i α_{y_i}·CE_i / B.</summary>
    private static double SoftmaxReference(double[,] z, int[] y, double[] alpha)
    {
        double total = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < z.GetLength(1); k++)
            {
                max = Math.Max(max, z[i, k]);
            }

            double sum = 0.0;
            for (int k = 0; k < z.GetLength(1); k++)
            {
                sum += Math.Exp(z[i, k] - max);
            }

            total += alpha[y[i]] * (Math.Log(sum) + max - z[i, y[i]]);
        }

        return total / y.Length;
    }

    /// <summary>Σ_i α_{y_i}·Σ_c (1 - p_t)^γ·BCE_ic / B (γ = 0: the sigmoid loss).</summary>
    private static double FocalReference(double[,] z, int[] y, double[] alpha, double gamma)
    {
        double total = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            for (int k = 0; k < z.GetLength(1); k++)
            {
                double t = k == y[i] ? 1.0 : 0.0;
                double p = 1.0 / (1.0 + Math.Exp(-z[i, k]));
                double pt = t == 1.0 ? p : 1.0 - p;
                total += alpha[y[i]] * Math.Pow(1.0 - pt, gamma) * -Math.Log(pt);
            }
        }

        return total / y.Length;
    }
}
