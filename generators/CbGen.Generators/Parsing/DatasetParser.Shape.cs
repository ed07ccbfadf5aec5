using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Parsing
{
    // DatasetParser: whether a class can receive the generated Label enum and members (CB022).
    internal static partial class DatasetParser
    {
        /// <summary>Null when the generator can add members to <paramref name="symbol"/>, otherwise why not.</summary>
        private static string? ShapeProblem(INamedTypeSymbol symbol, CancellationToken cancellationToken, out bool isPublic)
        {
            isPublic = symbol.DeclaredAccessibility == Accessibility.Public;
            if (symbol.ContainingType is not null)
            {
                return "it is nested in '" + symbol.ContainingType.ToDisplayString() + "'; declare it at namespace level";
            }

            if (GeneratedMemberNames.Contains(symbol.Name))
            {
                return "its name is one of the members the generator adds to it (" + string.Join(", ", GeneratedMemberNames)
                    + "); rename the class";
            }

            if (OwnMemberClash(symbol) is { } own)
            {
                return own;
            }

            for (INamedTypeSymbol? type = symbol.BaseType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
            {
                foreach (string name in PublicMemberNames)
                {
                    if (type.GetMembers(name).Any(m => m.DeclaredAccessibility != Accessibility.Private))
                    {
                        return "its base type '" + type.ToDisplayString() + "' has a member '" + name
                            + "' that the generated one would hide; rename that member or do not derive from it";
                    }
                }
            }

            if (symbol.Arity > 0)
            {
                return "it is generic; a label set is a plain (optionally static) partial class";
            }

            if (symbol.IsFileLocal)
            {
                return "it is file-local; the generated types in other files could not name it";
            }

            if (symbol.IsRecord)
            {
                return "it is a record; a label set is a plain (optionally static) partial class";
            }

            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
                {
                    return "it is not partial; declare it 'partial' so the generator can add the Label enum and the names";
                }
            }

            return null;
        }

        /// <summary>Why a member the user declared in the class itself takes a name the generated part needs, or null.
        /// Methods named <c>NameOf</c> or <c>TryGetLabel</c> are overloads unless their parameters are the generated
        /// ones (a <c>Label</c>; a <c>string</c> and an <c>out Label</c>).</summary>
        private static string? OwnMemberClash(INamedTypeSymbol symbol)
        {
            foreach (string name in GeneratedMemberNames)
            {
                foreach (ISymbol member in symbol.GetMembers(name))
                {
                    if ((member is IMethodSymbol method && !SameAsGenerated(method)) || member.DeclaringSyntaxReferences.All(r => IsCbGenOutput(r.SyntaxTree)))
                    {
                        continue;
                    }

                    return "it declares a member '" + name + "' that the generator adds to it ("
                        + string.Join(", ", PublicMemberNames) + "); rename that member";
                }
            }

            return null;
        }

        private static bool SameAsGenerated(IMethodSymbol method) => method.Name switch
        {
            "NameOf" => method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None
                && IsLabel(method.Parameters[0].Type),
            "TryGetLabel" => method.Parameters.Length == 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && method.Parameters[1].RefKind is RefKind.Out or RefKind.Ref && IsLabel(method.Parameters[1].Type),
            _ => true,
        };

        /// <summary>Whether <paramref name="tree"/> is a file this generator wrote (the analyzers see the compilation
        /// with the generated part, whose members are not the user's). Every emitted file starts with these two lines.</summary>
        private static bool IsCbGenOutput(SyntaxTree tree)
        {
            SourceText text = tree.GetText();
            string head = text.ToString(new TextSpan(0, System.Math.Min(text.Length, 64)));
            return head.StartsWith("// <auto-generated/>", System.StringComparison.Ordinal)
                && head.IndexOf("// Generated by CbGen", System.StringComparison.Ordinal) > 0;
        }

        // Before generation the nested Label does not exist: the parameter's type is an error type named Label.
        private static bool IsLabel(ITypeSymbol type) => type.Name == LabelEnumName;
    }
}
