using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.CodeFixes;

/// <summary>CB024: removes the repeated value from a sweep's grid (the diagnostic points at the later copy, so
/// the first keeps its place in the grid order).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateSweepValueCodeFix)), Shared]
public sealed class RemoveDuplicateSweepValueCodeFix : CbGenCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DuplicateSweepValue);

    /// <inheritdoc />
    protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        while (node is not null && node.Span == diagnostic.Location.SourceSpan)
        {
            switch (node)
            {
                case ExpressionSyntax { Parent: InitializerExpressionSyntax }:
                case ExpressionElementSyntax { Parent: CollectionExpressionSyntax }:
                    return node;
            }

            node = node.Parent!;
        }

        return null;
    }

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
    {
        switch (target.Parent)
        {
            case InitializerExpressionSyntax initializer:
                return root.ReplaceNode(initializer, initializer.WithExpressions(
                    SyntaxEdits.RemoveAt(initializer.Expressions, initializer.Expressions.IndexOf((ExpressionSyntax)target))));
            case CollectionExpressionSyntax collection:
                return root.ReplaceNode(collection, collection.WithElements(
                    SyntaxEdits.RemoveAt(collection.Elements, collection.Elements.IndexOf((CollectionElementSyntax)target))));
            default:
                return root;
        }
    }

    /// <inheritdoc />
    protected override string Title(SyntaxNode target, Diagnostic diagnostic) => "Remove the duplicate " + target;
}
