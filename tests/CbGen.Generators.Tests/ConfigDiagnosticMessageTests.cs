extern alias gen;

using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using DiagnosticIds = gen::CbGen.DiagnosticIds;

namespace CbGen.Generators.Tests;

/// <summary>What the checks of one config's own values say: the user reads these messages, and CB011's code fix reads
/// its properties.</summary>
public sealed class ConfigDiagnosticMessageTests
{
    private const string Prelude = "using CbGen;\n\nnamespace Tests;\n\n";

    [Fact]
    public void CB005_names_the_loss_that_ignores_gamma()
    {
        string message = Message(DiagnosticDescriptors.GammaIgnored.Id, GeneratorHarness.Run(withTorchSharp: false,
            Prelude + "[ClassBalanced(Loss = CbLoss.Sigmoid, Gamma = 1.0)]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n"));
        Assert.Equal("Gamma is set but the loss is CbLoss.Sigmoid; γ only applies to CbLoss.Focal: remove it, or use Loss = CbLoss.Focal", message);
    }

    [Fact]
    public void CB005_on_a_vs_config_names_VsGamma_the_vs_losss_own_gamma()
    {
        string message = Message(DiagnosticDescriptors.GammaIgnored.Id, GeneratorHarness.Run(withTorchSharp: false,
            Prelude + "[ClassBalanced(Loss = CbLoss.VectorScaling, Gamma = 0.2)]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n"));
        Assert.Equal("Gamma is set but the loss is CbLoss.VectorScaling; γ only applies to CbLoss.Focal: the VS loss's γ is VsGamma: "
            + "write VsGamma instead, or remove Gamma", message);
    }

    [Fact]
    public void CB010_between_two_configs_names_the_enum_or_the_class_they_share()
    {
        string source = Prelude + "[ClassBalanced(Name = \"Pets\")]\n[ClassBalanced(Loss = CbLoss.Sigmoid, Name = \"Pets\")]\n"
            + "public enum Label { [Samples(10)] A, [Samples(3)] B }\n";
        Diagnostic clash = Single(DiagnosticIds.DuplicateName, GeneratorHarness.Run(withTorchSharp: false, source));
        Assert.Equal(source.LastIndexOf("Name = \"Pets\"", StringComparison.Ordinal), clash.Location.SourceSpan.Start);
        Assert.Equal("Name = \"Pets\"".Length, clash.Location.SourceSpan.Length);
        string enumMessage = clash.GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("The generated type 'PetsWeights' in namespace Tests is already taken by another config of this enum;", enumMessage);

        string classMessage = Message(DiagnosticIds.DuplicateName, GeneratorHarness.Run(withTorchSharp: false,
            GeneratorHarness.Files(("labels.csv", "name,count\ncat,900\ndog,90\n")),
            Prelude + "[ClassBalancedDataset(\"labels.csv\", Name = \"Pets\")]\n"
            + "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.Sigmoid, Name = \"Pets\")]\npublic static partial class Labels;\n"));
        Assert.Contains("is already taken by another config of this class;", classMessage);
    }

    [Fact]
    public void CB011_says_the_weight_ratio_the_count_ratio_and_the_suggested_beta_and_carries_them_for_the_fix()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false,
            Prelude + "[ClassBalanced(Beta = 0.9)]\npublic enum Label { [Samples(7001)] A, [Samples(60)] B }\n");
        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics, d => d.Id == DiagnosticIds.WeightsCollapse);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);

        // w_c ∝ (1 − β) / (1 − β^n_c), so the weights differ by E_7001 / E_60, the counts by 7001 / 60 = 116.68…, and
        // the suggested β is 7000 / 7001 = 0.99985716…: each is rounded for reading.
        double weightRatio = (1 - Math.Pow(0.9, 7001)) / (1 - Math.Pow(0.9, 60));
        Assert.Contains("largest weight is only " + weightRatio.ToString("0.###", CultureInfo.InvariantCulture) + "×", message);
        Assert.Contains("the counts differ 116.7×", message);
        Assert.Contains("≈ 0.999857 with N = 7001", message);

        ImmutableDictionary<string, string?> properties = diagnostic.Properties;
        Assert.Equal(7000.0 / 7001.0, double.Parse(properties[DiagnosticIds.SuggestedBetaProperty]!, CultureInfo.InvariantCulture));
        Assert.Equal("7001", properties[DiagnosticIds.LargestCountProperty]);
    }

    [Fact]
    public void CB011_is_not_reported_for_a_loss_that_applies_no_weights()
    {
        // With the default β = 0.999 both counts saturate the effective number (≈ 1/(1 − β) = 1000): the weights of a
        // class-balanced loss collapse, while a logit-adjusted loss uses the counts' priors and no weights.
        const string Members = "public enum Label { [Samples(100000)] A, [Samples(40000)] B }\n";
        CbGenRunResult weighted = GeneratorHarness.Run(withTorchSharp: false, Prelude + "[ClassBalanced]\n" + Members);
        Assert.Contains(weighted.AnalyzerDiagnostics, d => d.Id == DiagnosticIds.WeightsCollapse);
        CbGenRunResult adjusted = GeneratorHarness.Run(withTorchSharp: false, Prelude + "[ClassBalanced(Loss = CbLoss.LogitAdjusted)]\n" + Members);
        Assert.Empty(adjusted.AnalyzerDiagnostics);
    }

    [Fact]
    public void CB015_names_the_option_its_value_its_enum_and_the_values_to_use()
    {
        string message = Message(DiagnosticIds.UnknownOption, GeneratorHarness.Run(withTorchSharp: false,
            Prelude + "[ClassBalanced(Device = (CbDevice)(-1))]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n"));
        string names = string.Join(", ", Enum.GetNames(typeof(CbDevice)).Select(n => "CbDevice." + n));
        Assert.Equal("Device = -1 is not a defined CbDevice value; use one of: " + names, message);

        // Every option is checked, each under its own enum's name.
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false,
            Prelude + "[ClassBalanced(Loss = (CbLoss)99, Normalizer = (MeanNormalizer)7)]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n");
        string[] messages = run.AnalyzerDiagnostics.Where(d => d.Id == DiagnosticIds.UnknownOption)
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, StringComparer.Ordinal).ToArray();
        Assert.Equal(2, messages.Length);
        Assert.StartsWith("Loss = 99 is not a defined CbLoss value; use one of: CbLoss.", messages[0]);
        Assert.StartsWith("Normalizer = 7 is not a defined MeanNormalizer value; use one of: MeanNormalizer.", messages[1]);
    }

    [Fact]
    public void CB026_cuts_the_long_name_in_the_middle_and_names_what_to_shorten()
    {
        // Name = "…": the name is the config's; the enum's own name is short.
        string name = "Start" + new string('x', 1100) + "Finish";
        Diagnostic diagnostic = Single(DiagnosticDescriptors.NameTooLong.Id, GeneratorHarness.Run(withTorchSharp: false,
            Prelude + "[ClassBalanced(Name = \"" + name + "\")]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n"));
        Assert.Equal("Name = \"" + name + "\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        string full = "Tests." + name + "Weights";
        Assert.Contains("'" + full.Substring(0, 24) + "…" + full.Substring(full.Length - 24) + "' would be "
            + Encoding.UTF8.GetByteCount(full).ToString(CultureInfo.InvariantCulture) + " UTF-8 bytes", message);
        Assert.EndsWith("shorten 'Name'", message);

        // No Name: Tests.{Enum} fits in 1,023 bytes, Tests.{Enum}Weights does not, and the enum's name is to blame.
        string enumName = "E" + new string('y', 1014);
        message = Message(DiagnosticDescriptors.NameTooLong.Id, GeneratorHarness.Run(withTorchSharp: false,
            Prelude + "[ClassBalanced]\npublic enum " + enumName + " { [Samples(10)] A, [Samples(3)] B }\n"));
        Assert.EndsWith("shorten 'the enum or class name'", message);
    }

    private static string Message(string id, CbGenRunResult run) => Single(id, run).GetMessage(CultureInfo.InvariantCulture);

    private static Diagnostic Single(string id, CbGenRunResult run) =>
        Assert.Single(run.AnalyzerDiagnostics.AddRange(run.GeneratorDiagnostics), d => d.Id == id);
}
