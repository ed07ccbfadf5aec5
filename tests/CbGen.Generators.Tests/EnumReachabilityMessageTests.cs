extern alias gen;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using static CbGen.Generators.Tests.DiagnosticText;

namespace CbGen.Generators.Tests;

/// <summary>What CB012 says, whole message and location, for each reason the generated namespace-level types cannot
/// name an enum; and how a message names the global namespace.</summary>
public sealed class EnumReachabilityMessageTests
{
    private const string Prelude = ConfigMessages.Prelude;
    private const string Config = "[ClassBalanced]";
    private const string Members = " { [Samples(10)] A, [Samples(3)] B }";

    public static TheoryData<string, string, string> UnreachableEnums => new()
    {
        { Config + " file enum Label" + Members + "\n", "Tests.Label", "file-local" },
        { "public class Outer { " + Config + " private enum Label" + Members + " }\n", "Tests.Outer.Label", "private" },
        { "public class Outer { " + Config + " protected enum Label" + Members + " }\n", "Tests.Outer.Label", "protected" },
        { "public class Outer { " + Config + " private protected enum Label" + Members + " }\n", "Tests.Outer.Label", "private protected" },
        { "public class Outer<T> { " + Config + " public enum Label" + Members + " }\n", "Tests.Outer<T>.Label",
            "nested in the generic type 'Tests.Outer<T>'" },
        // The enum itself is public: the reason is a containing type, named after it.
        { "public class Outer { private class Middle { " + Config + " public enum Label" + Members + " } }\n", "Tests.Outer.Middle.Label",
            "private (through its containing type 'Tests.Outer.Middle')" },
        { "public class Outer { protected internal class Middle { protected class Inner { " + Config + " internal enum Label" + Members
            + " } } }\n", "Tests.Outer.Middle.Inner.Label", "protected (through its containing type 'Tests.Outer.Middle.Inner')" },
        { "public class Outer { private protected class Middle { " + Config + " public enum Label" + Members + " } }\n",
            "Tests.Outer.Middle.Label", "private protected (through its containing type 'Tests.Outer.Middle')" },
        { "file class Outer { " + Config + " public enum Label" + Members + " }\n", "Tests.Outer.Label",
            "file-local (through its containing type 'Tests.Outer')" },
    };

    [Theory]
    [MemberData(nameof(UnreachableEnums))]
    public void An_unreachable_enum_is_named_with_the_reason_on_its_attribute(string declaration, string display, string reason)
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude + declaration);
        Diagnostic unreachable = Assert.Single(All(run), d => d.Id == DiagnosticDescriptors.UnreachableEnum.Id);
        Assert.Equal(Expected(DiagnosticDescriptors.UnreachableEnum, display, reason), Message(unreachable));
        Assert.Equal("ClassBalanced", Located(unreachable));
        Assert.Empty(run.Files);
    }

    [Fact]
    public void Every_config_of_an_unreachable_enum_gets_the_message()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false, Prelude
            + "public class Outer { [ClassBalanced(Name = \"One\")] [ClassBalanced(Name = \"Two\")] private enum Label" + Members + " }\n");
        Diagnostic[] unreachable = All(run).Where(d => d.Id == DiagnosticDescriptors.UnreachableEnum.Id).ToArray();
        Assert.Equal(new[] { "ClassBalanced(Name = \"One\")", "ClassBalanced(Name = \"Two\")" }, unreachable.Select(Located));
        Assert.All(unreachable, d => Assert.Equal(Expected(DiagnosticDescriptors.UnreachableEnum, "Tests.Outer.Label", "private"), Message(d)));
    }

    [Theory]
    [InlineData("public class Outer { " + Config + " public enum Label" + Members + " }")]
    [InlineData("internal class Outer { " + Config + " protected internal enum Label" + Members + " }")]
    public void An_enum_nested_in_public_or_internal_types_is_reachable(string declaration)
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false,
            Prelude + declaration + "\n");
        Assert.Empty(All(run));
        run.AssertCompilesCleanly();
        Assert.NotEmpty(run.Files);
    }

    [Fact]
    public void A_name_clash_in_the_global_namespace_says_so()
    {
        Diagnostic clash = Assert.Single(All(GeneratorHarness.Run(withTorchSharp: false,
            "using CbGen;\n\n[ClassBalanced(Name = \"Pets\")]\n[ClassBalanced(Loss = CbLoss.Sigmoid, Name = \"Pets\")]\npublic enum Label" + Members + "\n")),
            d => d.Id == DiagnosticDescriptors.DuplicateName.Id);
        Assert.Equal(Expected(DiagnosticDescriptors.DuplicateName, "PetsWeights", "the global namespace", "another config of this enum"), Message(clash));
    }
}
