extern alias gen;

using System.Collections.Immutable;
using System.Linq;
using gen::CbGen.Generators.Model;
using gen::CbGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests;

/// <summary>The generator reads a plain <c>[Samples(n)]</c> from syntax (<see cref="SamplesSyntax"/>) and binds every
/// other member's attributes: it must read the number the compiler binds, refuse everything else, and the parser's
/// model must be the same with and without it, on valid and invalid enums.</summary>
public sealed class SamplesSyntaxTests
{
    private const string Usings = "using System;\nusing CbGen;\nusing S = CbGen.SamplesAttribute;\n";

    private static string Program(string member, string extra = "") =>
        Usings + "namespace App\n{\n    public static class Sizes { public const long Big = 7; public const string Name = \"n\"; }\n" + extra
        + "    [ClassBalanced(Beta = 0.99, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\n    public enum Labels\n    {\n"
        + "        [Samples(5)] First,\n        " + member + " Second,\n        [Samples(3)] Third,\n    }\n}\n";

    [Theory]
    [InlineData("5", 5L)]
    [InlineData("5L", 5L)]
    [InlineData("5u", 5L)]
    [InlineData("5U", 5L)]
    [InlineData("0x10", 16L)]
    [InlineData("0b101", 5L)]
    [InlineData("1_000", 1000L)]
    [InlineData("3000000000", 3000000000L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void A_plain_literal_is_read_as_the_compiler_binds_it(string literal, long expected)
    {
        (SemanticModel model, INamedTypeSymbol labels) = Compile(Program("[Samples(" + literal + ")]"));
        IFieldSymbol second = labels.GetMembers("Second").OfType<IFieldSymbol>().Single();

        long? read = new SamplesSyntax(model).Read(second, default)?.Count;
        object? bound = second.GetAttributes().Single().ConstructorArguments.Single().Value;

        Assert.Equal(expected, read);
        Assert.Equal(bound, read);
    }

    [Theory]
    [InlineData("\"pickup_truck\"", "pickup_truck")]
    [InlineData("@\"a\\b \"\"q\"\"\"", "a\\b \"q\"")]
    [InlineData("\"t-shirt/top \\u00fc\\t\"", "t-shirt/top \u00fc\t")]
    [InlineData("\" \"", " ")]
    [InlineData("\"\"\"raw\"\"\"", "raw")]
    public void A_string_literal_Label_is_read_as_the_compiler_binds_it(string literal, string expected)
    {
        (SemanticModel model, INamedTypeSymbol labels) = Compile(Program("[Samples(4, Label = " + literal + ")]"));
        IFieldSymbol second = labels.GetMembers("Second").OfType<IFieldSymbol>().Single();

        PlainSamples? read = new SamplesSyntax(model).Read(second, default);
        object? bound = second.GetAttributes().Single().NamedArguments.Single().Value.Value;

        Assert.Equal(new PlainSamples(4, expected), read);
        Assert.Equal(bound, read?.Label);
    }

    private static readonly string[] Refused =
    {
        "[Samples(5, Label = null)]", "[Samples(5, Label = Sizes.Name)]", "[Samples(5, Label = $\"x\")]",
        "[Samples(5, Label = \"a\" + \"b\")]", "[Samples(5, Label = (\"x\"))]", "[Samples(5, Label = \"x\"u8)]",
        "[Samples(5, Label: \"x\")]", "[Samples(5, label: \"x\")]", "[Samples(5, Count = 5)]", "[Samples(5, Label = 'x')]",
        "[Samples(0, Label = \"x\")]", "[Samples(5, Label = \"x\", Label = \"y\")]",
        "[Samples(0)]", "[Samples(0x0)]", "[Samples(-3)]", "[Samples(+3)]", "[Samples((5))]", "[Samples((long)5)]",
        "[Samples(2 + 3)]", "[Samples(Sizes.Big)]", "[Samples(count: 5)]", "[SamplesAttribute(5)]", "[CbGen.Samples(5)]",
        "[global::CbGen.Samples(5)]", "[S(5)]", "[@Samples(5)]", "[Sampl\\u0065s(5)]", "[Samples(5), Obsolete]",
        "[Obsolete, Samples(5)]", "[Obsolete][Samples(5)]", "[field: Samples(5)]", "[Samples(5.0)]", "[Samples(5UL)]",
        "[Samples(5m)]", "[Samples('a')]", "[Samples(9223372036854775808)]", "[Samples(99999999999999999999)]",
        "[Samples(5, 6)]", "[Samples]", "[Samples()]", "[Samples(5,)]", "",
    };

    public static TheoryData<string> RefusedMembers => new(Refused);

    [Theory]
    [MemberData(nameof(RefusedMembers))]
    public void Anything_but_a_plain_positive_literal_is_left_to_the_binder(string member)
    {
        (SemanticModel model, INamedTypeSymbol labels) = Compile(Program(member));
        var reader = new SamplesSyntax(model);

        Assert.Equal(5L, reader.Read(labels.GetMembers("First").OfType<IFieldSymbol>().Single(), default)?.Count);
        Assert.Null(reader.Read(labels.GetMembers("Second").OfType<IFieldSymbol>().Single(), default)?.Count);
    }

    /// <summary>Programs where <c>Samples</c> names another type, or a <c>CbGen.SamplesAttribute</c> whose constructors
    /// could bind a literal differently.</summary>
    private static readonly (string Extra, string OtherFile)[] Others =
    {
        ("public sealed class SamplesAttribute : Attribute { public SamplesAttribute(long count) { } }\n", ""),
        ("public sealed class Samples : Attribute { public Samples(long count) { } }\npublic sealed class SamplesAttribute : Attribute { public SamplesAttribute(long count) { } }\n", ""),
        ("", "namespace CbGen { public sealed class SamplesAttribute : System.Attribute { public SamplesAttribute(int count) { } } }"),
        ("", "namespace CbGen { public sealed class SamplesAttribute : System.Attribute { public SamplesAttribute(int count) { } public SamplesAttribute(long count) { } } }"),
        ("", "namespace CbGen { public sealed class SamplesAttribute : System.Attribute { public SamplesAttribute(long count, int extra = 0) { } } }"),
    };

    public static TheoryData<string, string> OtherSamplesTypes()
    {
        var data = new TheoryData<string, string>();
        foreach ((string extra, string otherFile) in Others)
        {
            data.Add(extra, otherFile);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OtherSamplesTypes))]
    public void A_Samples_that_is_not_CbGens_single_long_constructor_is_left_to_the_binder(string extra, string otherFile)
    {
        (SemanticModel model, INamedTypeSymbol labels) = Compile(Program("[Samples(4)]", extra), otherFile);
        var reader = new SamplesSyntax(model);

        Assert.All(labels.GetMembers().OfType<IFieldSymbol>(), field => Assert.Null(reader.Read(field, default)?.Count));
    }

    [Fact]
    public void A_users_own_CbGen_SamplesAttribute_with_one_long_constructor_is_read()
    {
        string own = Program("[Samples(4)]")
            + "namespace CbGen { public sealed class SamplesAttribute : System.Attribute { public SamplesAttribute(long count) { } } }";
        (SemanticModel model, INamedTypeSymbol labels) = Compile(own);
        var reader = new SamplesSyntax(model);

        Assert.Equal(new long?[] { 5, 4, 3 },
            labels.GetMembers().OfType<IFieldSymbol>().Select(field => reader.Read(field, default)?.Count).ToArray());
    }

    [Fact]
    public void A_Label_on_a_users_own_CbGen_SamplesAttribute_without_a_string_Label_is_left_to_the_binder()
    {
        string own = Program("[Samples(4, Label = \"x\")]")
            + "namespace CbGen { public sealed class SamplesAttribute : System.Attribute { public SamplesAttribute(long count) { } public int Label { get; set; } } }";
        (SemanticModel model, INamedTypeSymbol labels) = Compile(own);
        var reader = new SamplesSyntax(model);

        Assert.Equal(new long?[] { 5, null, 3 },
            labels.GetMembers().OfType<IFieldSymbol>().Select(field => reader.Read(field, default)?.Count).ToArray());
    }

    public static TheoryData<string, string> AllPrograms()
    {
        var data = new TheoryData<string, string>();
        foreach (string member in Refused)
        {
            data.Add(Program(member), "");
        }

        foreach ((string extra, string otherFile) in Others)
        {
            data.Add(Program("[Samples(4)]", extra), otherFile);
        }

        string focal = Program("[Samples(4)]").Replace("ZeroCounts = ZeroCountPolicy.ZeroWeight", "Loss = CbLoss.Focal");
        data.Add(focal, "");
        data.Add(focal.Replace("[Samples(4)]", "[Samples(0)]"), "");
        data.Add(Program("[Samples(4L)]"), "");
        // The first member binds the long constructor, the others an int one: the binder's count is an int there.
        data.Add(Program("[Samples(4)]").Replace("[Samples(5)] First", "[Samples(5L)] First"), Others[3].OtherFile);
        data.Add("using Samples = CbGen.SamplesAttribute;\n" + Program("[Samples(4)]"), "");
        data.Add(Program("[Samples(4)] Extra = 7, [Samples(2)]"), "");
        data.Add(Program("[Samples(4)] Doubled = 0, [Samples(2)]"), "");
        data.Add(Program("[Samples(4, Label = \"second one\")]"), "");
        data.Add(Program("[Samples(4, Label = \"Third\")]"), "");
        data.Add(Program("[Samples(4, Label = \"First\")]"), "");
        data.Add(Program("[Samples(4, Label = \" \")]"), "");
        data.Add(Program("[Samples(4, Label = \"x\")] Extra = 3, [Samples(2, Label = \"x\")]"), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPrograms))]
    public void The_parser_builds_the_same_model_with_and_without_the_syntax_reader(string source, string otherFile)
    {
        (SemanticModel model, INamedTypeSymbol labels) = Compile(source, otherFile);
        ImmutableArray<AttributeData> configs = labels.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "CbGen.ClassBalancedAttribute").ToImmutableArray();
        CompilationFeatures features = Parser.ReadFeatures(model.Compilation, supportsNullable: true);

        EnumSpec? fast = Parser.Parse(labels, configs, features, issues: null, default, samplesSyntax: new SamplesSyntax(model));
        EnumSpec? bound = Parser.Parse(labels, configs, features, issues: null, default);

        Assert.Equal(bound, fast);
    }

    private static (SemanticModel Model, INamedTypeSymbol Labels) Compile(string source, string otherFile = "")
    {
        CSharpCompilation compilation = otherFile.Length == 0
            ? GeneratorHarness.CreateCompilation(false, source)
            : GeneratorHarness.CreateCompilation(false, source, otherFile);
        SyntaxTree tree = compilation.SyntaxTrees.First();
        return (compilation.GetSemanticModel(tree), compilation.GetTypeByMetadataName("App.Labels")!);
    }
}
