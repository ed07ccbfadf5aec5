using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.CodeFixes;

/// <summary>
/// CB012, when the enum itself is private, protected or private protected (inside non-generic types that the
/// generated code can reach): makes it internal. Offered only then; a generic, private or file-local containing
/// type needs a decision the user makes (move the enum out, or change the type).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeEnumInternalCodeFix)), Shared]
public sealed class MakeEnumInternalCodeFix : CbGenCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnreachableEnum);

    /// <inheritdoc />
    protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<EnumDeclarationSyntax>() is not { } declaration
            || !declaration.Modifiers.Any(IsHidingModifier))
        {
            return null;
        }

        foreach (TypeDeclarationSyntax container in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (container.TypeParameterList is not null
                || container.Modifiers.Any(m => IsHidingModifier(m) || m.IsKind(SyntaxKind.FileKeyword)))
            {
                return null;
            }
        }

        return declaration;
    }

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
    {
        // The first of private/protected becomes internal (in its place, with its trivia); a second one goes.
        var declaration = (EnumDeclarationSyntax)target;
        var modifiers = new List<SyntaxToken>();
        bool replaced = false;
        foreach (SyntaxToken modifier in declaration.Modifiers)
        {
            if (!IsHidingModifier(modifier))
            {
                modifiers.Add(modifier);
            }
            else if (!replaced)
            {
                modifiers.Add(SyntaxFactory.Token(modifier.LeadingTrivia, SyntaxKind.InternalKeyword, modifier.TrailingTrivia));
                replaced = true;
            }
        }

        return root.ReplaceNode(declaration, declaration.WithModifiers(SyntaxFactory.TokenList(modifiers)));
    }

    /// <inheritdoc />
    protected override string Title(SyntaxNode target, Diagnostic diagnostic) =>
        "Make '" + ((EnumDeclarationSyntax)target).Identifier.ValueText + "' internal";

    private static bool IsHidingModifier(SyntaxToken modifier) =>
        modifier.IsKind(SyntaxKind.PrivateKeyword) || modifier.IsKind(SyntaxKind.ProtectedKeyword);
}
