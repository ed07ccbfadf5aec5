extern alias gen;

using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.DiagnosticText;

namespace CbGen.Generators.Tests;

/// <summary>What CB027 says, whole message and location, on each loss it can be reported on: τ is the logit adjustment's
/// on a logit-adjusted config, the VS loss's offset factor on a VS config (never "the balanced softmax" there), and a
/// sweep's Taus element is worded for the points it makes.</summary>
public sealed class TauMessageTests
{
    private const string Prelude = ConfigMessages.Prelude;
    private const string Members = ConfigMessages.Members;

    private const string LogitAdjusted =
        "the logit adjustment's τ must be a finite number ≥ 0 (1 is the balanced softmax and the paper's choice, 0 plain cross-entropy)";

    private const string VectorScaling =
        "the VS loss's τ, the factor of its offsets ι_c = τ·log π_c, must be a finite number ≥ 0 (1 is the official code's default, "
        + "0 leaves the scales Δ_c = (n_c / n_max)^γ alone)";

    [Fact]
    public void On_a_config_tau_is_worded_for_its_loss()
    {
        Assert.Equal("Tau is -1; " + LogitAdjusted, Message(Single("[ClassBalanced(Loss = CbLoss.LogitAdjusted, Tau = -1.0)]\n")));
        Diagnostic vs = Single("[ClassBalanced(Loss = CbLoss.VectorScaling, Tau = -1.0)]\n");
        Assert.Equal("Tau is -1; " + VectorScaling, Message(vs));
        Assert.Equal("Tau = -1.0", Located(vs));
    }

    [Fact]
    public void On_a_counts_file_config_the_vs_wording_holds_too()
    {
        CbGenRunResult run = GeneratorHarness.Run(false, GeneratorHarness.Files(("labels.csv", "cat,900\ndog,3\n")), Prelude
            + "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.VectorScaling, Tau = double.NaN)]\npublic static partial class Set;\n");
        Diagnostic tau = Assert.Single(All(run));
        Assert.Equal("Tau is NaN; " + VectorScaling, Message(tau));
    }

    [Fact]
    public void On_a_sweep_the_taus_element_is_worded_for_the_points_it_makes()
    {
        Assert.Equal("Taus holds -0.5; " + LogitAdjusted,
            Message(Single("[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, Taus = new[] { 1.0, -0.5 })]\n")));
        Diagnostic vs = Single("[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, Taus = new[] { 1.0, -0.5 })]\n");
        Assert.Equal("Taus holds -0.5; " + VectorScaling, Message(vs));
        Assert.Equal("-0.5", Located(vs));
        Assert.Equal(
            "Taus holds -0.5; the τ of the logit-adjusted and VS points must be a finite number ≥ 0 (1 is the default: the balanced "
                + "softmax for the logit-adjusted points, the official code's choice for VS)",
            Message(Single("[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling, CbLoss.LogitAdjusted }, Taus = new[] { -0.5 })]\n")));
    }

    private static Diagnostic Single(string attribute) =>
        Assert.Single(All(GeneratorHarness.Run(false, Prelude + attribute + Members)), d => d.Id == DiagnosticDescriptors.TauOutOfRange.Id);
}
