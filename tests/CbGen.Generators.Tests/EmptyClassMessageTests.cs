extern alias gen;

using System;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.ConfigMessages;

namespace CbGen.Generators.Tests;

/// <summary>What a class of count 0 says under the losses that need a finite value of every class: CB031 with
/// ZeroCounts = ZeroCountPolicy.ZeroWeight names what each loss needs, and CB002 under ZeroCountPolicy.Throw gives the
/// fix that works for that loss (a pseudo-count, since ZeroWeight would not help it). A <c>[ClassBalancedSweep]</c> has no
/// ZeroCounts at all: its CB002, on an enum or over a counts file, alone or next to configs, names only the pseudo-count.</summary>
public sealed class EmptyClassMessageTests
{
    private const string WithEmptyClass = "public enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n";

    /// <summary>CB002's fix for a sweep none of whose points needs every class.</summary>
    private const string SweepFix = "a [ClassBalancedSweep] has no ZeroCounts option, so every class needs at least 1 sample: "
        + DiagnosticDescriptors.PseudoCountFix;

    public static TheoryData<string, string> Needs => new()
    {
        { "LogitAdjusted", "the log-prior log π_c" },
        { "VectorScaling", "the log-prior log π_c" },
        { "Ldam", "the margin n_c^(-1/4)" },
        { "DistributionBalanced", "the re-balancing weight 1/n_c" },
    };

    [Theory]
    [MemberData(nameof(Needs))]
    public void Under_ZeroWeight_the_empty_class_is_named_with_what_the_loss_needs_of_it(string loss, string need)
    {
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.ZeroCountLongTail, "ZeroCounts = ZeroCountPolicy.ZeroWeight", "B", "CbLoss." + loss, need) },
            Described(Run("Loss = CbLoss." + loss + ", ZeroCounts = ZeroCountPolicy.ZeroWeight", WithEmptyClass)));
    }

    [Theory]
    [MemberData(nameof(Needs))]
    public void Under_Throw_the_count_0_gets_the_pseudo_count_fix_with_what_the_loss_needs(string loss, string need)
    {
        string fix = "CbLoss." + loss + " needs " + need + " of every class, which is infinite for a count of 0 even with "
            + "ZeroCounts = ZeroCountPolicy.ZeroWeight: give the class a pseudo-count (e.g. 1) or remove it";
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.NonPositiveCount, "0", "B", "0", fix) },
            Described(Run("Loss = CbLoss." + loss, WithEmptyClass)));
    }

    [Fact]
    public void Under_Throw_a_loss_that_weights_empty_classes_0_gets_the_ZeroWeight_fix()
    {
        Assert.Equal(
            new[]
            {
                Expected(DiagnosticDescriptors.NonPositiveCount, "0", "B", "0",
                    "0 is allowed only with ZeroCounts = ZeroCountPolicy.ZeroWeight, which gives the class weight 0"),
            },
            Described(Run("Loss = CbLoss.Sigmoid", WithEmptyClass)));
    }

    [Theory]
    [MemberData(nameof(Needs))]
    public void A_sweep_with_points_that_need_every_class_names_them_and_the_pseudo_count(string loss, string need)
    {
        string fix = "the [ClassBalancedSweep]'s CbLoss." + loss + " points need " + need + " of every class, which is infinite for a "
            + "count of 0, and a sweep has no ZeroCounts option: " + DiagnosticDescriptors.PseudoCountFix;
        string samples = loss == "DistributionBalanced" ? ", Samples = 1000" : string.Empty;
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.NonPositiveCount, "0", "B", "0", fix) },
            Described(RunSweep("[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax, CbLoss." + loss + " }" + samples + ")]\n")));
    }

    [Fact]
    public void A_sweep_of_the_default_losses_names_the_pseudo_count_not_ZeroCounts_which_it_does_not_have()
    {
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.NonPositiveCount, "0", "B", "0", SweepFix) },
            Described(RunSweep("[ClassBalancedSweep]\n")));

        // Following the fix builds clean.
        CbGenRunResult fixedRun = GeneratorHarness.Run(false, Prelude + "[ClassBalancedSweep]\n"
            + "public enum Label { [Samples(100)] A, [Samples(1)] B, [Samples(3)] C }\n");
        Assert.Empty(DiagnosticText.All(fixedRun));
        fixedRun.AssertCompilesCleanly();
    }

    [Fact]
    public void Next_to_configs_a_sweep_gets_one_CB002_with_the_fix_that_works_for_the_sweep_too()
    {
        // A config that keeps Throw: ZeroWeight would make the config valid but not the sweep.
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.NonPositiveCount, "0", "B", "0", SweepFix) },
            Described(RunSweep("[ClassBalanced]\n[ClassBalancedSweep]\n")));

        // A config that gives empty classes weight 0 is fine; the sweep alone reports the count.
        CbGenRunResult lenient = RunSweep("[ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n[ClassBalancedSweep]\n");
        Assert.Equal(new[] { Expected(DiagnosticDescriptors.NonPositiveCount, "0", "B", "0", SweepFix) }, Described(lenient));
        Assert.Equal(new[] { "Tests.Label.LabelWeights.g.cs" }, HintNames(lenient));

        // A negative count is reported once, not by both analyzers.
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.NonPositiveCount, "-1", "B", "-1", SweepFix) },
            Described(GeneratorHarness.Run(false, Prelude + "[ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n[ClassBalancedSweep]\n"
                + "public enum Label { [Samples(100)] A, [Samples(-1)] B, [Samples(3)] C }\n")));
    }

    [Fact]
    public void A_sweep_over_a_counts_file_names_the_fix_for_the_sweep_with_or_without_configs_that_keep_Throw()
    {
        const string Rows = "cat,900\ndog,0\n";
        string vsFix = "the [ClassBalancedSweep]'s CbLoss.VectorScaling points need the log-prior log π_c of every class, which is infinite "
            + "for a count of 0, and a sweep has no ZeroCounts option: " + DiagnosticDescriptors.PseudoCountFix;
        foreach (string config in new[] { "ZeroCounts = ZeroCountPolicy.ZeroWeight", "Loss = CbLoss.Softmax" })
        {
            CbGenRunResult run = GeneratorHarness.Run(false, GeneratorHarness.Files(("labels.csv", Rows)), Prelude
                + "[ClassBalancedDataset(\"labels.csv\", " + config + ")]\n[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling })]\n"
                + "public static partial class Set;\n");
            Diagnostic zero = Assert.Single(DiagnosticText.All(run));
            Assert.Equal(DiagnosticText.Expected(DiagnosticDescriptors.NonPositiveCount, "dog (line 2 of labels.csv)", "0", vsFix),
                DiagnosticText.Message(zero));
            Assert.DoesNotContain(run.Files, f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal));
        }
    }

    /// <summary><paramref name="attributes"/> on the enum with an empty class B.</summary>
    private static CbGenRunResult RunSweep(string attributes) => GeneratorHarness.Run(false, Prelude + attributes + WithEmptyClass);
}
