extern alias gen;

using System.Linq;
using gen::CbGen.Generators;

namespace CbGen.Generators.Tests;

/// <summary>The axes of a sweep: an empty Losses axis is reported alone (no "ignored" warnings for the axes it would
/// have used), and every τ and VS γ element is range-checked where it is written.</summary>
public sealed partial class DiagnosticTests
{
    [Fact]
    public void CB023_empty_losses_axis_is_the_only_report_on_the_sweep()
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.EmptySweepAxis,
            "[ClassBalancedSweep([|Losses = new CbLoss[0]|], Gammas = new[] { 1.0 }, Taus = new[] { 0.5 }, VsGammas = new[] { 0.2 })]\n" + Members,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.Focal, CbLoss.VectorScaling }, Gammas = new[] { 1.0 }, Taus = new[] { 0.5 }, VsGammas = new[] { 0.2 })]\n" + Members);
        Assert.Equal(new[] { DiagnosticDescriptors.EmptySweepAxis.Id }, run.AnalyzerDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void CB027_each_sweep_tau_not_finite_or_negative_and_zero_is_valid()
    {
        Check(DiagnosticDescriptors.TauOutOfRange,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, Taus = new[] { 1.0, [|double.NaN|], [|double.PositiveInfinity|], [|-0.5|] })]\n" + Members,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.LogitAdjusted }, Taus = new[] { 0.0, 1.0 })]\n" + Members);
    }

    [Fact]
    public void A_vector_scaling_sweep_uses_and_checks_Taus_and_VsGammas()
    {
        Check(DiagnosticDescriptors.TauOutOfRange,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, Taus = new[] { 1.0, [|-1.0|] })]\n" + Members,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, Taus = new[] { 0.5, 1.0 })]\n" + Members);
        Check(DiagnosticDescriptors.VsGammaOutOfRange,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { [|double.NaN|], 0.2, [|double.PositiveInfinity|] })]\n" + Members,
            "[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, VsGammas = new[] { 0.0, 0.2 })]\n" + Members);
    }
}
