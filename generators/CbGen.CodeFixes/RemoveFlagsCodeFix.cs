using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.CodeFixes;

/// <summary>CB007: removes <c>[Flags]</c> from a class-balanced enum (class labels are indices, not bit flags).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveFlagsCodeFix)), Shared]
public sealed class RemoveFlagsCodeFix : CbGenCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FlagsEnum);

    /// <inheritdoc />
    protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan) is AttributeSyntax { Parent: AttributeListSyntax { Parent: MemberDeclarationSyntax } } attribute
            ? attribute
            : null;

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic) =>
        SyntaxEdits.RemoveAttribute(root, (AttributeSyntax)target);

    /// <inheritdoc />
    protected override string Title(SyntaxNode target, Diagnostic diagnostic) => "Remove [Flags]";
}
