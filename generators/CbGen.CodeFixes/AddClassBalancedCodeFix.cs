using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CbGen.CodeFixes;

/// <summary>CB009: adds <c>[ClassBalanced]</c> (the paper's defaults) to an enum whose members have
/// <c>[Samples]</c>. One fix per enum, however many members reported it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddClassBalancedCodeFix)), Shared]
public sealed class AddClassBalancedCodeFix : CbGenCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SamplesWithoutConfig);

    /// <inheritdoc />
    protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<EnumDeclarationSyntax>();

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
    {
        var declaration = (EnumDeclarationSyntax)target;
        NameSyntax name = SyntaxFactory.ParseName("global::CbGen.ClassBalanced").WithAdditionalAnnotations(Simplifier.Annotation);
        AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(name)));
        return root.ReplaceNode(declaration, SyntaxEdits.AddFirstAttributeListOnOwnLine(declaration, list));
    }

    /// <inheritdoc />
    protected override string Title(SyntaxNode target, Diagnostic diagnostic) =>
        "Add [ClassBalanced] to '" + ((EnumDeclarationSyntax)target).Identifier.ValueText + "'";
}
