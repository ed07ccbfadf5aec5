using System;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using CbGen.Sampling;

namespace CbGen.Generators.Emitting;

/// <summary>The part of <c>{Name}Weights</c> a config asks for with <c>SamplingPower = q</c>: the per-class sampling
/// probabilities p_c ∝ n_c^q as constants, computed by the runtime samplers' own rule
/// (<see cref="SamplingProbabilities.Power"/>, linked in).</summary>
internal static partial class Emitter
{
    private static void WriteSamplingProbabilities(
        SourceWriter w, EnumSpec spec, ConfigSpec config, CompilationFeatures features, long[] counts)
    {
        if (!config.HasSamplingPower)
        {
            return;
        }

        bool zeroWeight = config.ZeroCounts == ZeroCountPolicy.ZeroWeight;
        w.WriteLine();
        w.WriteLine("/// <summary>q of the sampling probabilities p_c ∝ n_c^q (0 class-balanced, 0.5 square-root, 1 instance-balanced).</summary>");
        w.WriteLine("public const double SamplingPower = " + Literals.Double(config.SamplingPower) + ";");
        if (!zeroWeight && !Array.TrueForAll(counts, n => n > 0))
        {
            // Only reachable with another error reported (CB002): a sampler cannot draw an empty class.
            w.WriteLine();
            w.WriteLine("// No SamplingProbabilities: an empty class can never be drawn; set ZeroCounts = ZeroCountPolicy.ZeroWeight to sample the others.");
            return;
        }

        if (CountTotals.FirstOverflow(counts) >= 0)
        {
            // As for the priors (NoPriorsReason): the samplers' exact total is an Int64, and the runtime sampler refuses
            // these counts the same way.
            w.WriteLine();
            w.WriteLine("// No SamplingProbabilities: the counts sum past Int64.MaxValue, the limit of the samplers' exact total.");
            return;
        }

        string call = "SamplingProbabilities.Power(Counts, SamplingPower" + (zeroWeight ? ", ZeroCountPolicy.ZeroWeight" : string.Empty) + ")";
        string summary = "Sampling probabilities p_c = n_c^q / Σ_k n_k^q per class (q = <c>SamplingPower</c>"
            + (zeroWeight ? "; 0 for an empty class" : string.Empty) + "), equal to <c>" + call
            + "</c>: the class distribution of <c>IndexSampler</c> at this q.";
        double[] p = SamplingProbabilities.Power(counts, config.SamplingPower,
            zeroWeight ? ZeroCountPolicy.ZeroWeight : ZeroCountPolicy.Throw);
        if (IsCompact(spec))
        {
            RequireFinite(p, "A sampling probability");
            WriteComputedTable(w, "SamplingProbabilities", "s_samplingProbabilities", summary,
                "global::CbGen.Sampling.SamplingProbabilities.Power(Counts, SamplingPower"
                + (zeroWeight ? ", global::CbGen.ZeroCountPolicy.ZeroWeight" : string.Empty) + ")");
            return;
        }

        WriteTable(w, features, "double", "SamplingProbabilities", "s_samplingProbabilities", summary, p.Length,
            i => Literals.Double(Literals.RequireFinite(p[i], "A sampling probability")));
    }
}
