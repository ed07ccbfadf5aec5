using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CbGen.Cli.Arguments;
using CbGen.Cli.Input;
using CbGen.Cli.Output;

namespace CbGen.Cli.Commands;

/// <summary><c>cbgen weights --beta B (--counts … | PATH)</c>: effective numbers and class-balanced weights.</summary>
internal static class WeightsCommand
{
    public const string Name = "weights";

    /// <summary>The command's description in its help (System.CommandLine adds the usage, arguments and options).</summary>
    public const string Description =
        "Prints the effective number E_n = (1 - β^n) / (1 - β) and the class-balanced weight α_c ∝ 1 / E_{n_c}\n"
        + "(Cui et al., CVPR 2019) of every class, from --counts or from PATH.\n"
        + "\n"
        + CommandSupport.SourceHelp
        + "\n"
        + "Examples:\n"
        + "  cbgen weights --beta 0.9999 --counts 5000,2997,1796,1077,645,387,232,139,83,50\n"
        + "  cbgen weights --beta 0.999 data/train --json\n";

    internal static readonly OptionSpec[] Specs = CommandSupport.Specs(
        CommandSupport.SourceOptions,
        new[]
        {
            new OptionSpec("--beta", "B", "β in [0, 1] (required; the paper uses 0.9, 0.99, 0.999 or 0.9999): β = 0 gives uniform weights, β = 1 inverse-frequency weights"),
            new OptionSpec("--counts", "LIST", "the counts in class order: 5000,2997,1796 or airplane=5000,automobile=2997"),
            new OptionSpec("--normalization", "MODE", "sum-to-classes (default: the weights sum to the number of classes, as in the paper's code), none (raw 1 / E_n) or sum-to-one"),
            new OptionSpec("--zero-counts", "POLICY", "throw (default: a class without samples is an error) or zero-weight (weight 0, the other classes normalised among themselves)"),
            new OptionSpec("--json", null, "JSON: beta, normalization, zeroCounts, weights [] and classes [{index, name, count, effectiveNumber, weight}]"),
            CommandSupport.Output,
        });

    public static int Run(ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {

        args.Require("--beta", " (β in [0, 1]; the paper uses 0.9, 0.99, 0.999 or 0.9999)");
        double beta = ReadBeta(Name, args);
        WeightNormalization normalization = ReadNormalization(args);
        ZeroCountPolicy zeroCounts = ReadZeroCounts(args);
        CountTable table = CommandSupport.ReadCounts(Name, args, allowInline: true);
        CommandSupport.WriteNotes(table, stderr);
        long[] counts = table.Counts();
        GeneratorRules.RequireTwoClasses(table);
        CheckZeroCounts(table, zeroCounts);
        GeneratorRules.WarnIfCollapsed(table, beta, zeroCounts, stderr);
        double[] weights = ClassBalancedWeights.Compute(counts, beta, normalization, zeroCounts);
        double[] effective = ClassBalancedWeights.EffectiveNumbers(counts, beta);
        CommandSupport.WriteOutput(args, stdout, stderr, output =>
        {
            if (args.Has("--json"))
            {
                WriteJson(output, table, beta, normalization, zeroCounts, effective, weights);
            }
            else
            {
                WriteTable(output, table, beta, normalization, zeroCounts, effective, weights);
            }
        });
        return ExitCodes.Success;
    }

    /// <summary>Reads <c>--beta</c> (default <paramref name="fallback"/> when absent) and checks it is in [0, 1].</summary>
    public static double ReadBeta(string command, ParsedArgs args, double fallback = double.NaN)
    {
        double beta = args.GetDouble("--beta") ?? fallback;
        if (!(beta >= 0.0 && beta <= 1.0))
        {
            throw new UsageException(command, "--beta must be in [0, 1] (the paper uses 0.9, 0.99, 0.999 or 0.9999); got "
                + args.Get("--beta") + ".");
        }

        return beta;
    }

    public static ZeroCountPolicy ReadZeroCounts(ParsedArgs args) => args.GetChoice("--zero-counts", ZeroCountPolicy.Throw,
        ("throw", ZeroCountPolicy.Throw), ("zero-weight", ZeroCountPolicy.ZeroWeight));

    /// <summary>Rejects zero counts under <see cref="ZeroCountPolicy.Throw"/> (and all-zero counts always) with a
    /// message that names the class and the option that allows it.</summary>
    public static void CheckZeroCounts(CountTable table, ZeroCountPolicy zeroCounts)
    {
        if (table.EmptyCount() == table.Classes.Count)
        {
            throw new InputException(table.Source + ": every class has count 0; at least one class needs samples.");
        }

        if (table.NoSamplesPhrase() is { } empty && zeroCounts == ZeroCountPolicy.Throw)
        {
            throw new InputException(table.Source + ": " + empty + "; give every class "
                + "samples, or pass --zero-counts zero-weight to give empty classes weight 0.");
        }
    }

    private static WeightNormalization ReadNormalization(ParsedArgs args) => args.GetChoice("--normalization",
        WeightNormalization.SumToClassCount,
        ("sum-to-classes", WeightNormalization.SumToClassCount), ("none", WeightNormalization.None), ("sum-to-one", WeightNormalization.SumToOne));

    private static string NormalizationName(WeightNormalization n) => n switch
    {
        WeightNormalization.SumToClassCount => "sum-to-classes",
        WeightNormalization.SumToOne => "sum-to-one",
        _ => "none",
    };

    private static string ZeroCountsName(ZeroCountPolicy z) => z == ZeroCountPolicy.Throw ? "throw" : "zero-weight";

    private static void WriteTable(TextWriter output, CountTable table, double beta, WeightNormalization normalization,
        ZeroCountPolicy zeroCounts, double[] effective, double[] weights)
    {
        output.WriteLine(table.Source + ": " + Invariant.Plural(table.Classes.Count, "class", "classes") + ", "
            + table.SizeText + "; β = "
            + beta.ToString("R", CultureInfo.InvariantCulture) + ", normalization " + NormalizationName(normalization)
            + ", zero counts " + ZeroCountsName(zeroCounts));
        var t = new TextTable(("index", true), ("class", false), ("count", true), ("effective number", true), ("weight", true));
        for (int i = 0; i < weights.Length; i++)
        {
            t.Add(Invariant.Format(i), table.Classes[i].Name, Invariant.Format(table.Classes[i].Count),
                effective[i].ToString("0.0000", CultureInfo.InvariantCulture), weights[i].ToString("G8", CultureInfo.InvariantCulture));
        }

        t.Write(output);
    }

    private static void WriteJson(TextWriter output, CountTable table, double beta, WeightNormalization normalization,
        ZeroCountPolicy zeroCounts, double[] effective, double[] weights) => Json.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("source", table.Source);
        w.WriteString("kind", table.KindName);
        w.WriteNumber("beta", beta);
        w.WriteString("normalization", NormalizationName(normalization));
        w.WriteString("zeroCounts", ZeroCountsName(zeroCounts));
        w.WriteNumber("classCount", table.Classes.Count);
        w.WriteNumber("totalSamples", table.Total);
        w.WriteStartArray("weights");
        foreach (double weight in weights)
        {
            w.WriteNumberValue(weight);
        }

        w.WriteEndArray();
        w.WriteStartArray("classes");
        for (int i = 0; i < weights.Length; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("index", i);
            w.WriteString("name", table.Classes[i].Name);
            w.WriteNumber("count", table.Classes[i].Count);
            w.WriteNumber("effectiveNumber", effective[i]);
            w.WriteNumber("weight", weights[i]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
