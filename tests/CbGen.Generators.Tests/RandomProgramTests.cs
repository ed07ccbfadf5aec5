using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests;

/// <summary>
/// Issue 11's property: random annotated programs (names that differ by case or only by format characters,
/// nesting, split partial datasets, keywords as @identifiers, sweeps, obsolete enums, user types and namespaces
/// named like generated ones; since issue 22 also counts near Int64.MaxValue whose sums overflow, names at the
/// 1,023-byte metadata limit in keyword namespaces, and Microsoft.ML references; and sweeps drawing every
/// axis, valid or not, and multi-label sweeps, configs and counts files) never make the generator or an analyzer
/// throw, never put an error or a warning in a generated file, give either no compile error or a CB error that
/// explains it, emit every sweep unless a CB error says why not, and, with a name at the limit, still emit (CS7013 is
/// reported only at emit). Each program is built from one int seed: a fixed range runs every time, and CsCheck draws
/// more (a failure names the program seed; <c>CsCheck_Seed</c> in the environment replays a CsCheck run).
/// </summary>
public sealed partial class RandomProgramTests
{
    private const int FixedPrograms = 60;
    private const int RandomPrograms = 60;

    private static readonly string[] EnumNames = { "Label", "label", "Birds", "birds", "var", "LabelWeights", "@class", "Foo" };
    private static readonly string[] ConfigNames = { "Label", "label", "Foo", "Foo\u200B", "Shared", "Birds", "birds", "@if", "1st" };
    private static readonly string[] MemberNames = { "A", "B", "@class", "@int", "Cat", "cat", "Dog", "Value" };
    private static readonly string[] Namespaces = { "Zoo", "zoo", "Data.Sets", "@event", "@class", "@namespace.@int" };

    /// <summary>Counts whose sum passes Int64.MaxValue with almost any other count (CB032 or no priors, never CB900).</summary>
    private static readonly string[] HugeCounts = { "long.MaxValue", "long.MaxValue - 1", "long.MaxValue / 2 + 1", "4611686018427387904" };

    /// <summary>The generated names a Name can bring to the limit, and whether metadata qualifies them with the namespace.</summary>
    private static readonly (string Suffix, bool Qualified)[] LimitSuffixes =
    {
        ("Weights", true), ("WeightsMlNet", true), ("WeightsByName", false), ("SweepPoint", true),
    };
    private static readonly string[] UserTypes =
    {
        "public sealed class LabelWeights { }",
        "public static partial class LabelWeights { }",
        "public partial struct FooWeights { }",
        "public sealed class LabelWeights<T> { }",
        "public sealed class LabelSweep { }",
        "public enum BirdsWeights { X }",
        "public delegate void FooLoss();",
        "internal static partial class SharedWeights { public const int Extra = 1; }",
    };

    private const string BirdsFile = "name,count\nsparrow,900\ncrow,90\nclass,12\n";
    private const string OddFile = "# odd names\nname,2019 count\n\"bell\u0007\",500\n\"a</c>b\",70\n\"x\"\"y\",9\n";

    [Fact]
    public void Fixed_programs_keep_the_promise()
    {
        for (int seed = 1; seed <= FixedPrograms; seed++)
        {
            Check(seed);
        }
    }

    [Fact]
    public void Random_programs_keep_the_promise()
    {
        Gen.Int[int.MinValue, int.MaxValue].Sample(seed => Check(seed), iter: RandomPrograms, threads: 1);
    }

    private static void Check(int seed)
    {
        (string source, bool torch, bool mlNet) = Build(seed);
        ImmutableArray<AdditionalText> files = GeneratorHarness.Files(new[] { ("birds.csv", BirdsFile), ("odd.csv", OddFile) }.Concat(TagFiles).ToArray());
        CbGenRunResult run;
        try
        {
            run = mlNet ? MlNetReferences.Run(torch, files, source) : GeneratorHarness.Run(torch, files, source);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException("Program seed " + seed + " threw:\n" + source, ex);
        }

        var generated = run.OutputCompilation.SyntaxTrees.Except(run.InputCompilation.SyntaxTrees).ToHashSet();
        var problems = run.OutputCompilation.GetDiagnostics()
            .Where(d => (d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning)
                && d.Location.SourceTree is { } tree && generated.Contains(tree))
            .ToList();
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var all = run.GeneratorDiagnostics.Concat(run.AnalyzerDiagnostics).ToList();
        bool cbError = all.Any(d => d.Id.StartsWith("CB", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        string Describe() => "Program seed " + seed + (torch ? " (with TorchSharp)" : string.Empty) + (mlNet ? " (with Microsoft.ML)" : string.Empty)
            + ":\n" + source
            + "\nCompiler:\n" + string.Join("\n", errors.Concat(problems).Distinct()) + "\nCbGen:\n" + run.DescribeDiagnostics();

        Assert.True(!all.Any(d => d.Id is "CB900" or "CS8785" or "AD0001"), "An exception: " + Describe());
        Assert.True(problems.Count == 0, "A problem in a generated file: " + Describe());
        Assert.True(errors.Count == 0 || cbError, "Compile errors without a CB error: " + Describe());
        int sweeps = source.Split("[ClassBalancedSweep(").Length - 1;
        Assert.True(cbError || run.Files.Count(f => f.HintName.EndsWith("Sweep.g.cs", StringComparison.Ordinal)) == sweeps,
            "A sweep emitted nothing without a CB error: " + Describe());
        Assert.True(run.Files.Select(f => f.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count() == run.Files.Length,
            "Hint names equal ignoring case: " + Describe());
        if (errors.Count == 0 && source.Contains(LimitMarker, StringComparison.Ordinal))
        {
            // Only emit sees a name too long for metadata (CS7013); the other programs skip it to stay fast.
            using var stream = new System.IO.MemoryStream();
            var emitted = run.OutputCompilation.Emit(stream);
            Assert.True(emitted.Success, "Emit failed (" + string.Join(", ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Id).Distinct()) + "): " + Describe());
        }
    }

    /// <summary>A legal program (no error of its own) made from <paramref name="seed"/>.</summary>
    internal static (string Source, bool Torch, bool MlNet) Build(int seed)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var text = new StringBuilder("using CbGen;\n");
        int namespaces = random.Next(1, 3);
        var usedNamespaces = new HashSet<string>(StringComparer.Ordinal);
        int holder = 0;
        for (int n = 0; n < namespaces; n++)
        {
            string ns = Pick(Namespaces);
            if (!usedNamespaces.Add(ns))
            {
                continue;
            }

            // Top-level names in this namespace, as the compiler compares them (no '@', no format characters).
            var taken = new HashSet<string>(StringComparer.Ordinal);
            bool Take(string name) => taken.Add(name.Replace("@", string.Empty, StringComparison.Ordinal).Replace("\u200B", string.Empty, StringComparison.Ordinal));
            text.Append("namespace ").Append(ns).Append("\n{\n");
            int targets = random.Next(1, 5);
            for (int t = 0; t < targets; t++)
            {
                switch (random.Next(4))
                {
                    case 0:
                    case 1:
                        {
                            bool nested = random.Next(3) == 0;
                            string name = Pick(EnumNames);
                            string holderName = "Holder" + (holder++).ToString(CultureInfo.InvariantCulture);
                            if (!Take(nested ? holderName : name))
                            {
                                break;
                            }

                            string enumText = Enum(random, name, ns, Pick);
                            text.Append(nested ? "    public static class " + holderName + " { " + enumText + " }\n" : "    " + enumText + "\n");
                            break;
                        }

                    case 2:
                        {
                            string name = Pick(new[] { "Birds", "birds", "s_names", "Map", "Odd", "Tags" });
                            if (!Take(name))
                            {
                                break;
                            }

                            string file = name == "Odd" ? "odd.csv" : name == "Tags" ? Pick(TagFiles).Name : "birds.csv";
                            string first = "[ClassBalancedDataset(\"" + file + "\"" + NameArgument(random, ns, Pick) + ")]";
                            if (random.Next(2) == 0)
                            {
                                // Split over two partial declarations.
                                text.Append("    ").Append(first).Append(" public static partial class ").Append(name).Append(" { }\n");
                                text.Append("    [ClassBalancedDataset(\"").Append(file).Append("\", Loss = CbLoss.Focal").Append(NameArgument(random, ns, Pick))
                                    .Append(")] public static partial class ").Append(name).Append(" { }\n");
                            }
                            else
                            {
                                text.Append("    ").Append(first).Append(random.Next(2) == 0 ? " " + Sweep(random, ns, Pick).TrimEnd() : string.Empty)
                                    .Append(" public static partial class ").Append(name).Append(";\n");
                            }

                            break;
                        }

                    default:
                        {
                            string user = Pick(UserTypes);
                            string userName = user.Split(' ').First(w => w.EndsWith("Weights", StringComparison.Ordinal) || w.EndsWith("Sweep", StringComparison.Ordinal)
                                || w.EndsWith("Loss();", StringComparison.Ordinal) || w.Contains("Weights<", StringComparison.Ordinal));
                            userName = userName.Replace("();", string.Empty, StringComparison.Ordinal);
                            if (Take(userName))
                            {
                                text.Append("    ").Append(user).Append('\n');
                            }

                            break;
                        }
                }
            }

            text.Append("}\n");
            if (random.Next(4) == 0 && !taken.Contains("LabelWeights"))
            {
                text.Append("namespace ").Append(ns).Append(".LabelWeights { public static class Inner { } }\n");
            }
        }

        return (text.ToString(), random.Next(2) == 0, random.Next(3) == 0);
    }

    private static string Enum(Random random, string name, string ns, Func<IReadOnlyList<string>, string> pick)
    {
        var text = new StringBuilder();
        if (random.Next(6) == 0)
        {
            text.Append("[System.Obsolete] ");
        }

        int configs = random.Next(0, 3);
        for (int c = 0; c < configs; c++)
        {
            text.Append("[ClassBalanced(Loss = CbLoss.").Append(pick(Losses))
                .Append(random.Next(3) == 0 ? pick(LongTailOptions) : string.Empty)
                .Append(NameArgument(random, ns, pick)).Append(")] ");
        }

        if (configs == 0 || random.Next(3) == 0)
        {
            text.Append(Sweep(random, ns, pick));
            if (random.Next(3) == 0)
            {
                text.Append(pick(MultiLabelConfigs));
            }
        }

        text.Append("public enum ").Append(name).Append(" { ");
        var members = new HashSet<string>(StringComparer.Ordinal);
        int count = random.Next(1, 5);
        for (int m = 0; m < count; m++)
        {
            string member = pick(MemberNames);
            if (!members.Add(member.TrimStart('@')))
            {
                continue;
            }

            string samples = random.Next(6) == 0 ? pick(HugeCounts) : random.Next(0, 2000).ToString(CultureInfo.InvariantCulture);
            text.Append(random.Next(8) == 0 ? string.Empty : "[Samples(" + samples + ")] ")
                .Append(member).Append(", ");
        }

        return text.Append("}").ToString();
    }

    private static readonly string[] Losses = { "Softmax", "Sigmoid", "Focal", "LogitAdjusted", "Ldam", "VectorScaling", "DistributionBalanced", "Asymmetric" };

    /// <summary>The long-tail knobs, valid and not, on any loss (CB027–CB031 and CB005/CB030 where they do not apply).</summary>
    private static readonly string[] LongTailOptions =
    {
        ", Tau = 0.5", ", Tau = -1.0", ", MaxMargin = 0.3", ", MaxMargin = 0.0", ", Scale = 16.0", ", Scale = double.NaN",
        ", DeferUntilEpoch = 3", ", Beta = 0.99", ", Gamma = 1.0", ", ZeroCounts = ZeroCountPolicy.ZeroWeight",
        ", VsGamma = 0.2", ", VsGamma = -1.0", ", SamplingPower = 0.5", ", Samples = 100000", ", Samples = 0",
        ", MultiLabel = true", ", SmoothingMu = 0.2", ", Clip = 0.1", ", GammaNegative = -1.0",
    };

    private static string NameArgument(Random random, string ns, Func<IReadOnlyList<string>, string> pick) =>
        random.Next(2) == 0 ? string.Empty : ", Name = \"" + (random.Next(3) == 0 ? LimitName(random, ns) : pick(ConfigNames)) + "\"";

    /// <summary>Starts every name made at the metadata limit (a program holding one is emitted).</summary>
    private const string LimitMarker = "Lim";

    /// <summary>A Name that brings one generated name (<see cref="LimitSuffixes"/>) to 1,023 UTF-8 bytes, one
    /// byte under or one over, in the metadata form of <paramref name="ns"/> (no '@'); in ASCII or in 'é' (2 bytes).</summary>
    private static string LimitName(Random random, string ns)
    {
        (string suffix, bool qualified) = LimitSuffixes[random.Next(LimitSuffixes.Length)];
        int bytes = 1023 + random.Next(-1, 2) - suffix.Length - LimitMarker.Length
            - (qualified ? ns.Replace("@", string.Empty, StringComparison.Ordinal).Length + 1 : 0);
        return random.Next(2) == 0
            ? LimitMarker + new string('Q', bytes)
            : LimitMarker + new string('\u00E9', bytes / 2) + (bytes % 2 == 1 ? "Q" : string.Empty);
    }
}
