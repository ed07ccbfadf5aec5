extern alias gen;

using System.Linq;
using gen::CbGen.Generators.Model;
using gen::CbGen.Generators.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Generators.Tests;

/// <summary>The clash stage's view of the user's declarations. <see cref="UserDeclarations.ReadTree"/> walks only the
/// levels that can hold a namespace or a namespace-level type (not enum members, not member bodies): it must find what
/// the full walk finds (every node, <see cref="UserDeclarations.IsCandidate"/>, <see cref="UserDeclarations.Read"/>), in
/// the same order, on valid and broken code.</summary>
public sealed class UserDeclarationsTests
{
    private static readonly string[] Cases =
    {
        "namespace A { public class FooWeights { } class BarLoss { } public enum Labels { [Samples(3)] A, B } }",
        "namespace A.BWeights.C { namespace D.ELoss { internal partial class XSweep { public class InnerWeights { } } } }",
        "namespace A;\npublic delegate void FooSweepPoint<T>(T x);\npublic record RLoss(int A);\npublic struct SWeights { }",
        "public class TopWeights { } interface ILoss { } enum EWeightsMlNet { A } namespace N { }",
        "global using X = System;\nSystem.Console.WriteLine(1);\nnamespace AfterTopLevel { class PLoss { } }\n",
        // Broken code: namespaces where none may be, so the parser's recovery decides where they land.
        "class C { namespace InTypeWeights { class DLoss { } } void M() { } }",
        "class C { void M() { namespace InMethodWeights { class DLoss { } } } }",
        "enum E { A, namespace InEnumWeights { class DLoss { } } }",
        "struct S { class Nested { namespace Deep.NLoss { public class QWeights { } } } }",
        "namespace { class EmptyNameWeights { } } namespace @class.Foo\u200BLoss { class @BarWeights { } }",
        "class C { int x = 1 namespace Missing.SemicolonWeights { } }",
        "if (true) { namespace InStatementWeights { } }\nnamespace Z { }",
        "namespace A { file sealed class FWeights { } abstract partial class GLoss : System.Object { } } }} namespace B { }",
    };

    public static TheoryData<string> Sources => new(Cases);

    [Theory]
    [MemberData(nameof(Sources))]
    public void ReadTree_finds_what_the_full_walk_finds_in_the_same_order(string source)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions);

        UserDeclaration[] full = tree.GetRoot().DescendantNodesAndSelf()
            .Where(node => UserDeclarations.IsCandidate(node, default))
            .SelectMany(node => UserDeclarations.Read(node, default))
            .ToArray();
        UserDeclaration[] pruned = UserDeclarations.ReadTree(tree, default).ToArray();

        Assert.Equal(full, pruned);
    }

    [Fact]
    public void The_sources_exercise_namespaces_and_namespace_level_types()
    {
        int found = Cases.Sum(source => UserDeclarations.ReadTree(
            CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions), default).Count);

        Assert.True(found >= 20, "Only " + found + " declarations found: the cases test little");
    }
}
