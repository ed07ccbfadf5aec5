using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// docs/runtime.md: every <c>&lt;!-- snippet: name --&gt;</c> block is, line for line, the code between
/// <c>// snippet: name</c> and <c>// end snippet</c> in this file, which compiles and runs here; the support
/// matrix names the target frameworks the project file builds; the validation section states the behaviours
/// the runtime tests pin down (NaN propagation, the opt-in check, the all-ignored batch).
/// </summary>
public class RuntimeDocsTests
{
    private static readonly Regex DocSnippet = new(
        @"<!-- snippet: (?<name>[a-z-]+) -->\n```csharp\n(?<body>.*?)```", RegexOptions.Singleline);

    private static readonly Regex CodeSnippet = new(
        @"// snippet: (?<name>[a-z-]+)\n(?<body>.*?)\n[ ]*// end snippet", RegexOptions.Singleline);

    private static string Root([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    private static string Doc() => File.ReadAllText(Path.Combine(Root(), "docs", "runtime.md")).Replace("\r\n", "\n");

    private static string[] Dedent(string body)
    {
        var lines = body.TrimEnd('\n').Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart(' ').Length);
        return lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ')).ToArray();
    }

    [Fact]
    public void Every_snippet_in_the_doc_is_the_code_these_tests_run()
    {
        var doc = DocSnippet.Matches(Doc()).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));
        string self = File.ReadAllText(Path.Combine(Root(), "tests", "CbGen.TorchSharp.Tests", "Docs", "RuntimeDocsTests.cs"))
            .Replace("\r\n", "\n");
        var code = CodeSnippet.Matches(self).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));
        Assert.Equal(new[] { "by-hand", "factory", "finite", "functional" }, doc.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(doc.Keys.OrderBy(k => k, StringComparer.Ordinal), code.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, lines) in doc)
        {
            Assert.Equal(string.Join("\n", lines), string.Join("\n", code[name]));
        }
    }

    [Fact]
    public void The_support_matrix_names_the_target_frameworks_the_runtime_builds()
    {
        string project = Path.Combine(Root(), "src", "CbGen.TorchSharp", "CbGen.TorchSharp.csproj");
        var frameworks = XElement.Load(project).Descendants()
            .Where(e => e.Name.LocalName is "TargetFramework" or "TargetFrameworks")
            .SelectMany(e => e.Value.Split(';', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        Assert.Contains("net8.0", frameworks);
        string row = Doc().Split('\n').Single(l => l.StartsWith("| `CbGen.TorchSharp` |", StringComparison.Ordinal));
        string listed = row.Split('|')[2];
        Assert.Equal(frameworks.OrderBy(f => f, StringComparer.Ordinal),
            Regex.Matches(listed, "`([^`]+)`").Select(m => m.Groups[1].Value).OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void The_validation_section_states_what_the_runtime_tests_pin_down()
    {
        string doc = Doc();
        Assert.Contains("Not checked by default: NaN and ±∞ logits.", doc, StringComparison.Ordinal);
        Assert.Contains("CheckFiniteLogits = true", doc, StringComparison.Ordinal);
        Assert.Contains("gives a loss of 0 with zero gradients", doc, StringComparison.Ordinal);
        Assert.Contains("gives NaN", doc, StringComparison.Ordinal);
        Assert.Contains("`logits` in every module", doc, StringComparison.Ordinal);
        Assert.Contains("ObjectDisposedException", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_by_hand()
    {
        // snippet: by-hand
        long[] counts = { 5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50 };
        using var focal = ClassBalancedFocalLoss.FromCounts(counts, beta: 0.9999, gamma: 0.5);
        using var softmax = new ClassBalancedSoftmaxLoss(ClassBalancedWeights.Compute(counts, 0.999),
            normalizer: MeanNormalizer.WeightSum, label_smoothing: 0.1, device: CbDevice.Cpu);
        // end snippet
        Assert.Equal(0.5, focal.Gamma);
        Assert.Equal(0.1, softmax.LabelSmoothing);
    }

    [Fact]
    public void Snippet_factory()
    {
        // snippet: factory
        int[] perClass = { 5000, 500, 50 };
        var options = new CbLossOptions { Normalizer = MeanNormalizer.WeightSum, Device = CbDevice.Cpu };
        List<PerClassLoss> losses = new[] { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal }
            .Select(variant => CbLosses.FromCounts(variant, perClass, beta: 0.999,
                variant == CbLoss.Focal ? options with { Gamma = 0.5 } : options))   // γ only for focal
            .ToList();                               // one module per variant; dispose each after use
        // end snippet
        Assert.IsType<ClassBalancedSoftmaxLoss>(losses[0]);
        Assert.IsType<ClassBalancedSigmoidLoss>(losses[1]);
        Assert.Equal(0.5, Assert.IsType<ClassBalancedFocalLoss>(losses[2]).Gamma);
        using var logits = randn(4, 3);
        using var labels = tensor(new long[] { 0, 1, 2, 2 });
        foreach (var loss in losses)
        {
            using (loss)
            using (var value = loss.forward(logits, labels))
            {
                Assert.True(double.IsFinite(TestData.Scalar(value)));
            }
        }
    }

    [Fact]
    public void Snippet_functional()
    {
        // snippet: functional
        using var logits = randn(4, 3);
        using var labels = tensor(new long[] { 0, 1, 2, 2 });
        using var weight = tensor(ClassBalancedWeights.Compute(new long[] { 900, 90, 9 }, 0.99));
        using var a = CbFunctional.cb_focal_loss(logits, labels, weight, gamma: 0.5);
        using var b = CbFunctional.cb_softmax_cross_entropy(logits, labels, weight, ignore_index: -1, label_smoothing: 0.1);
        using var c = CbFunctional.cb_sigmoid_cross_entropy(logits, labels, weight, Reduction.Sum);
        // end snippet
        Assert.All(new[] { a, b, c }, t => Assert.Equal(0, t.dim()));
    }

    [Fact]
    public void Snippet_finite()
    {
        // snippet: finite
        using var loss = new ClassBalancedSoftmaxLoss(new[] { 0.5, 1.0, 1.5 }, device: CbDevice.Cpu)
        {
            CheckFiniteLogits = true,       // or CbLossOptions.CheckFiniteLogits, or on a DeferredReweightingLoss
        };
        // end snippet
        using var logits = tensor(new[] { 0f, 1f, 2f, 3f, float.NaN, 5f }, new long[] { 2, 3 });
        using var labels = tensor(new long[] { 0, 1 });
        var e = Assert.Throws<ArgumentException>(() => loss.forward(logits, labels));
        Assert.Contains("(NaN) in row 1, column 1", e.Message, StringComparison.Ordinal);
    }
}
