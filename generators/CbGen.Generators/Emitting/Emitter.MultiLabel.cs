using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

/// <summary>The parts of <c>{Name}Weights</c> for multi-label counts (a config with N, the number of samples): N, the
/// negatives N − n_c and the priors n_c / N, computed with the runtime's <c>MultiLabelCounts</c> (linked in).</summary>
internal static partial class Emitter
{
    /// <summary>The constant that holds N.</summary>
    internal const string SampleCountName = "SampleCount";

    private static bool IsMultiLabel(ConfigSpec config) => config.MultiLabel && config.SampleCount > 0;

    private static void WriteMultiLabelHeader(SourceWriter w, ConfigSpec config)
    {
        if (IsMultiLabel(config))
        {
            w.WriteLine("//   multi-label: the counts are positives out of " + Literals.Text(config.SampleCount) + " samples");
        }
    }

    private static void WriteMultiLabelConstant(SourceWriter w, ConfigSpec config)
    {
        if (!IsMultiLabel(config))
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Multi-label counts: the number of training samples N, of which each class's count carry the class.</summary>");
        w.WriteLine("public const long " + SampleCountName + " = " + Literals.Long(config.SampleCount) + ";");
    }

    private static void WriteMultiLabelTables(SourceWriter w, EnumSpec spec, ConfigSpec config, CompilationFeatures features, long[] counts)
    {
        if (!IsMultiLabel(config))
        {
            return;
        }

        long[] negatives = MultiLabelCounts.Negatives(counts, config.SampleCount);
        double[] priors = MultiLabelCounts.Priors(counts, config.SampleCount);
        WriteTable(w, features, "long", "NegativeCounts", "s_negativeCounts",
            "Multi-label negatives N − n_c per class (the samples without the class), equal to <c>MultiLabelCounts.Negatives(Counts, " + SampleCountName + ")</c>.",
            negatives.Length, i => Literals.Long(negatives[i]));
        const string PriorsSummary = "Multi-label class priors p_c = n_c / N per class (the fraction of samples that carry the class; they need not sum to 1)";
        if (IsCompact(spec))
        {
            WriteComputedTable(w, "MultiLabelPriors", "s_multiLabelPriors",
                PriorsSummary + ", equal to <c>MultiLabelCounts.Priors(Counts, " + SampleCountName + ")</c>.",
                "global::CbGen.MultiLabelCounts.Priors(Counts, " + SampleCountName + ")");
        }
        else
        {
            WriteTable(w, features, "double", "MultiLabelPriors", "s_multiLabelPriors", PriorsSummary + ".", priors.Length,
                i => Literals.Double(priors[i]));
        }
    }
}
