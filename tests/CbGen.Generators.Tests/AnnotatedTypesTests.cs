extern alias gen;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using gen::CbGen.Generators.Helpers;
using gen::CbGen.Generators.Model;
using gen::CbGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Tests;

/// <summary>The generator finds its attributed enums and classes with <see cref="AnnotatedTypes"/>, which reads only the
/// levels where a type can be declared, instead of Roslyn's <c>ForAttributeWithMetadataName</c>: on every program here
/// (names written plainly, qualified, escaped, through local, namespace and global aliases, nested types, partial
/// classes, look-alike attributes of other namespaces, broken code) both must find the same declarations, with the
/// same attributes, in the same order.</summary>
public sealed class AnnotatedTypesTests
{
    private static readonly (string Name, bool Enums)[] Attributes =
    {
        ("ClassBalanced", true), ("ClassBalancedSweep", true), ("ClassBalancedDataset", false),
    };

    private const string Usings = "using System;\nusing CbGen;\n";

    /// <summary>Programs as files; every file but the first gets no usings of its own.</summary>
    private static readonly string[][] Programs =
    {
        new[] { Usings + "namespace App { [ClassBalanced] public enum A { [Samples(3)] X, [Samples(4)] Y } [ClassBalancedSweep] public enum B { X, Y }\n"
            + "[ClassBalancedDataset(\"a.csv\")] public static partial class C { } }" },
        new[] { "namespace App;\n[CbGen.ClassBalanced, Flags] enum A { X }\n[global::CbGen.ClassBalancedSweepAttribute()] enum B { X }\n"
            + "[CbGen.ClassBalancedDatasetAttribute(\"a.csv\")] partial class C { }" },
        new[] { "using CB = CbGen.ClassBalancedAttribute;\nusing SweepAttribute = CbGen.ClassBalancedSweepAttribute;\n"
            + "[CB] enum A { X } [Sweep] enum B { X } [SweepAttribute] enum C { X }" },
        new[] { "using C = CbGen;\n[C.ClassBalanced] enum A { X } [C::ClassBalancedSweep] enum B { X } [C::ClassBalancedDataset(\"a.csv\")] partial class D { }" },
        new[] { "global using Sweep = CbGen.ClassBalancedSweepAttribute;\nglobal using Data = CbGen.ClassBalancedDatasetAttribute;",
            "[Sweep] enum A { X }\n[Data(\"a.csv\")] partial class B { }\n[Obsolete] enum C { X }" },
        new[] { "namespace N { using D = CbGen.ClassBalancedDatasetAttribute; [D(\"a.csv\")] partial class X { } }\n"
            + "namespace M { [D(\"b.csv\")] partial class Y { } }" },
        new[] { Usings + "public class Outer { [ClassBalanced] public enum Inner { [Samples(1)] X } [ClassBalancedDataset(\"a.csv\")] public partial class Nested { } }\n"
            + "record R { [ClassBalancedSweep] enum E { X } } struct S { interface I { [ClassBalanced] enum F { X } } }" },
        new[] { Usings + "[ClassBalancedDataset(\"a.csv\")] partial class P { }", "partial class P { }", Usings + "[ClassBalancedDataset(\"b.csv\")] partial class P { }" },
        new[] { "namespace Mine { class ClassBalancedAttribute : System.Attribute { } class ClassBalancedSweepAttribute : System.Attribute { } }\n"
            + "namespace App { using Mine; [ClassBalanced] enum A { X } [Mine.ClassBalancedSweep] enum B { X } }" },
        new[] { Usings + "[ClassBalancedDataset(\"a.csv\")] record R;\n[ClassBalancedSweep] class K { }\n[ClassBalanced] struct S { }\n"
            + "enum E { [ClassBalanced] X }" },
        new[] { Usings + "System.Console.WriteLine(1);\n[\\u0043lassBalanced] enum A { X } [@ClassBalancedSweep] enum B { X }\n"
            + "[ClassBalanced, ClassBalanced(Loss = CbLoss.Focal)] [Obsolete] enum C { X }" },
        new[] { Usings + "class C { void M() { [ClassBalanced] enum Local { X } } }\nenum E { A, [ClassBalancedSweep] enum F { X } }\n"
            + "namespace B { [ClassBalanced(] enum G { X }" },
        new[] { "using CbGen;\nusing X = System.ObsoleteAttribute;\n[X] enum A { Y }\n[ClassBalanced] enum B { Y }" },
    };

    public static TheoryData<int> ProgramIndices => new(Enumerable.Range(0, Programs.Length));

    [Theory]
    [MemberData(nameof(ProgramIndices))]
    public void Finds_what_ForAttributeWithMetadataName_finds(int program)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(false, Programs[program]);

        List<string> expected = Roslyn(compilation);
        List<string> found = Pruned(compilation);

        Assert.Equal(expected, found);
    }

    [Fact]
    public void The_programs_find_declarations_through_every_form()
    {
        int found = Enumerable.Range(0, Programs.Length)
            .Sum(p => Roslyn(GeneratorHarness.CreateCompilation(false, Programs[p])).Count);

        Assert.True(found >= 25, "Only " + found + " declarations found: the programs test little");
    }

    [Fact]
    public void Enum_members_are_not_read()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(
            "[CbGen.ClassBalanced] enum A { [CbGen.Samples(1)] X, [CbGen.Samples(2)] Y }", GeneratorHarness.ParseOptions);

        TypeWithAttributes only = Assert.Single(AnnotatedTypes.ReadTree(tree, default).Types);

        Assert.Equal(new[] { "ClassBalanced" }, only.AttributeNames.ToArray());
    }

    private static string Describe(string attribute, SyntaxNode node, ISymbol symbol, ImmutableArray<AttributeData> attributes) =>
        attribute + " " + symbol.ToDisplayString() + " @" + node.SyntaxTree.FilePath + ":" + node.SpanStart + " ["
        + string.Join(",", attributes.Select(a => a.ApplicationSyntaxReference!.Span.Start)) + "]";

    /// <summary>What the generator's pipeline finds (<c>ClassBalancedGenerator.Annotated</c>), per attribute.</summary>
    private static List<string> Pruned(CSharpCompilation compilation)
    {
        TreeTypes[] trees = compilation.SyntaxTrees.Select(tree => AnnotatedTypes.ReadTree(tree, default)).ToArray();
        EquatableArray<string> globalAliases = trees.SelectMany(t => t.GlobalAliases).Distinct().ToEquatableArray();
        var found = new List<string>();
        foreach ((string name, bool enums) in Attributes)
        {
            foreach (TreeTypes tree in trees)
            {
                found.AddRange(AnnotatedTypes.Bind(AnnotatedTypes.Candidates(tree, globalAliases, name, enums), compilation,
                    "CbGen." + name + "Attribute", (target, _) => Describe(name, target.TargetNode, target.TargetSymbol, target.Attributes), default));
            }
        }

        return found;
    }

    /// <summary>What Roslyn's <c>ForAttributeWithMetadataName</c> finds, per attribute.</summary>
    private static List<string> Roslyn(CSharpCompilation compilation)
    {
        var probe = new Probe();
        CSharpGeneratorDriver.Create(new[] { probe.AsSourceGenerator() }, parseOptions: GeneratorHarness.ParseOptions).RunGenerators(compilation);
        return Attributes.SelectMany(a => probe.Found[a.Name]).ToList();
    }

    private sealed class Probe : IIncrementalGenerator
    {
        public Dictionary<string, List<string>> Found { get; } = new();

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            foreach ((string name, bool enums) in Attributes)
            {
                var found = Found[name] = new List<string>();
                IncrementalValueProvider<ImmutableArray<string>> all = context.SyntaxProvider.ForAttributeWithMetadataName(
                        "CbGen." + name + "Attribute",
                        (node, _) => enums ? node is EnumDeclarationSyntax : node is ClassDeclarationSyntax,
                        (c, _) => Describe(name, c.TargetNode, c.TargetSymbol, c.Attributes))
                    .Collect();
                context.RegisterSourceOutput(all, (_, items) => found.AddRange(items));
            }
        }
    }
}
