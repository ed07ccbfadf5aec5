extern alias gen;

using System;
using System.Linq;
using gen::CbGen.Generators;

namespace CbGen.Generators.Tests;

/// <summary>The ranges of β (CB003) and the focal γ (CB004) at their edges: on a config and on every element of a
/// sweep's axes, each bad value reported where it is written and each edge value accepted.</summary>
public sealed partial class DiagnosticTests
{
    [Theory]
    [InlineData("-0.1")]
    [InlineData("-double.Epsilon")]
    public void CB003_negative_beta_and_zero_is_the_lower_edge(string beta)
    {
        Check(DiagnosticDescriptors.BetaOutOfRange,
            "[ClassBalanced([|Beta = " + beta + "|])]\n" + Members,
            "[ClassBalanced(Beta = 0.0)]\n" + Members);
    }

    [Theory]
    [InlineData("double.NaN")]
    [InlineData("double.PositiveInfinity")]
    [InlineData("-0.5")]
    public void CB004_focal_gamma_not_finite_or_negative_and_zero_is_the_lower_edge(string gamma)
    {
        Check(DiagnosticDescriptors.GammaOutOfRange,
            "[ClassBalanced(Loss = CbLoss.Focal, [|Gamma = " + gamma + "|])]\n" + Members,
            "[ClassBalanced(Loss = CbLoss.Focal, Gamma = 0.0)]\n" + Members);
    }

    [Fact]
    public void CB003_each_sweep_beta_below_0_or_above_1_and_both_edges_are_valid()
    {
        Check(DiagnosticDescriptors.BetaOutOfRange,
            "[ClassBalancedSweep(Betas = new[] { 0.9, [|-0.1|], 0.99, [|double.NaN|], [|1.0000001|] })]\n" + Members,
            "[ClassBalancedSweep(Betas = new[] { 0.0, 0.9, 1.0 })]\n" + Members);
    }

    [Fact]
    public void CB003_on_a_Beta_written_twice_sits_on_the_repeat_whose_value_it_names()
    {
        // A repeated named argument is the compiler's CS0643, on the repeat; the attribute's arguments hold both and the
        // generator reads the repeat's value, so CB003 names it and sits on it (not on the valid first one).
        CbGenRunResult config = Check(DiagnosticDescriptors.BetaOutOfRange,
            "[ClassBalanced(Beta = 0.5, [|Beta = 2.0|])]\n" + Members,
            "[ClassBalanced(Beta = 0.5)]\n" + Members);
        Assert.StartsWith("Beta is 2;", config.AnalyzerDiagnostics.Single(d => d.Id == "CB003").GetMessage(), StringComparison.Ordinal);
        Check(DiagnosticDescriptors.BetaOutOfRange,
            "[ClassBalancedSweep(Betas = new[] { 0.9 }, Betas = new[] { 0.99, [|2.0|] })]\n" + Members,
            "[ClassBalancedSweep(Betas = new[] { 0.9 })]\n" + Members);
    }

    [Fact]
    public void CB004_each_sweep_gamma_not_finite_or_negative_and_zero_is_valid()
    {
        Check(DiagnosticDescriptors.GammaOutOfRange,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Focal }, Gammas = new[] { 1.0, [|double.NaN|], [|double.PositiveInfinity|], [|-0.5|] })]\n" + Members,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Focal }, Gammas = new[] { 0.0, 1.0 })]\n" + Members);
    }
}
