extern alias gen;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.DiagnosticText;

namespace CbGen.Generators.Tests;

/// <summary>What an enum's counts and member values make the checks say, whole message and location, when its configs
/// differ in ZeroCounts and loss: which configs a zero count invalidates, which fix CB002 names, the class CB031 names,
/// CB032's loss, and a value past Int64.MaxValue.</summary>
public sealed class EnumCountMessageTests
{
    private const string Prelude = ConfigMessages.Prelude;

    /// <summary>CB002's fix when no config that keeps ZeroCountPolicy.Throw has a long-tail loss.</summary>
    private const string ZeroWeightFix = "0 is allowed only with ZeroCounts = ZeroCountPolicy.ZeroWeight, which gives the class weight 0";

    private const string LdamFix = "CbLoss.Ldam needs the margin n_c^(-1/4) of every class, which is infinite for a count of 0 even with "
        + "ZeroCounts = ZeroCountPolicy.ZeroWeight: give the class a pseudo-count (e.g. 1) or remove it";

    [Fact]
    public void A_zero_count_invalidates_only_the_configs_that_keep_Throw()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced(Name = \"Strict\")]\n[ClassBalanced(Name = \"Lenient\", ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n"
            + "public enum Label { [Samples(10)] A, [Samples(0)] B }\n");
        Diagnostic zero = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.NonPositiveCount, "B", "0", ZeroWeightFix), Message(zero));
        Assert.Equal("0", Located(zero));
        Assert.Equal(new[] { "Tests.Label.LenientWeights.g.cs" }, run.Files.Select(f => f.HintName));
    }

    [Fact]
    public void A_zero_count_names_the_long_tail_fix_only_when_a_Throw_config_has_a_long_tail_loss()
    {
        // The LDAM config gives zero counts weight 0 (and gets CB031); the softmax one keeps Throw, where ZeroWeight helps.
        string zeroWeightLdam = Message(Single(DiagnosticDescriptors.NonPositiveCount.Id, GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced(Name = \"Tail\", Loss = CbLoss.Ldam, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n[ClassBalanced(Name = \"Plain\")]\n"
            + "public enum Label { [Samples(10)] A, [Samples(0)] B }\n")));
        Assert.Equal(Expected(DiagnosticDescriptors.NonPositiveCount, "B", "0", ZeroWeightFix), zeroWeightLdam);

        string throwingLdam = Message(Single(DiagnosticDescriptors.NonPositiveCount.Id, GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced(Name = \"Plain\")]\n[ClassBalanced(Name = \"Tail\", Loss = CbLoss.Ldam)]\n"
            + "public enum Label { [Samples(10)] A, [Samples(0)] B }\n")));
        Assert.Equal(Expected(DiagnosticDescriptors.NonPositiveCount, "B", "0", LdamFix), throwingLdam);
    }

    [Fact]
    public void A_negative_count_names_the_long_tail_fix_when_any_config_has_a_long_tail_loss()
    {
        // ZeroWeight does not make -1 valid, and a long-tail config would reject 0 too: the pseudo-count fits every config.
        string message = Message(Single(DiagnosticDescriptors.NonPositiveCount.Id, GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced(Name = \"Plain\")]\n[ClassBalanced(Name = \"Tail\", Loss = CbLoss.Ldam, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n"
            + "public enum Label { [Samples(10)] A, [Samples(-1)] B }\n")));
        Assert.Equal(Expected(DiagnosticDescriptors.NonPositiveCount, "B", "-1", LdamFix), message);
    }

    [Fact]
    public void A_count_written_with_its_parameter_name_is_located_on_the_whole_attribute()
    {
        // The first positional argument is located only when written without a name; 'count:' gives the attribute.
        Diagnostic named = Single(DiagnosticDescriptors.NonPositiveCount.Id, GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced]\npublic enum Label { [Samples(10)] A, [Samples(count: -1)] B }\n"));
        Assert.Equal("Samples(count: -1)", Located(named));
        Assert.Equal(Expected(DiagnosticDescriptors.NonPositiveCount, "B", "-1", ZeroWeightFix), Message(named));

        Diagnostic plain = Single(DiagnosticDescriptors.NonPositiveCount.Id, GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced]\npublic enum Label { [Samples(10)] A, [Samples(-1)] B }\n"));
        Assert.Equal("-1", Located(plain));
    }

    [Fact]
    public void CB031_names_the_first_empty_class_and_the_loss_on_ZeroCounts()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced(Loss = CbLoss.LogitAdjusted, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n"
            + "public enum Label { [Samples(10)] A, [Samples(0)] B, [Samples(0)] C }\n");
        Diagnostic empty = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.ZeroCountLongTail, "B", "CbLoss.LogitAdjusted", "the log-prior log π_c"), Message(empty));
        Assert.Equal("ZeroCounts = ZeroCountPolicy.ZeroWeight", Located(empty));
        Assert.Empty(run.Files);
    }

    [Fact]
    public void CB032_names_the_enum_and_the_loss_on_the_attribute_of_each_long_tail_config()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced(Name = \"Weighted\")]\n[ClassBalanced(Name = \"Margins\", Loss = CbLoss.Ldam)]\n"
            + "public enum Label { [Samples(9223372036854775807)] A, [Samples(1)] B }\n");
        // The class-balanced weights never sum the counts: only the LDAM config is invalid.
        Diagnostic total = Assert.Single(All(run), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(Expected(DiagnosticDescriptors.CountTotalTooLarge, "Label", "CbLoss.Ldam"), Message(total));
        Assert.Equal("ClassBalanced(Name = \"Margins\", Loss = CbLoss.Ldam)", Located(total));
        Assert.Equal(new[] { "Tests.Label.WeightedWeights.g.cs" }, run.Files.Select(f => f.HintName));
    }

    [Fact]
    public void A_ulong_value_past_Int64_MaxValue_is_named_as_written()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced]\npublic enum Label : ulong { [Samples(10)] A = 0, [Samples(3)] B = 18446744073709551615 }\n");
        Diagnostic value = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.ValuesNotClassIndices, "B", "18446744073709551615", "outside 0..1", "1"), Message(value));
        Assert.Equal("B", Located(value));

        // Up to Int64.MaxValue the value converts as it is.
        Diagnostic largest = Assert.Single(All(GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced]\npublic enum Label : ulong { [Samples(10)] A = 0, [Samples(3)] B = 9223372036854775807 }\n")));
        Assert.Equal(Expected(DiagnosticDescriptors.ValuesNotClassIndices, "B", "9223372036854775807", "outside 0..1", "1"), Message(largest));
    }

    [Fact]
    public void A_ulong_enum_with_the_class_indices_generates()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced]\npublic enum Label : ulong { [Samples(10)] A, [Samples(3)] B }\n");
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Equal(new[] { "Tests.Label.LabelWeights.g.cs" }, run.Files.Select(f => f.HintName));
    }

    private static Diagnostic Single(string id, CbGenRunResult run) => Assert.Single(All(run), d => d.Id == id);
}
