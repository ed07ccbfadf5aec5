extern alias gen;

using gen::CbGen.Generators;
using static CbGen.Generators.Tests.ConfigMessages;

namespace CbGen.Generators.Tests;

/// <summary>What a class of count 0 says under the losses that need a finite value of every class: CB031 with
/// ZeroCounts = ZeroCountPolicy.ZeroWeight names what each loss needs, and CB002 under ZeroCountPolicy.Throw gives the
/// fix that works for that loss (a pseudo-count, since ZeroWeight would not help it).</summary>
public sealed class EmptyClassMessageTests
{
    private const string WithEmptyClass = "public enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n";

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
}
