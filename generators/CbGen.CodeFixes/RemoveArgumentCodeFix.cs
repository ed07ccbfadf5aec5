using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.CodeFixes;

/// <summary>
/// Removes the attribute argument a diagnostic points at. CB005: <c>Gamma</c> (or a sweep's <c>Gammas</c>) set
/// on a loss that ignores γ. CB023: an empty sweep axis (<c>Betas = new double[0]</c>), so the sweep uses the
/// paper's default grid for it. CB030: <c>Tau</c>, <c>MaxMargin</c>, <c>Scale</c>, <c>Beta</c>,
/// <c>DeferUntilEpoch</c> or a sweep's <c>Taus</c> set on a loss it does not apply to.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveArgumentCodeFix)), Shared]
public sealed class RemoveArgumentCodeFix : CbGenCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.GammaIgnored, DiagnosticIds.EmptySweepAxis, DiagnosticIds.OptionNotApplicable);

    /// <inheritdoc />
    protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
        if (node.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not { NameEquals: { } name } argument
            || argument.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        // CB005 points at Gamma (a config) or Gammas (a sweep); CB023 at the empty axis.
        string text = name.Name.Identifier.ValueText;
        return diagnostic.Id switch
        {
            DiagnosticIds.GammaIgnored => text == "Gamma" || text == "Gammas" ? argument : null,
            DiagnosticIds.OptionNotApplicable => System.Array.IndexOf(NotApplicableOptions, text) >= 0 ? argument : null,
            _ => argument,
        };
    }

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
    {
        var argument = (AttributeArgumentSyntax)target;
        var attribute = (AttributeSyntax)argument.Parent!.Parent!;
        return root.ReplaceNode(attribute, SyntaxEdits.RemoveArgument(attribute, argument));
    }

    /// <inheritdoc />
    protected override string Title(SyntaxNode target, Diagnostic diagnostic)
    {
        string name = ((AttributeArgumentSyntax)target).NameEquals!.Name.Identifier.ValueText;
        return diagnostic.Id switch
        {
            DiagnosticIds.GammaIgnored => "Remove " + name + " (γ only applies to CbLoss.Focal)",
            DiagnosticIds.OptionNotApplicable => "Remove " + name + " (it has no effect on this loss)",
            _ => "Remove the empty " + name + " (use the paper's default values)",
        };
    }

    /// <summary>The options CB030 reports.</summary>
    private static readonly string[] NotApplicableOptions = { "Tau", "MaxMargin", "Scale", "Beta", "DeferUntilEpoch", "Taus" };
}
