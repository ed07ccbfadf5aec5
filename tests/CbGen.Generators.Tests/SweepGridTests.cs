using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>The points a <c>[ClassBalancedSweep]</c> expands to, read from the compiled registry: the VS points (one per
/// VS γ and τ, without class weights), the axes the registry keeps only for the points that use them, and point
/// names of numbers with an exponent.</summary>
public sealed class SweepGridTests
{
    private const string Probe = """

        public static class Probe
        {
            private static string R(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

            public static string[] Points() => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(LabelSweep.Points,
                p => p.Name + " " + p.Loss + " β=" + R(p.Beta) + " γ=" + R(p.Gamma) + " τ=" + R(p.Tau) + " weights=" + p.Weights.Length));
        }
        """;

    [Fact]
    public void A_vector_scaling_point_per_gamma_and_tau_without_class_weights_then_the_other_losses()
    {
        double[] betas = { 0.9, 0.99 };
        double[] vsGammas = { 0.2, 0.4 };
        double[] taus = { 0.5, 1.5 };
        Assembly assembly = Compile("[ClassBalancedSweep(Betas = new[] { 0.9, 0.99 }, Losses = new[] { CbLoss.VectorScaling, CbLoss.Softmax },\n"
            + "    VsGammas = new[] { 0.2, 0.4 }, Taus = new[] { 0.5, 1.5 })]\n");

        var expected = new List<string>();
        foreach (double gamma in vsGammas)
        {
            foreach (double tau in taus)
            {
                expected.Add("LabelVectorScaling_G" + Name(gamma) + "_T" + Name(tau) + " VectorScaling β=0 γ=" + R(gamma) + " τ=" + R(tau) + " weights=0");
            }
        }

        expected.AddRange(betas.Select(b => "LabelSoftmax_B" + Name(b) + " Softmax β=" + R(b) + " γ=0 τ=0 weights=2"));
        Assert.Equal(expected, (string[])GeneratorHarness.Call(assembly, "Tests.Probe", "Points")!);
        Assert.Equal(vsGammas, Axis(assembly, "VsGammas"));
        Assert.Equal(taus, Axis(assembly, "Taus"));
    }

    [Fact]
    public void N_is_kept_only_for_a_distribution_balanced_point()
    {
        Assembly balanced = Compile("[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid, CbLoss.DistributionBalanced }, Samples = 1000)]\n");
        Assert.Equal(1000L, Registry(balanced).GetField("SampleCount")!.GetValue(null));

        // Without the point, Samples is CB030 and ignored: in particular it is not checked against the counts (100 > 2).
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false,
            Source("[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid }, Samples = 2)]\n"));
        Assert.Equal(new[] { "CB030" }, run.AnalyzerDiagnostics.Concat(run.GeneratorDiagnostics).Select(d => d.Id));
        Assert.Null(Registry(GeneratorHarness.Load(run.OutputCompilation)).GetField("SampleCount"));
    }

    [Fact]
    public void A_number_with_a_positive_exponent_names_its_point_without_the_plus()
    {
        // 1E+20 and 1E-05 as identifier text: 1E20 and 1Em05.
        Assembly assembly = Compile("[ClassBalancedSweep(Betas = new[] { 0.9 }, Losses = new[] { CbLoss.Focal }, Gammas = new[] { 1e20, 1e-5 })]\n");
        string[] points = (string[])GeneratorHarness.Call(assembly, "Tests.Probe", "Points")!;
        Assert.Equal(new[] { "LabelFocal_B0_9_G1E20", "LabelFocal_B0_9_G1Em05" }, points.Select(p => p.Split(' ')[0]));
        Assert.NotNull(Registry(assembly).GetProperty("Focal_B0_9_G1E20"));
    }

    private static string Source(string attribute) =>
        "using CbGen;\n\nnamespace Tests;\n\n" + attribute + "public enum Label { [Samples(100)] A, [Samples(3)] B }\n" + Probe;

    /// <summary>Generates, checks that the output compiles cleanly without diagnostics, and loads it.</summary>
    private static Assembly Compile(string attribute)
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Source(attribute));
        Assert.Empty(run.AnalyzerDiagnostics);
        run.AssertCompilesCleanly();
        return GeneratorHarness.Load(run.OutputCompilation);
    }

    private static Type Registry(Assembly assembly) => assembly.GetType("Tests.LabelSweep") ?? throw new InvalidOperationException("No LabelSweep");

    /// <summary>An axis of the registry (a ReadOnlySpan&lt;double&gt; property), read through its backing array.</summary>
    private static double[] Axis(Assembly assembly, string name)
    {
        FieldInfo field = Registry(assembly).GetField("s_" + char.ToLowerInvariant(name[0]) + name.Substring(1), BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("No backing array of " + name);
        return (double[])field.GetValue(null)!;
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number as a point name writes it: 0.9 → 0_9.</summary>
    private static string Name(double value) => R(value).Replace(".", "_", StringComparison.Ordinal);
}
