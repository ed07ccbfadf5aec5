extern alias gen;

using System.Linq;
using gen::CbGen.Generators.Model;
using gen::CbGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static CbGen.Generators.Tests.ConfigMessages;

namespace CbGen.Generators.Tests;

/// <summary>What one config's model (<c>ConfigSpec</c>, what the emitters read and the pipeline caches by value) keeps
/// of the attribute: each knob for the losses that use it and 0 for the others (so that a knob a loss ignores neither
/// reaches its code nor regenerates it), β only where class weights apply, and no config at all from an attribute
/// the compiler could not bind.</summary>
public sealed class ConfigProjectionTests
{
    [Fact]
    public void Gamma_reaches_only_a_focal_config()
    {
        Assert.Equal(2.5, Spec("Loss = CbLoss.Focal, Gamma = 2.5").Gamma);
        Assert.Equal(0.0, Spec("Loss = CbLoss.Softmax, Gamma = 2.5").Gamma);
        Assert.Equal(0.0, Spec("Loss = CbLoss.Sigmoid, Gamma = 2.5").Gamma);
    }

    [Fact]
    public void Beta_reaches_only_the_losses_that_apply_class_weights()
    {
        Assert.Equal(0.9, Spec("Loss = CbLoss.Softmax, Beta = 0.9").Beta);
        Assert.Equal(0.9, Spec("Loss = CbLoss.Focal, Beta = 0.9").Beta);
        foreach (string loss in new[] { "LogitAdjusted", "VectorScaling", "Ldam", "Asymmetric", "DistributionBalanced" })
        {
            Assert.Equal(0.0, Spec("Loss = CbLoss." + loss + ", Beta = 0.9").Beta);
        }

        // LDAM-DRW: β as written, else the official code's 0.9999.
        Assert.Equal(0.99, Spec("Loss = CbLoss.Ldam, Beta = 0.99, DeferUntilEpoch = 2").Beta);
        Assert.Equal(Parser.LdamDrwBeta, Spec("Loss = CbLoss.Ldam, DeferUntilEpoch = 2").Beta);
    }

    [Fact]
    public void The_long_tail_knobs_reach_only_their_losses()
    {
        const string All = "Tau = 1.5, VsGamma = 0.3, MaxMargin = 0.4, Scale = 20.0";
        ConfigSpec vs = Spec("Loss = CbLoss.VectorScaling, " + All);
        Assert.Equal((1.5, 0.3, 0.0, 0.0), (vs.Tau, vs.VsGamma, vs.MaxMargin, vs.Scale));
        ConfigSpec adjusted = Spec("Loss = CbLoss.LogitAdjusted, " + All);
        Assert.Equal((1.5, 0.0, 0.0, 0.0), (adjusted.Tau, adjusted.VsGamma, adjusted.MaxMargin, adjusted.Scale));
        ConfigSpec ldam = Spec("Loss = CbLoss.Ldam, " + All);
        Assert.Equal((0.0, 0.0, 0.4, 20.0), (ldam.Tau, ldam.VsGamma, ldam.MaxMargin, ldam.Scale));
        ConfigSpec focal = Spec("Loss = CbLoss.Focal, " + All);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (focal.Tau, focal.VsGamma, focal.MaxMargin, focal.Scale));
    }

    [Fact]
    public void The_multi_label_knobs_reach_only_their_loss_without_the_other_loss_s()
    {
        const string All = "SmoothingAlpha = 0.2, GammaNegative = 2.0";
        ConfigSpec db = Spec("Loss = CbLoss.DistributionBalanced, " + All);
        Assert.Equal((0.2, 0.0), (db.MultiLabelKnobs.SmoothingAlpha, db.MultiLabelKnobs.GammaNegative));
        ConfigSpec asl = Spec("Loss = CbLoss.Asymmetric, " + All);
        Assert.Equal((0.0, 2.0), (asl.MultiLabelKnobs.SmoothingAlpha, asl.MultiLabelKnobs.GammaNegative));
        Assert.Equal(MultiLabelKnobs.None, Spec("Loss = CbLoss.Sigmoid, " + All).MultiLabelKnobs);
        Assert.Equal(MultiLabelKnobs.None, Spec("Loss = CbLoss.Softmax").MultiLabelKnobs);
    }

    [Fact]
    public void SamplingPower_is_q_when_written_and_minus_1_for_none()
    {
        ConfigSpec none = Spec("Loss = CbLoss.Softmax");
        Assert.Equal(-1.0, none.SamplingPower);
        Assert.False(none.HasSamplingPower);
        ConfigSpec zero = Spec("Loss = CbLoss.Softmax, SamplingPower = 0.0");
        Assert.Equal(0.0, zero.SamplingPower);
        Assert.True(zero.HasSamplingPower);
        Assert.Equal(0.5, Spec("Loss = CbLoss.Focal, SamplingPower = 0.5").SamplingPower);
    }

    [Fact]
    public void Samples_gives_N_and_makes_the_config_multi_label()
    {
        ConfigSpec counted = Spec("Loss = CbLoss.Sigmoid, Samples = 500");
        Assert.Equal((500L, true), (counted.SampleCount, counted.MultiLabel));
        ConfigSpec single = Spec("Loss = CbLoss.Sigmoid");
        Assert.Equal((0L, false), (single.SampleCount, single.MultiLabel));
    }

    [Fact]
    public void DeferUntilEpoch_reaches_only_the_losses_it_defers()
    {
        Assert.Equal(2, Spec("Loss = CbLoss.Focal, DeferUntilEpoch = 2").DeferUntilEpoch);
        Assert.Equal(2, Spec("Loss = CbLoss.Ldam, DeferUntilEpoch = 2").DeferUntilEpoch);
        Assert.Equal(0, Spec("Loss = CbLoss.LogitAdjusted, DeferUntilEpoch = 2").DeferUntilEpoch);
        Assert.Equal(0, Spec("Loss = CbLoss.Asymmetric, DeferUntilEpoch = 2").DeferUntilEpoch);
    }

    public static TheoryData<string, string, string> UnboundAttributes => new()
    {
        // No constructor takes an argument: the compiler reports CS1729.
        { "", "[ClassBalanced(0.9)]", "CS1729" },
        // An argument the compiler cannot bind (CS0103): its constant is an error.
        { "", "[ClassBalanced(Beta = Missing)]", "CS0103" },
        { "", "[ClassBalanced(Loss = CbLoss.Focal, Name = Missing)]", "CS0103" },
        // An attribute of another CbGen version, with an option this generator does not know (in its own file; CS0436
        // for the clash with the referenced one).
        {
            "namespace CbGen { [System.AttributeUsage(System.AttributeTargets.Enum, AllowMultiple = true)]\n"
            + "public sealed class ClassBalancedAttribute : System.Attribute { public int Future { get; set; } } }\n",
            "[ClassBalanced(Future = 1)]", "CS0436"
        },
    };

    [Theory]
    [MemberData(nameof(UnboundAttributes))]
    public void An_attribute_the_compiler_could_not_bind_generates_nothing_and_adds_nothing_to_its_errors(string other, string attribute, string compilerId)
    {
        CbGenRunResult run = other.Length == 0
            ? GeneratorHarness.Run(false, Prelude + attribute + "\n" + Members)
            : GeneratorHarness.Run(false, Prelude + attribute + "\n" + Members, other);
        Assert.Contains(run.InputCompilation.GetDiagnostics(), d => d.Id == compilerId);
        Assert.Empty(run.Files);
        Assert.Empty(Described(run));
    }

    /// <summary>The model of the one config <c>[ClassBalanced(options)]</c> on two classes.</summary>
    private static ConfigSpec Spec(string options)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(false, Prelude + "[ClassBalanced(" + options + ")]\n" + Members);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        INamedTypeSymbol labels = compilation.GetTypeByMetadataName("Tests.Label")!;
        EnumSpec? parsed = Parser.Parse(labels, labels.GetAttributes(), Parser.ReadFeatures(compilation, supportsNullable: true), issues: null, default);
        return Assert.Single(Assert.IsType<EnumSpec>(parsed).Configs);
    }
}
