using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
    }
}
