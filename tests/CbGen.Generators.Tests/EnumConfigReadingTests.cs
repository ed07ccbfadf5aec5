extern alias gen;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static CbGen.Generators.Tests.DiagnosticText;

namespace CbGen.Generators.Tests;

/// <summary>How an enum's configs are read: an undefined ZeroCounts value, a C# keyword as Name, a config the compiler
/// could not bind, and the language version that decides the <c>#nullable</c> directive.</summary>
public sealed class EnumConfigReadingTests
{
    private const string Prelude = ConfigMessages.Prelude;
    private const string Members = "public enum Label { [Samples(10)] A, [Samples(3)] B }\n";

    [Fact]
    public void An_undefined_ZeroCounts_value_is_named_with_the_values_to_use()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude + "[ClassBalanced(ZeroCounts = (ZeroCountPolicy)9)]\n" + Members);
        Diagnostic unknown = Assert.Single(All(run));
        string names = string.Join(", ", Enum.GetNames(typeof(ZeroCountPolicy)).Select(n => "ZeroCountPolicy." + n));
        Assert.Equal("ZeroCounts = 9 is not a defined ZeroCountPolicy value; use one of: " + names, Message(unknown));
        Assert.Equal("ZeroCounts = (ZeroCountPolicy)9", Located(unknown));
        Assert.Empty(run.Files);
    }

    [Theory]
    [InlineData("class")]
    [InlineData("int")]
    public void A_keyword_Name_is_valid_because_the_generated_names_append_to_it(string keyword)
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, Prelude + "[ClassBalanced(Name = \"" + keyword + "\")]\n" + Members);
        Assert.Empty(All(run));
        run.AssertCompilesCleanly();
        Assert.Equal(
            new[] { "Tests.Label." + keyword + "Loss.g.cs", "Tests.Label." + keyword + "Weights.g.cs" },
            run.Files.Select(f => f.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_config_the_compiler_cannot_bind_is_not_checked_and_generates_nothing()
    {
        // Beta = 2 would give CB003 and the repeated Name CB010, but the compiler's own error (CS0103) comes first.
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "[ClassBalanced(Name = \"Pets\")]\n[ClassBalanced(Name = \"Pets\", Beta = 2.0, Gamma = Missing)]\n" + Members);
        Assert.Empty(All(run));
        Assert.Contains(run.OutputCompilation.GetDiagnostics(), d => d.Id == "CS0103");
        Assert.Equal(new[] { "Tests.Label.PetsWeights.g.cs" }, run.Files.Select(f => f.HintName));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, false)]
    [InlineData(LanguageVersion.CSharp8, true)]
    [InlineData(LanguageVersion.CSharp9, true)]
    public void The_files_enable_nullable_from_CSharp_8(LanguageVersion version, bool nullable)
    {
        var options = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(false, options, Prelude.Replace("namespace Tests;", "namespace Tests {", StringComparison.Ordinal)
            + "[ClassBalanced]\n" + Members + "}\n")
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        CbGenRunResult run = CbGenRunner.Run(compilation, options);
        run.AssertCompilesCleanly();
        GeneratedFile weights = Assert.Single(run.Files);
        Assert.Equal(nullable, weights.Text.Contains("#nullable enable", StringComparison.Ordinal));
    }
}
