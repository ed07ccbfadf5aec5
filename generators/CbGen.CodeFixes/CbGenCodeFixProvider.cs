using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CbGen.CodeFixes;

/// <summary>
/// The shape every CbGen fix shares: find the node a diagnostic points at (<see cref="FindTarget"/>), rewrite it
/// (<see cref="Rewrite"/>). Fix All applies every rewrite of a document in one pass, each target once (several
/// diagnostics can share one target, e.g. two misnumbered members of one enum), on the current tree, so the
/// edits cannot overwrite each other.
/// </summary>
public abstract class CbGenCodeFixProvider : CodeFixProvider
{
    /// <summary>Fix All in a document, the project or the solution: one pass per document.</summary>
    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (FindTarget(root, diagnostic) is not { } target)
            {
                continue;
            }

            Document document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(target, diagnostic),
                    cancellationToken => FixAsync(document, ImmutableArray.Create(diagnostic), cancellationToken),
                    EquivalenceKey(diagnostic)),
                diagnostic);
        }
    }

    /// <summary>The node to rewrite for <paramref name="diagnostic"/>, or null when this fix does not apply (the
    /// code no longer looks like what the diagnostic described).</summary>
    protected abstract SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic);

    /// <summary>The new root: <paramref name="root"/> with <paramref name="target"/> (a node of it) rewritten.</summary>
    protected abstract SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic);

    /// <summary>What the light bulb shows.</summary>
    protected abstract string Title(SyntaxNode target, Diagnostic diagnostic);

    /// <summary>One key per kind of fix, so Fix All gathers exactly the diagnostics this fix handles.</summary>
    protected virtual string EquivalenceKey(Diagnostic diagnostic) => GetType().Name + "." + diagnostic.Id;

    private async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = new List<SyntaxNode>();
        var diagnosticOf = new Dictionary<SyntaxNode, Diagnostic>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (FindTarget(root, diagnostic) is { } target && !diagnosticOf.ContainsKey(target))
            {
                targets.Add(target);
                diagnosticOf.Add(target, diagnostic);
            }
        }

        if (targets.Count == 0)
        {
            return document;
        }

        SyntaxNode current = root.TrackNodes(targets);
        foreach (SyntaxNode target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (current.GetCurrentNode(target) is { } node)
            {
                current = Rewrite(current, node, diagnosticOf[target]);
            }
        }

        return document.WithSyntaxRoot(current);
    }
}
