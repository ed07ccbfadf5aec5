extern alias gen;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.DiagnosticText;
using CbDefaults = gen::CbGen.CbDefaults;

namespace CbGen.Generators.Tests;

/// <summary>What the checks of a <c>[ClassBalancedSweep]</c> say, message and location: each axis empty, repeated or
/// undefined, options set for points the grid lacks, Device and Normalizer, Name, and the counts' total. (The
/// Samples and counts-file messages are in SweepDiagnosticMessageTests.Samples.cs.)</summary>
public sealed partial class SweepDiagnosticMessageTests
{
    private const string Prelude = "using CbGen;\n\nnamespace Tests;\n\n";
    private const string Members = "public enum Label { [Samples(100)] A, [Samples(3)] B }\n";

    [Fact]
    public void An_empty_axis_names_itself_and_the_default_to_omit_it_for()
    {
        var cases = new (string Arguments, string Axis, string Default)[]
        {
            ("Betas = new double[0]", "Betas", Grid(CbDefaults.SweepBetas)),
            // Samples without a DistributionBalanced point would be CB030, but not on an empty Losses axis.
            ("Losses = new CbLoss[0], Samples = 1000", "Losses", "CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal"),
            ("Gammas = new double[0]", "Gammas", Grid(CbDefaults.SweepGammas)),
            ("Losses = new[] { CbLoss.VectorScaling }, VsGammas = new double[0]", "VsGammas", Grid(CbDefaults.SweepVsGammas)),
            ("Losses = new[] { CbLoss.LogitAdjusted }, Taus = new double[0]", "Taus", Grid(CbDefaults.SweepTaus)),
            ("WeightDecays = new double[0]", "WeightDecays", "(none: no weight-decay axis)"),
        };
        foreach ((string arguments, string axis, string defaults) in cases)
        {
            CbGenRunResult run = Run("[ClassBalancedSweep(" + arguments + ")]\n" + Members);
            Diagnostic empty = Assert.Single(All(run));
            Assert.Equal(DiagnosticDescriptors.EmptySweepAxis.Id, empty.Id);
            Assert.Equal(Expected(DiagnosticDescriptors.EmptySweepAxis, axis, defaults), Message(empty));
            Assert.StartsWith(axis + " = ", Located(empty), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_repeated_value_names_its_axis_and_the_value_at_its_second_place()
    {
        CbGenRunResult run = Run("[ClassBalancedSweep(Betas = new[] { 0.9, 0.9 }, Gammas = new[] { 0.5, 0.5 },\n"
            + "    Losses = new[] { CbLoss.Focal, CbLoss.LogitAdjusted, CbLoss.VectorScaling, CbLoss.Focal },\n"
            + "    Taus = new[] { 1.5, 1.5 }, VsGammas = new[] { 0.2, 0.2 }, WeightDecays = new[] { 5e-4, 5e-4 })]\n" + Members);
        var found = All(run).Where(d => d.Id == DiagnosticDescriptors.DuplicateSweepValue.Id)
            .Select(d => Message(d) + " @ " + Located(d)).OrderBy(m => m, StringComparer.Ordinal);
        var expected = new[]
        {
            ("Betas", "0.9", "0.9"), ("Gammas", "0.5", "0.5"), ("Losses", "CbLoss.Focal", "CbLoss.Focal"),
            ("Taus", "1.5", "1.5"), ("VsGammas", "0.2", "0.2"), ("WeightDecays", "0.0005", "5e-4"),
        }.Select(e => Expected(DiagnosticDescriptors.DuplicateSweepValue, e.Item1, e.Item2) + " @ " + e.Item3)
            .OrderBy(m => m, StringComparer.Ordinal);
        Assert.Equal(expected, found);
    }

    [Fact]
    public void An_undefined_loss_names_its_index_its_number_and_every_loss()
    {
        CbGenRunResult run = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax, (CbLoss)42 })]\n" + Members);
        Diagnostic unknown = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.UnknownOption, "Losses[1]", "42", "CbLoss", Names<CbLoss>()), Message(unknown));
        Assert.Equal("(CbLoss)42", Located(unknown));
    }

    [Fact]
    public void An_undefined_Device_or_Normalizer_names_its_enum_and_values()
    {
        CbGenRunResult run = Run("[ClassBalancedSweep(Device = (CbDevice)9, Normalizer = (MeanNormalizer)7)]\n" + Members);
        Assert.Empty(run.Files);
        Assert.Equal(
            new[]
            {
                Expected(DiagnosticDescriptors.UnknownOption, "Device", "9", "CbDevice", Names<CbDevice>()) + " @ Device = (CbDevice)9",
                Expected(DiagnosticDescriptors.UnknownOption, "Normalizer", "7", "MeanNormalizer", Names<MeanNormalizer>())
                    + " @ Normalizer = (MeanNormalizer)7",
            },
            All(run).Select(d => Message(d) + " @ " + Located(d)).OrderBy(m => m, StringComparer.Ordinal));
    }

    [Fact]
    public void An_axis_for_points_the_grid_lacks_is_a_warning_naming_its_losses_and_is_not_checked()
    {
        // Taus and VsGammas hold values that would be errors on a grid that uses them; without such points the
        // sweep warns once per option and still generates.
        CbGenRunResult run = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax, CbLoss.Sigmoid }, Gammas = new[] { 1.0 },\n"
            + "    Taus = new[] { -1.0 }, VsGammas = new double[0], Samples = 1000)]\n" + Members);
        const string Losses = "CbLoss.Softmax, CbLoss.Sigmoid";
        Assert.Equal(
            new[]
            {
                Expected(DiagnosticDescriptors.GammaIgnored, "Gammas", Losses, "remove it, or add CbLoss.Focal to Losses") + " @ Gammas = new[] { 1.0 }",
                Expected(DiagnosticDescriptors.OptionNotApplicable, "Samples", Losses, "the CbLoss.DistributionBalanced points", DiagnosticDescriptors.SweepOptionFix) + " @ Samples = 1000",
                Expected(DiagnosticDescriptors.OptionNotApplicable, "Taus", Losses, "the CbLoss.LogitAdjusted and CbLoss.VectorScaling points", DiagnosticDescriptors.SweepOptionFix)
                    + " @ Taus = new[] { -1.0 }",
                Expected(DiagnosticDescriptors.OptionNotApplicable, "VsGammas", Losses, "the CbLoss.VectorScaling points", DiagnosticDescriptors.SweepOptionFix) + " @ VsGammas = new double[0]",
            }.OrderBy(m => m, StringComparer.Ordinal),
            All(run).Select(d => Message(d) + " @ " + Located(d)).OrderBy(m => m, StringComparer.Ordinal));
        Assert.Contains(run.Files, f => f.HintName.EndsWith("LabelSweep.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Gammas_without_focal_points_names_the_sweeps_own_properties_not_a_configs()
    {
        // A sweep has Gammas and Losses, not Gamma and Loss.
        Diagnostic plain = Assert.Single(All(Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax }, Gammas = new[] { 1.0 })]\n" + Members)));
        Assert.Equal("Gammas is set but the loss is CbLoss.Softmax; γ only applies to CbLoss.Focal: remove it, or add CbLoss.Focal to Losses",
            Message(plain));

        // The γ of VS points is their own axis.
        Diagnostic vs = Assert.Single(All(Run("[ClassBalancedSweep(Losses = new[] { CbLoss.VectorScaling }, Gammas = new[] { 0.2 })]\n" + Members)));
        Assert.Equal("Gammas is set but the loss is CbLoss.VectorScaling; γ only applies to CbLoss.Focal: the VS points' γ axis is VsGammas: "
            + "write VsGammas instead, remove Gammas, or add CbLoss.Focal to Losses", Message(vs));
    }

    [Fact]
    public void An_axis_without_its_points_names_the_sweeps_Losses_as_the_fix_not_a_configs_loss()
    {
        // A sweep has Losses, not Loss: "change the loss" would send the user looking for a property it does not have.
        Diagnostic taus = Assert.Single(All(Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax }, Taus = new[] { 1.0 })]\n" + Members)));
        Assert.Equal("Taus is set but the loss is CbLoss.Softmax; Taus only applies to the CbLoss.LogitAdjusted and CbLoss.VectorScaling "
            + "points: remove it, or add one of those losses to Losses", Message(taus));
        Diagnostic samples = Assert.Single(All(Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Sigmoid }, Samples = 1000)]\n" + Members)));
        Assert.Equal("Samples is set but the loss is CbLoss.Sigmoid; Samples only applies to the CbLoss.DistributionBalanced points: "
            + "remove it, or add one of those losses to Losses", Message(samples));
    }

    [Theory]
    [InlineData("new[] { 0.9 }", "new[] { 0.9, 1.5 }")]
    [InlineData("[0.9]", "[0.9, 1.5]")]
    public void A_bad_element_of_a_repeated_argument_is_reported_on_the_repeat(string first, string second)
    {
        // CS0643: the sweep reads the last Betas, whose second element is bad; its location is looked up in that
        // same Betas (the first has no second element), so the squiggle is on the value the message names.
        CbGenRunResult run = Run("[ClassBalancedSweep(Betas = " + first + ", Betas = " + second + ")]\n" + Members);
        Assert.DoesNotContain(All(run), d => d.Id == "AD0001");
        Diagnostic beta = Assert.Single(All(run), d => d.Id == DiagnosticDescriptors.BetaOutOfRange.Id);
        Assert.Equal(Expected(DiagnosticDescriptors.BetaOutOfRange, "1.5"), Message(beta));
        Assert.Equal("1.5", Located(beta));
    }

    /// <summary>A sweep's Name follows the configs' rule (a C# identifier), so an empty one is CB014 too instead of
    /// types named <c>Sweep</c> and <c>SweepPoint</c>.</summary>
    [Theory]
    [InlineData("1st-try")]
    [InlineData("")]
    public void An_invalid_Name_is_CB014_on_the_Name(string name)
    {
        CbGenRunResult run = Run("[ClassBalancedSweep(Name = \"" + name + "\")]\n" + Members);
        Diagnostic invalid = Assert.Single(All(run));
        Assert.Equal(Expected(DiagnosticDescriptors.InvalidName, name), Message(invalid));
        Assert.Equal("Name = \"" + name + "\"", Located(invalid));
    }

    [Fact]
    public void A_point_type_name_too_long_names_the_whole_type_its_bytes_and_what_to_shorten()
    {
        // Name = "…" in namespace Tests: Tests.{Name}SweepPoint is 1,031 bytes.
        string name = "S" + new string('x', 1014);
        Diagnostic named = Assert.Single(All(Run("[ClassBalancedSweep(Name = \"" + name + "\")]\n" + Members)));
        Assert.Equal(TooLong("Tests." + name + "SweepPoint", "Name"), Message(named));
        Assert.Equal("Name = \"" + name + "\"", Located(named));

        // No Name: the enum's own name is the prefix.
        string enumName = "E" + new string('x', 1008);
        Diagnostic unnamed = Assert.Single(All(Run("[ClassBalancedSweep]\npublic enum " + enumName + " { [Samples(100)] A, [Samples(3)] B }\n")));
        Assert.Equal(TooLong("Tests." + enumName + "SweepPoint", "the enum or class name"), Message(unnamed));
    }

    [Fact]
    public void In_the_global_namespace_a_point_type_of_exactly_1023_bytes_fits()
    {
        // No namespace, no dot: {Name}SweepPoint alone counts.
        string fits = "G" + new string('x', 1012);
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false,
            "using CbGen;\n\n[ClassBalancedSweep(Name = \"" + fits + "\")]\n" + Members);
        Assert.Empty(All(run));
        Assert.Single(run.Files);

        string tooLong = fits + "x";
        Diagnostic diagnostic = Assert.Single(All(GeneratorHarness.Run(withTorchSharp: false,
            "using CbGen;\n\n[ClassBalancedSweep(Name = \"" + tooLong + "\")]\n" + Members)));
        Assert.Equal(TooLong(tooLong + "SweepPoint", "Name"), Message(diagnostic));
    }

    [Fact]
    public void Counts_summing_past_Int64_name_the_first_point_kind_that_needs_the_total()
    {
        const string Overflowing = " { [Samples(long.MaxValue)] A, [Samples(1)] B }\n";
        foreach (string loss in new[] { "LogitAdjusted", "Ldam", "VectorScaling" })
        {
            CbGenRunResult run = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax, CbLoss." + loss + " })]\npublic enum Label" + Overflowing);
            Diagnostic total = Assert.Single(All(run));
            Assert.Equal(Expected(DiagnosticDescriptors.CountTotalTooLarge, "Label", "the CbLoss." + loss + " points of [ClassBalancedSweep]"), Message(total));
            Assert.Empty(run.Files);
        }

        // Class-balanced points do not need the total.
        CbGenRunResult weighted = Run("[ClassBalancedSweep(Losses = new[] { CbLoss.Softmax, CbLoss.Focal })]\npublic enum Label" + Overflowing);
        Assert.Empty(All(weighted));
        Assert.Single(weighted.Files);
    }

    [Fact]
    public void Two_sweeps_of_one_Name_are_CB010_on_each_Name()
    {
        string source = Prelude + "[ClassBalancedSweep(Name = \"Grid\")]\n" + Members
            + "[ClassBalancedSweep(Name = \"Grid\")]\npublic enum Other { [Samples(100)] A, [Samples(3)] B }\n";
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, source);
        Diagnostic[] clashes = run.GeneratorDiagnostics.Where(d => d.Id == DiagnosticDescriptors.DuplicateName.Id).ToArray();
        Assert.Equal(2, clashes.Length);
        // The generator's diagnostics carry a path and span, not the tree: read the span from the source.
        Assert.All(clashes, d => Assert.Equal("Name = \"Grid\"", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
        Assert.NotEqual(clashes[0].Location.SourceSpan, clashes[1].Location.SourceSpan);
    }

    private static CbGenRunResult Run(string source) => GeneratorHarness.Run(withTorchSharp: false, Prelude + source);

    /// <summary>CB026 for the generated <paramref name="name"/>: cut to 24 characters either side of '…' past 60.</summary>
    private static string TooLong(string name, string what) =>
        Expected(DiagnosticDescriptors.NameTooLong,
            name.Length <= 60 ? name : name.Substring(0, 24) + "…" + name.Substring(name.Length - 24),
            Encoding.UTF8.GetByteCount(name).ToString(CultureInfo.InvariantCulture), what);

    /// <summary>A default grid as the CB023 messages write it: one decimal at least (1.0, 0.999).</summary>
    private static string Grid(double[] values) =>
        string.Join(", ", values.Select(v => v.ToString("0.0###", CultureInfo.InvariantCulture)));

    private static string Names<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(n => typeof(TEnum).Name + "." + n));
}
