extern alias gen;

using System.Linq;
using gen::CbGen.Generators;
using static CbGen.Generators.Tests.ConfigMessages;

namespace CbGen.Generators.Tests;

/// <summary>What an enum's multi-label config says, whole message and location: Samples = 0 or negative (CB051),
/// MultiLabel = true without Samples (CB050), a member's count above Samples (CB052) and multi-label counts under a
/// softmax loss (CB054), each once; two configs with different Samples (CB053); and a distribution-balanced config
/// with the prior bias over a class positive in every sample (CB061).</summary>
public sealed class MultiLabelConfigMessageTests
{
    /// <summary>The fix CB050 names for an enum's config.</summary>
    private const string SamplesFix = "set Samples = N on the attribute, N being the number of training samples (labelled or not)";

    [Fact]
    public void Samples_0_or_negative_says_which_and_nothing_else()
    {
        // With N ≤ 0 every count would be "above N": only the N is reported.
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.SamplesOutOfRange, "Samples = 0", "Samples", "0", "is 0") },
            Described(Run("Loss = CbLoss.Sigmoid, Samples = 0")));
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.SamplesOutOfRange, "Samples = -5", "Samples", "-5", "is negative") },
            Described(Run("Loss = CbLoss.Sigmoid, MultiLabel = true, Samples = -5")));
    }

    [Fact]
    public void A_count_above_Samples_names_the_first_such_member_its_count_and_N_once()
    {
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.CountAboveSamples, "Samples = 50", "A", "100", "Samples", "50") },
            Described(Run("Loss = CbLoss.Sigmoid, Samples = 50")));

        // Two members above N: the first is named, once.
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.CountAboveSamples, "Samples = 70", "B", "90", "Samples", "70") },
            Described(Run("Loss = CbLoss.Focal, Samples = 70", "public enum Label { [Samples(7)] A, [Samples(90)] B, [Samples(80)] C }\n")));

        // A count equal to N fits.
        Assert.Empty(Described(Run("Loss = CbLoss.Sigmoid, Samples = 100")));
    }

    [Fact]
    public void A_class_at_N_under_the_prior_bias_names_the_first_such_member_N_the_config_and_the_fix_once()
    {
        Assert.Equal(
            new[] { PriorBias("Samples = 100", "A", "100", "the config 'Label' (BiasScale = 0.05)") },
            Described(Run("Loss = CbLoss.DistributionBalanced, Samples = 100")));

        // Two members at N: the first is named, once; a BiasScale written is named as written.
        Assert.Equal(
            new[] { PriorBias("Samples = 90", "B", "90", "the config 'Tags' (BiasScale = 0.5)") },
            Described(Run("Loss = CbLoss.DistributionBalanced, BiasScale = 0.5, Samples = 90, Name = \"Tags\"",
                "public enum Label { [Samples(7)] A, [Samples(90)] B, [Samples(90)] C }\n")));

        // Without the prior bias the class at N is fine: the config is generated.
        CbGenRunResult unbiased = Run("Loss = CbLoss.DistributionBalanced, Samples = 100, BiasScale = 0");
        Assert.Empty(Described(unbiased));
        Assert.Contains("LabelWeights.g.cs", string.Join(" ", HintNames(unbiased)), System.StringComparison.Ordinal);

        // A count above N is CB052 alone.
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.CountAboveSamples, "Samples = 99", "A", "100", "Samples", "99") },
            Described(Run("Loss = CbLoss.DistributionBalanced, Samples = 99", "public enum Label { [Samples(100)] A, [Samples(99)] B }\n")));
    }

    [Fact]
    public void Two_configs_with_different_Samples_name_both_on_the_later_ones_Samples()
    {
        // The two attributes: "…Name = \"A\")]\n[ClassBalanced(…".
        const string Two = "Loss = CbLoss.Sigmoid, Samples = 1000, Name = \"A\")]\n[ClassBalanced(Loss = CbLoss.Focal, Samples = {0}, Name = \"B\"";
        Assert.Equal(
            new[]
            {
                Expected(DiagnosticDescriptors.SamplesGivenTwice, "Samples = 2000", "Samples = 2000 on the config 'B'",
                    "Samples = 1000 on the config 'A'", "make every config say the same N (the configs of one label set describe one training set)"),
            },
            Described(Run(Two.Replace("{0}", "2000", System.StringComparison.Ordinal))));
        Assert.Empty(Described(Run(Two.Replace("{0}", "1000", System.StringComparison.Ordinal))));
    }

    [Fact]
    public void MultiLabel_without_Samples_names_the_config_and_the_fix()
    {
        Assert.Equal(
            new[] { Expected(DiagnosticDescriptors.MultiLabelSamplesMissing, "MultiLabel = true", "The config 'Tags'", SamplesFix) },
            Described(Run("Loss = CbLoss.Sigmoid, Name = \"Tags\", MultiLabel = true")));

        // MultiLabel = false asks for nothing.
        Assert.Empty(Described(Run("Loss = CbLoss.Sigmoid, MultiLabel = false")));
    }

    [Fact]
    public void A_softmax_loss_names_the_config_what_made_it_multi_label_and_the_loss()
    {
        // Samples written: it is the cause, with its N.
        Assert.Equal(
            new[] { Softmax("Loss = CbLoss.Softmax", "Label", "Samples = 1000", "CbLoss.Softmax") },
            Described(Run("Loss = CbLoss.Softmax, Samples = 1000")));
        Assert.Equal(
            new[] { Softmax("Loss = CbLoss.LogitAdjusted", "Tags", "Samples = 500", "CbLoss.LogitAdjusted") },
            Described(Run("Loss = CbLoss.LogitAdjusted, Name = \"Tags\", MultiLabel = true, Samples = 500")));

        // MultiLabel = true alone: that is the cause, and N is missing too.
        Assert.Equal(
            new[]
            {
                Softmax("Loss = CbLoss.Ldam", "Label", "MultiLabel = true", "CbLoss.Ldam"),
                Expected(DiagnosticDescriptors.MultiLabelSamplesMissing, "MultiLabel = true", "The config 'Label'", SamplesFix),
            },
            Described(Run("Loss = CbLoss.Ldam, MultiLabel = true")));

        // The fix names every loss a multi-label config takes.
        Assert.Contains("(CbLoss.Sigmoid, Focal, DistributionBalanced or Asymmetric)",
            Described(Run("Loss = CbLoss.Softmax, Samples = 1000")).Single(), System.StringComparison.Ordinal);
    }

    private static string PriorBias(string located, string member, string count, string config) =>
        Expected(DiagnosticDescriptors.PositiveInEverySample, located, member, count, "Samples", count, config,
            "set BiasScale = 0 (no prior bias), or drop the class or check N (every training sample, labelled or not) and the counts");

    private static string Softmax(string located, string config, string cause, string loss) =>
        Expected(DiagnosticDescriptors.MultiLabelSoftmax, located, "The config '" + config + "'", cause, loss);
}
