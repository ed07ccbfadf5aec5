extern alias gen;

using System;
using System.Linq;
using System.Reflection;
using gen::CbGen.Generators;

namespace CbGen.Generators.Tests;

/// <summary>[ClassBalancedSweep] with the long-tail losses: a LogitAdjusted point per τ, LDAM (LDAM-DRW per β with
/// DeferUntilEpoch), and the τ axis's checks.</summary>
public sealed class LongTailSweepTests
{
    private const string Source = """
        using CbGen;

        namespace Shop
        {
            [ClassBalancedSweep(Betas = new[] { 0.99, 0.9999 }, Losses = new[] { CbLoss.Softmax, CbLoss.LogitAdjusted, CbLoss.Ldam },
                Taus = new[] { 0.5, 1.0, 1.5 }, DeferUntilEpoch = 20)]
            public enum Fruit { [Samples(900)] Apple, [Samples(90)] Banana, [Samples(10)] Cherry }

            public static class Probe
            {
                public static string[] Names() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.Name));
                public static double[] Taus() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.Tau));
                public static int[] WeightCounts() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.Weights.Length));
                public static double DrwCherry() => FruitSweep.Ldam_B0_9999.WeightOf(Fruit.Cherry);
                public static double AdjustedCherry() => FruitSweep.LogitAdjusted_T1.WeightOf(Fruit.Cherry);
                public static int[] Defers() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(FruitSweep.Points, p => p.DeferUntilEpoch));
            }
        }
        """;

    [Fact]
    public void A_sweep_with_Taus_snapshot()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, Source);
        Snapshot.VerifyGenerated(run, nameof(A_sweep_with_Taus_snapshot));
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Contains("case global::CbGen.CbLoss.LogitAdjusted:", run.Files[0].Text);
    }

    [Fact]
    public void LogitAdjusted_gets_a_point_per_tau_and_LDAM_DRW_a_point_per_beta()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Source);
        run.AssertCompilesCleanly();
        Assembly assembly = GeneratorHarness.Load(run.OutputCompilation);
        string[] names = (string[])GeneratorHarness.Call(assembly, "Shop.Probe", "Names")!;
        Assert.Equal(
            new[]
            {
                "FruitSoftmax_B0_99", "FruitSoftmax_B0_9999",
                "FruitLogitAdjusted_T0_5", "FruitLogitAdjusted_T1", "FruitLogitAdjusted_T1_5",
                "FruitLdam_B0_99", "FruitLdam_B0_9999",
            },
            names);
        Assert.Equal(new[] { 0.0, 0.0, 0.5, 1.0, 1.5, 0.0, 0.0 }, (double[])GeneratorHarness.Call(assembly, "Shop.Probe", "Taus")!);
        Assert.Equal(new[] { 3, 3, 0, 0, 0, 3, 3 }, (int[])GeneratorHarness.Call(assembly, "Shop.Probe", "WeightCounts")!);
        Assert.Equal(ClassBalancedWeights.Compute(new long[] { 900, 90, 10 }, 0.9999)[2],
            (double)GeneratorHarness.Call(assembly, "Shop.Probe", "DrwCherry")!);
        TargetInvocationException thrown = Assert.Throws<TargetInvocationException>(
            () => GeneratorHarness.Call(assembly, "Shop.Probe", "AdjustedCherry"));
        Assert.IsType<InvalidOperationException>(thrown.InnerException);
        // It says what to use instead (without CbGen.TorchSharp there is no CreateLoss to name).
        Assert.Equal("The sweep point FruitLogitAdjusted_T1 (LogitAdjusted) applies no class weights, so it has no weight per class: "
            + "use FruitSweep.Counts for the class counts, or check Weights.IsEmpty before calling WeightOf.", thrown.InnerException!.Message);
    }

    [Fact]
    public void A_logit_adjusted_point_never_reports_a_deferral_its_loss_would_refuse()
    {
        // DeferUntilEpoch = 20 on the sweep: the softmax and LDAM-DRW points defer, the logit-adjusted ones have no
        // weights to defer and report 0 (CbLosses.FromCounts refuses DeferUntilEpoch for that loss).
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Source);
        run.AssertCompilesCleanly();
        Assembly assembly = GeneratorHarness.Load(run.OutputCompilation);
        Assert.Equal(new[] { 20, 20, 0, 0, 0, 20, 20 }, (int[])GeneratorHarness.Call(assembly, "Shop.Probe", "Defers")!);
    }

    [Fact]
    public void A_point_builds_its_loss_from_the_counts_it_is_given()
    {
        // The split's counts, not the compile-time ones (docs/search.md); the runtime numbers are checked in
        // CbGen.IntegrationTests' SweepPointLossTests, where libtorch runs.
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, Source + """

            namespace Shop
            {
                public static class Uses
                {
                    public static TorchSharp.Loss<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Split(long[] counts) =>
                        FruitSweep.Points[0].CreateLoss(counts);

                    public static TorchSharp.Loss<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Sum(long[] counts) =>
                        FruitSweep.LogitAdjusted_T1.CreateLoss(counts, TorchSharp.torch.nn.Reduction.Sum);
                }
            }
            """);
        run.AssertCompilesCleanly();
        string sweep = run.Files[0].Text;
        Assert.Contains("CreateLoss(global::System.ReadOnlySpan<long> counts, global::TorchSharp.torch.nn.Reduction reduction)", sweep);
        Assert.Contains("global::CbGen.ClassBalancedWeights.Compute(counts, Beta)", sweep);
    }

    [Fact]
    public void Plain_LDAM_without_DeferUntilEpoch_is_one_point_and_the_default_grid_stays_20_points()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true,
            "using CbGen;\nnamespace Shop;\n[ClassBalancedSweep(Losses = new[] { CbLoss.Ldam, CbLoss.Focal })]\npublic enum Fruit { [Samples(900)] Apple, [Samples(10)] Cherry }\n"
            + "[ClassBalancedSweep]\npublic enum Veg { [Samples(900)] Leek, [Samples(10)] Kale }\n");
        run.AssertCompilesCleanly();
        string fruit = run.File("FruitSweep.g.cs").Text;
        Assert.Contains("public static FruitSweepPoint Ldam { get; }", fruit);
        Assert.Contains("public const int PointCount = 13;", fruit);
        Assert.Contains("return new global::CbGen.TorchSharp.LdamLoss(", fruit);
        Assert.Contains("public const int PointCount = 20;", run.File("VegSweep.g.cs").Text);

        // Without DeferUntilEpoch nothing is deferred or weighted by the schedule, and the comments do not say so.
        foreach (string text in new[] { "DeferredReweightingLoss", "weight: Weights", "defer until epoch", "deferred re-weighting" })
        {
            Assert.DoesNotContain(text, fruit);
        }
    }

    [Fact]
    public void The_tau_axis_is_checked()
    {
        const string Members = "public enum Label { [Samples(10)] A, [Samples(3)] B }\n";
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.TauOutOfRange,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, Taus = new[] { 1.0, [|-2.0|] })]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, Taus = new[] { 1.0, 2.0 })]\n" + Members, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.DuplicateSweepValue,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, Taus = new[] { 1.0, [|1.0|] })]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, Taus = new[] { 1.0 })]\n" + Members, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.EmptySweepAxis,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, [|Taus = new double[0]|])]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted })]\n" + Members, null);
        TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.OptionNotApplicable,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax }, [|Taus = new[] { 0.5 }|])]\n" + Members, null,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax })]\n" + Members, null,
            badGenerates: true);
    }
}
