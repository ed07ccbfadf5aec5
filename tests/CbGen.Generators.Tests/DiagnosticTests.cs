extern alias gen;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Tests;

/// <summary>One test per diagnostic: it fires on the bad code at each <c>[|marked|]</c> span and nowhere else, and the
/// fixed code is silent and generates code that compiles cleanly.</summary>
public sealed partial class DiagnosticTests
{
    [Fact]
    public void CB001_member_without_samples()
    {
        Check(DiagnosticDescriptors.MissingSamples,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A, [|B|] }
            """,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A, [Samples(5)] B }
            """);
    }

    [Fact]
    public void CB002_negative_count()
    {
        Check(DiagnosticDescriptors.NonPositiveCount,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A, [Samples([|-3|])] B }
            """,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """);
    }

    [Fact]
    public void CB002_zero_count_without_ZeroWeight()
    {
        Check(DiagnosticDescriptors.NonPositiveCount,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A, [Samples([|0|])] B, [Samples(4)] C }
            """,
            """
            [ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]
            public enum Label { [Samples(10)] A, [Samples(0)] B, [Samples(4)] C }
            """);
    }

    [Fact]
    public void CB003_beta_outside_0_1()
    {
        Check(DiagnosticDescriptors.BetaOutOfRange,
            """
            [ClassBalanced([|Beta = 1.5|])]
            [ClassBalanced([|Beta = double.NaN|], Loss = CbLoss.Sigmoid)]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            """
            [ClassBalanced(Beta = 0.999)]
            [ClassBalanced(Beta = 1.0, Loss = CbLoss.Sigmoid)]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """);
    }

    [Fact]
    public void CB004_negative_gamma()
    {
        Check(DiagnosticDescriptors.GammaOutOfRange,
            """
            [ClassBalanced(Loss = CbLoss.Focal, [|Gamma = -1.0|])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            """
            [ClassBalanced(Loss = CbLoss.Focal, Gamma = 0.0)]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """);
    }

    [Fact]
    public void CB005_gamma_on_a_non_focal_config_is_a_warning_and_still_generates()
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.GammaIgnored,
            """
            [ClassBalanced(Loss = CbLoss.Sigmoid, [|Gamma = 1.0|])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            """
            [ClassBalanced(Loss = CbLoss.Focal, Gamma = 1.0)]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            badGenerates: true);
        Assert.Equal(DiagnosticSeverity.Warning, DiagnosticDescriptors.GammaIgnored.DefaultSeverity);
        Assert.Single(run.Files);
    }

    [Fact]
    public void CB006_values_with_a_gap()
    {
        Check(DiagnosticDescriptors.ValuesNotClassIndices,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A = 0, [Samples(3)] [|B|] = 2 }
            """,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A = 0, [Samples(3)] B = 1 }
            """);
    }

    [Fact]
    public void CB006_duplicate_and_negative_values()
    {
        Check(DiagnosticDescriptors.ValuesNotClassIndices,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A = 1, [Samples(3)] [|B|] = 1, [Samples(4)] [|C|] = -1 }
            """,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A = 1, [Samples(3)] B = 0, [Samples(4)] C = 2 }
            """);
    }

    [Fact]
    public void CB007_flags_enum()
    {
        Check(DiagnosticDescriptors.FlagsEnum,
            """
            [ClassBalanced]
            [[|System.Flags|]]
            public enum Label { [Samples(10)] A = 0, [Samples(3)] B = 1 }
            """,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A = 0, [Samples(3)] B = 1 }
            """);
    }

    [Fact]
    public void CB008_fewer_than_two_classes()
    {
        Check(DiagnosticDescriptors.TooFewClasses,
            """
            [[|ClassBalanced|]]
            public enum Label { [Samples(10)] A }
            """,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A, [Samples(1)] Other }
            """);
    }

    [Fact]
    public void CB009_samples_without_ClassBalanced()
    {
        Check(DiagnosticDescriptors.SamplesWithoutConfig,
            """
            public enum Label { [[|Samples(10)|]] A, [[|Samples(3)|]] B }
            """,
            """
            [ClassBalanced]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            badGenerates: false);
    }

    [Fact]
    public void CB010_two_configs_of_one_enum_with_the_same_name()
    {
        Check(DiagnosticDescriptors.DuplicateName,
            """
            [ClassBalanced(Loss = CbLoss.Focal)]
            [[|ClassBalanced(Loss = CbLoss.Focal, Gamma = 1.0)|]]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            """
            [ClassBalanced(Loss = CbLoss.Focal)]
            [ClassBalanced(Loss = CbLoss.Focal, Gamma = 1.0, Name = "LabelFocalGamma1")]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            badGenerates: true);
    }

    [Fact]
    public void CB010_two_enums_with_the_same_generated_name()
    {
        Check(DiagnosticDescriptors.DuplicateName,
            """
            [ClassBalanced([|Name = "Shared"|])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }

            public static class Holder
            {
                [ClassBalanced([|Name = "Shared"|])]
                public enum Label { [Samples(10)] A, [Samples(3)] B }
            }
            """,
            """
            [ClassBalanced(Name = "Shared")]
            public enum Label { [Samples(10)] A, [Samples(3)] B }

            public static class Holder
            {
                [ClassBalanced(Name = "HolderLabel")]
                public enum Label { [Samples(10)] A, [Samples(3)] B }
            }
            """,
            badGenerates: false);
    }

    [Fact]
    public void CB066_a_member_of_the_users_partial_weights_class_named_like_a_generated_one()
    {
        Check(DiagnosticDescriptors.WeightsMemberClash,
            """
            [ClassBalanced]
            public enum Label2 { [Samples(10)] A, [Samples(3)] B }

            public static partial class Label2Weights { public static int [|Counts|] => 3; }
            """,
            """
            [ClassBalanced]
            public enum Label2 { [Samples(10)] A, [Samples(3)] B }

            public static partial class Label2Weights { public static int CountsSeen => 3; }
            """,
            badGenerates: false);
    }

    [Fact]
    public void CB010_generated_name_taken_by_a_user_type()
    {
        Check(DiagnosticDescriptors.DuplicateName,
            """
            [[|ClassBalanced|]]
            public enum Label { [Samples(10)] A, [Samples(3)] B }

            public sealed class LabelWeights { }
            """,
            """
            [ClassBalanced(Name = "Labels")]
            public enum Label { [Samples(10)] A, [Samples(3)] B }

            public sealed class LabelWeights { }

            // Without CbGen.TorchSharp no loss is generated, so the name LabelsLoss stays free.
            public sealed class LabelsLoss { }

            /// <summary>Extending the generated weights class is allowed.</summary>
            public static partial class LabelsWeights
            {
                /// <summary>The tail class.</summary>
                public const Label Tail = Label.B;
            }
            """,
            badGenerates: false);
    }

    [Fact]
    public void CB011_beta_too_small_for_the_counts()
    {
        CbGenRunResult run = Check(DiagnosticDescriptors.WeightsCollapse,
            """
            [ClassBalanced([|Beta = 0.9|])]
            public enum Label { [Samples(5000)] A, [Samples(50)] B }
            """,
            """
            [ClassBalanced(Beta = 0.9999)]
            public enum Label { [Samples(5000)] A, [Samples(50)] B }
            """,
            badGenerates: true);
        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Contains("0.9998", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("N = 5000", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CB012_enum_inside_a_generic_type()
    {
        Check(DiagnosticDescriptors.UnreachableEnum,
            """
            public class Holder<T>
            {
                [[|ClassBalanced|]]
                public enum Label { [Samples(10)] A, [Samples(3)] B }
            }
            """,
            """
            public class Holder
            {
                [ClassBalanced]
                public enum Label { [Samples(10)] A, [Samples(3)] B }
            }
            """);
    }

    [Fact]
    public void CB012_private_and_protected_enums()
    {
        Check(DiagnosticDescriptors.UnreachableEnum,
            """
            public class Holder
            {
                [[|ClassBalanced|]]
                private enum Hidden { [Samples(10)] A, [Samples(3)] B }

                [[|ClassBalanced|]]
                protected enum Family { [Samples(10)] A, [Samples(3)] B }
            }
            """,
            """
            public class Holder
            {
                [ClassBalanced]
                internal enum Hidden { [Samples(10)] A, [Samples(3)] B }

                [ClassBalanced]
                protected internal enum Family { [Samples(10)] A, [Samples(3)] B }
            }
            """);
    }

    [Fact]
    public void CB012_file_local_enum()
    {
        Check(DiagnosticDescriptors.UnreachableEnum,
            """
            [[|ClassBalanced|]]
            file enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            """
            [ClassBalanced]
            internal enum Label { [Samples(10)] A, [Samples(3)] B }
            """);
    }

    [Fact]
    public void CB013_every_count_zero()
    {
        Check(DiagnosticDescriptors.AllCountsZero,
            """
            [ClassBalanced([|ZeroCounts = ZeroCountPolicy.ZeroWeight|])]
            public enum Label { [Samples(0)] A, [Samples(0)] B }
            """,
            """
            [ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]
            public enum Label { [Samples(0)] A, [Samples(7)] B }
            """);
    }

    [Fact]
    public void CB014_name_not_an_identifier()
    {
        Check(DiagnosticDescriptors.InvalidName,
            """
            [ClassBalanced([|Name = "1st-try"|])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            """
            [ClassBalanced(Name = "FirstTry")]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """);
    }

    [Fact]
    public void CB015_undefined_option_value()
    {
        Check(DiagnosticDescriptors.UnknownOption,
            """
            [ClassBalanced([|Loss = (CbLoss)99|], [|Device = (CbDevice)(-1)|])]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """,
            """
            [ClassBalanced(Loss = CbLoss.Sigmoid, Device = CbDevice.Cpu)]
            public enum Label { [Samples(10)] A, [Samples(3)] B }
            """);
    }

    [Fact]
    public void CB026_generated_name_too_long_for_metadata()
    {
        string longName = "B" + new string('x', 1019);
        CbGenRunResult bad = Check(DiagnosticDescriptors.NameTooLong,
            "[ClassBalanced]\npublic enum Label { [Samples(10)] A, [Samples(3)] [|" + longName + "|] = 1 }\n",
            "[ClassBalanced]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n");
        using var stream = new System.IO.MemoryStream();
        Assert.True(bad.OutputCompilation.Emit(stream).Success, "The bad code must still emit (no CS7013 from generated names).");
    }

    [Fact]
    public void CB026_sweep_type_name_too_long_for_metadata()
    {
        // "Tests." + Name + "SweepPoint" is 1,031 bytes; Name + "Sweep" alone would fit.
        string longName = "S" + new string('x', 1014);
        Check(DiagnosticDescriptors.NameTooLong,
            "[ClassBalancedSweep([|Name = \"" + longName + "\"|])]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n",
            "[ClassBalancedSweep(Name = \"Short\")]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n");

        // Without a Name the enum's own name is the prefix: {Enum}Weights fits, {Enum}SweepPoint does not.
        string longEnum = "E" + new string('x', 1008);
        Check(DiagnosticDescriptors.NameTooLong,
            "[[|ClassBalancedSweep|]]\npublic enum " + longEnum + " { [Samples(10)] A, [Samples(3)] B }\n",
            "[ClassBalancedSweep]\npublic enum Label { [Samples(10)] A, [Samples(3)] B }\n");
    }

    /// <param name="badGenerates">Whether the bad code still generates (warnings, or errors that only the analyzer can see).</param>
    /// <param name="badCompiles">Whether the bad code's generated output still compiles.</param>
    internal static CbGenRunResult Check(
        DiagnosticDescriptor descriptor,
        string bad,
        string fixedSource,
        bool badGenerates = false,
        bool badCompiles = true)
    {
        (string badSource, List<TextSpan> expected) = GeneratorHarness.ParseMarkers(Prelude + bad);
        Assert.NotEmpty(expected);

        CbGenRunResult badRun = GeneratorHarness.Run(withTorchSharp: false, badSource);
        // The generator reports only what analyzers cannot see (name clashes across the project, CB010, and with the
        // members it writes, CB066).
        Assert.All(badRun.GeneratorDiagnostics, d => Assert.Contains(d.Id, new[] { DiagnosticDescriptors.DuplicateName.Id, DiagnosticDescriptors.WeightsMemberClash.Id }));
        ImmutableArray<Diagnostic> found = badRun.AnalyzerDiagnostics.AddRange(badRun.GeneratorDiagnostics);
        var actual = found.Where(d => d.Id == descriptor.Id).ToList();
        Assert.True(
            actual.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start).SequenceEqual(expected),
            "Expected " + descriptor.Id + " at " + string.Join(", ", expected) + " in:\n" + badSource
            + "\nGot:\n" + CbGenRunResult.Describe(found));
        Assert.All(actual, d => Assert.Equal(descriptor.DefaultSeverity, d.Severity));
        Assert.All(actual, d => Assert.Equal("Source0.cs", d.Location.GetLineSpan().Path));
        Assert.DoesNotContain(found, d => d.Id == "AD0001");
        if (badGenerates)
        {
            Assert.NotEmpty(badRun.Files);
        }
        else
        {
            Assert.Empty(badRun.Files);
        }

        if (badCompiles)
        {
            Assert.DoesNotContain(badRun.OutputCompilation.GetDiagnostics(),
                d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "Source0.cs");
        }

        CbGenRunResult fixedRun = GeneratorHarness.Run(withTorchSharp: false, Prelude + fixedSource);
        ImmutableArray<Diagnostic> fixedDiagnostics = fixedRun.AnalyzerDiagnostics.AddRange(fixedRun.GeneratorDiagnostics);
        Assert.True(fixedDiagnostics.IsEmpty, "The fixed code still reports:\n" + CbGenRunResult.Describe(fixedDiagnostics));
        Assert.NotEmpty(fixedRun.Files);
        fixedRun.AssertCompilesCleanly();
        return badRun;
    }

    private const string Prelude = "using CbGen;\n\nnamespace Tests;\n\n";
}
