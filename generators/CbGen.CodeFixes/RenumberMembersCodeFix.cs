using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.CodeFixes;

/// <summary>
/// CB006: renumbers a class-balanced enum's members 0..C-1 in declaration order. A member with an explicit value
/// gets its index as the new value; one without keeps none (it follows its predecessor, so it gets its index too).
/// One fix per enum, however many members were misnumbered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenumberMembersCodeFix)), Shared]
public sealed class RenumberMembersCodeFix : CbGenCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ValuesNotClassIndices);

    /// <inheritdoc />
    protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<EnumDeclarationSyntax>();

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
    {
        var declaration = (EnumDeclarationSyntax)target;
        SeparatedSyntaxList<EnumMemberDeclarationSyntax> members = declaration.Members;
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i].EqualsValue is { } equals)
            {
                LiteralExpressionSyntax index = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(i))
                    .WithTriviaFrom(equals.Value);
                members = members.Replace(members[i], members[i].WithEqualsValue(equals.WithValue(index)));
            }
        }

        return root.ReplaceNode(declaration, declaration.WithMembers(members));
    }

    /// <inheritdoc />
    protected override string Title(SyntaxNode target, Diagnostic diagnostic) =>
        "Renumber the members of '" + ((EnumDeclarationSyntax)target).Identifier.ValueText + "' 0.." +
        (((EnumDeclarationSyntax)target).Members.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) +
        " in declaration order";
}
