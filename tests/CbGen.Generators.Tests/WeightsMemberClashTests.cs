extern alias gen;

using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>A member of the user's own <c>partial class {Name}Weights</c> named like a member the generator writes
/// there: CB066 on the user's member, and nothing of that config is generated (no CS0102 in a generated file).</summary>
public sealed class WeightsMemberClashTests
{
    private const string TwoClasses = "{ [Samples(10)] A, [Samples(3)] B }";

    [Theory]
    [InlineData("public static int Counts => 3;", "Counts")]
    [InlineData("public const int ClassCount = 2;", "ClassCount")]
    [InlineData("public static long ACount;", "ACount")]
    [InlineData("public static double WeightOf(Label2 label) => 0;", "WeightOf")]
    [InlineData("public static int WeightOf;", "WeightOf")]
    [InlineData("public sealed class Weights { }", "Weights")]
    public void A_user_member_named_like_a_generated_one_gets_CB066_and_nothing_clashes(string member, string name)
    {
        string source = "using CbGen;\nnamespace C { [ClassBalanced] public enum Label2 " + TwoClasses
            + " public static partial class Label2Weights { " + member + " } }";
        CbGenRunResult run = NameClashTests.RunClean(false, default, source);
        Diagnostic clash = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CB066", clash.Id);
        Assert.Equal(DiagnosticSeverity.Error, clash.Severity);
        string message = clash.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'" + name + "'", message, StringComparison.Ordinal);
        Assert.Contains("'Label2Weights'", message, StringComparison.Ordinal);
        Assert.Contains("rename", message, StringComparison.Ordinal);
        Assert.Equal(name, source.Substring(clash.Location.SourceSpan.Start, clash.Location.SourceSpan.Length));
        Assert.Empty(run.Files);
    }

    [Theory]
    [InlineData("public static double WeightOf(string label) => 0;")]
    [InlineData("public const int Extra = 1;")]
    [InlineData("public static double Tau => 1;")] // a softmax config has no Tau
    public void Other_members_and_overloads_are_no_clash(string member)
    {
        CbGenRunResult run = NameClashTests.RunClean(false, default,
            "using CbGen;\nnamespace C { [ClassBalanced] public enum Label2 " + TwoClasses + " public static partial class Label2Weights { " + member + " } }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Files);
    }

    [Fact]
    public void The_loss_files_AdjustLogits_counts_with_TorchSharp()
    {
        const string Source = "using CbGen;\nnamespace C { [ClassBalanced(Loss = CbLoss.LogitAdjusted)] public enum Label2 " + TwoClasses
            + " public static partial class Label2Weights { public static int AdjustLogits; } }";
        Assert.Equal("CB066", Assert.Single(NameClashTests.RunClean(true, default, Source).GeneratorDiagnostics).Id);
        Assert.Empty(NameClashTests.RunClean(false, default, Source).GeneratorDiagnostics);
    }
}
