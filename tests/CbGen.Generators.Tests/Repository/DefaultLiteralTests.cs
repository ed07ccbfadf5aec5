using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Tests.Repository;

/// <summary>
/// Every default lives once, in src/CbGen/Defaults/CbDefaults.cs. This scan fails when one of its values is written
/// again as a default anywhere in src/ or generators/.
/// <para>What counts as "written as a default": the values are CbDefaults' own constants and grids, read by
/// reflection (no second list here). The sources are parsed with Roslyn, so comments and string literals (help
/// texts, messages) never count. A numeric literal (or a negated one) counts where a default is written: a
/// parameter's default, a property's or field's initializer (const included), a named argument, the right side of
/// <c>??</c>, or an array initializer equal to a grid. Locals and plain arithmetic are not defaults. The values
/// that ordinary maths, counters and epochs also use (|v| ∈ {0, 0.5, 1, 2, 10}) count only where the name being given a value is the
/// default's own name (gamma, tau, maxMargin, …, compared without case and underscores); the others
/// (0.999, 0.9999, 30, -100) count under any name.</para>
/// </summary>
public sealed class DefaultLiteralTests
{
    private const string DefaultsFile = "src/CbGen/Defaults/CbDefaults.cs";

    [Fact]
    public void No_default_is_written_twice_in_src_or_generators()
    {
        string root = RepositoryRoot();
        var copies = new List<string>();
        foreach (string folder in new[] { "src", "generators" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative == DefaultsFile || relative.Contains("/obj/", StringComparison.Ordinal)
                    || relative.Contains("/bin/", StringComparison.Ordinal))
                {
                    continue;
                }

                copies.AddRange(Copies(File.ReadAllText(file)).Select(c => relative + c));
            }
        }

        Assert.True(copies.Count == 0, "Defaults written outside " + DefaultsFile + " (use its constant instead):\n"
            + string.Join("\n", copies));
    }

    [Fact]
    public void The_scan_finds_copies_in_every_place_a_default_is_written()
    {
        const string code = """
            class C
            {
                public double Beta { get; set; } = 0.999;
                private const double Scale = 30.0;
                public double[] Betas { get; set; } = { 0.9, 0.99, 0.999, 0.9999 };
                void M(double gamma = 2.0, long ignore_index = -100) { }
                double N(double? tau) => tau ?? 1.0;
                double O() => Read(fallback: 0.9999);
            }
            """;
        string[] found = Copies(code).ToArray();
        Assert.Equal(7, found.Length);
        Assert.Contains(found, f => f.Contains("Beta", StringComparison.Ordinal) && f.Contains(":3:", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("SweepBetas", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("IgnoreIndex", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scan_ignores_comments_strings_locals_maths_and_other_names()
    {
        const string code = """
            class C
            {
                // β = 0.999 is the default
                string Help = "default 0.999; the paper uses 0.9, 0.99, 0.999 or 0.9999";
                double Half(double x, double weight = 1.0) { double d = 1.0 - x; return x == 2.0 ? 0.5 * d : d; }
            }
            """;
        Assert.Empty(Copies(code));
    }

    /// <summary>Each place in <paramref name="code"/> where a default's value is written as a default, as
    /// ":line: text (CbDefaults.Name)".</summary>
    private static IEnumerable<string> Copies(string code)
    {
        (Dictionary<string, double> scalars, Dictionary<string, double[]> grids) = Defaults();
        SyntaxNode tree = CSharpSyntaxTree.ParseText(code).GetRoot();
        foreach (SyntaxNode node in tree.DescendantNodes())
        {
            if (node is InitializerExpressionSyntax initializer && Values(initializer) is { } values)
            {
                foreach (KeyValuePair<string, double[]> grid in grids.Where(g => g.Value.SequenceEqual(values)))
                {
                    yield return Describe(node, grid.Key);
                }

                continue;
            }

            if (DefaultSite(node) is not (string name, ExpressionSyntax value) || Value(value) is not double v)
            {
                continue;
            }

            foreach (KeyValuePair<string, double> d in scalars.Where(d => d.Value == v))
            {
                // Round values that also mean counters, seeds and epochs (0, ASL's γ+; 10, DB's slope β) count only
                // under a name that ends with the default's.
                bool common = Math.Abs(v) is 0.0 or 0.5 or 1.0 or 2.0 or 10.0;
                if (!common || Normalize(name) == Normalize(d.Key) || Normalize(name).EndsWith(Normalize(d.Key), StringComparison.Ordinal))
                {
                    yield return Describe(value, d.Key);
                }
            }
        }
    }

    /// <summary>The name given a value and the value, where <paramref name="node"/> writes a default.</summary>
    private static (string Name, ExpressionSyntax Value)? DefaultSite(SyntaxNode node) => node switch
    {
        ParameterSyntax { Default: { } d } p => (p.Identifier.Text, d.Value),
        PropertyDeclarationSyntax { Initializer: { } i } p => (p.Identifier.Text, i.Value),
        VariableDeclaratorSyntax { Initializer: { } i, Parent.Parent: FieldDeclarationSyntax } v => (v.Identifier.Text, i.Value),
        ArgumentSyntax { NameColon: { } n } a => (n.Name.Identifier.Text, a.Expression),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } b => (Name(b.Left), b.Right),
        _ => null,
    };

    private static string Name(ExpressionSyntax e) => e switch
    {
        IdentifierNameSyntax i => i.Identifier.Text,
        MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
        _ => e.ToString(),
    };

    private static double? Value(ExpressionSyntax e) => e switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } l => Convert.ToDouble(l.Token.Value, System.Globalization.CultureInfo.InvariantCulture),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } u => -Value(u.Operand),
        ParenthesizedExpressionSyntax p => Value(p.Expression),
        _ => null,
    };

    private static double[]? Values(InitializerExpressionSyntax initializer)
    {
        var values = new List<double>();
        foreach (ExpressionSyntax e in initializer.Expressions)
        {
            if (Value(e) is not double v)
            {
                return null;
            }

            values.Add(v);
        }

        return values.Count > 1 ? values.ToArray() : null;
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string Describe(SyntaxNode node, string constant) =>
        ":" + (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1) + ": " + node.Parent + " (CbDefaults." + constant + ")";

    /// <summary>CbDefaults' constants and grids, read from the CbGen assembly.</summary>
    private static (Dictionary<string, double> Scalars, Dictionary<string, double[]> Grids) Defaults()
    {
        Type defaults = typeof(ClassBalancedAttribute).Assembly.GetType("CbGen.CbDefaults", throwOnError: true)!;
        var scalars = defaults.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => Convert.ToDouble(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture));
        var grids = defaults.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(double[]))
            .ToDictionary(p => p.Name, p => (double[])p.GetValue(null)!);
        Assert.True(scalars.Count >= 7 && grids.Count >= 2, "CbDefaults lost its constants");
        return (scalars, grids);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
