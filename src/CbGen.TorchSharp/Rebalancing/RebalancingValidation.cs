using System;
using System.Globalization;
using CbGen.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>The argument checks of <see cref="ClassifierNorms"/> and <see cref="ClassifierRetraining"/>: each an
/// <see cref="ArgumentException"/> that names the problem and the fix. This file holds the classifier's and the
/// options' checks; RebalancingValidation.Data.cs those of the features and labels.</summary>
internal static partial class RebalancingValidation
{
    internal static void Tau(double tau, string paramName)
    {
        if (!(tau >= 0.0) || double.IsInfinity(tau))
        {
            throw Validation.OutOfRange(paramName, tau,
                "τ-normalisation's τ must be finite and ≥ 0 (0 leaves the classifier as trained, 1 gives every class "
                + "row unit norm); choose it on a validation split with ClassifierNorms.SelectTau.");
        }
    }

    /// <summary>
    /// Refuses a τ at which some row's normalisation w_c / ‖w_c‖^τ leaves the weight's dtype: the scale
    /// <paramref name="scale"/> (1 for a zero row) overflows (the row would be zeroed) or underflows to 0 (divided by
    /// 0), or the normalised row's norm ‖w_c‖^(1−τ) overflows. Exactly the τ at which the computation gives a
    /// non-finite or silently zeroed row; every other τ passes, with the same bits. One pass over the C scales (none at
    /// τ = 0); the error path names the first such row and the largest τ every row allows.
    /// </summary>
    internal static void TauScale(Tensor norms, Tensor scale, double tau, string weightName, string tauName)
    {
        if (tau == 0.0)
        {
            return;
        }

        long row;
        double rowScale;
        double[] n;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            using var zero = 0.0.ToScalar();
            var fits = scale.gt(zero).logical_and(scale.isfinite()).logical_and(norms.div(scale).isfinite());
            if (fits.all().item<bool>())
            {
                return;
            }

            row = fits.logical_not().flatten().nonzero()[0, 0].item<long>();
            rowScale = scale[row, 0].to(ScalarType.Float64).item<double>();
            n = norms.to(ScalarType.Float64).cpu().data<double>().ToArray();
        }

        if (!double.IsFinite(n[row]))
        {
            throw new ArgumentException(
                "Row " + Validation.Format(row) + " of the classifier weight has L2 norm " + Validation.Format(n[row])
                + " in " + scale.dtype + " (a NaN or infinite entry, or entries too large to square), so "
                + "τ-normalisation cannot scale it; check the trained classifier, or convert it to Float64.", weightName);
        }

        var range = finfo(scale.dtype);
        string norm = n[row].ToString("G6", CultureInfo.InvariantCulture);
        string what = n[row] > 1.0
            ? norm + "^τ overflows " + scale.dtype + " (whose largest value is " + Validation.Format(range.max)
                + "), which would zero the row"
            : rowScale == 0.0
                ? norm + "^τ underflows to 0 in " + scale.dtype + ", which would divide the row by 0"
                : "the normalised row's norm " + norm + "^(1 − τ) overflows " + scale.dtype + " (whose largest value is "
                    + Validation.Format(range.max) + ")";
        throw Validation.OutOfRange(tauName, tau,
            "τ-normalisation divides row c by ‖w_c‖^τ: row " + Validation.Format(row) + " has norm " + norm + ", and "
            + what + ". The largest τ this classifier allows is about " + RoundedDown(LargestTau(n, range))
            + "; use a smaller τ (the usual range is 0 … 2; choose it with ClassifierNorms.SelectTau)");
    }

    /// <summary>The largest τ at which every row's scale ‖w_c‖^τ stays finite and above 0 and its normalised norm
    /// ‖w_c‖^(1−τ) finite (rows of norm 0 or 1 allow any τ).</summary>
    private static double LargestTau(double[] norms, FInfo range)
    {
        double smallestSubnormal = range.smallest_normal * range.eps;
        double largest = double.PositiveInfinity;
        foreach (double norm in norms)
        {
            if (norm > 1.0 && double.IsFinite(norm))
            {
                largest = Math.Min(largest, Math.Log(range.max) / Math.Log(norm));
            }
            else if (norm > 0.0 && norm < 1.0)
            {
                largest = Math.Min(largest, Math.Min(1.0 + Math.Log(range.max) / -Math.Log(norm),
                    Math.Log(smallestSubnormal) / Math.Log(norm)));
            }
        }

        return largest;
    }

    /// <summary><paramref name="value"/> rounded down to three significant digits, in the invariant culture.</summary>
    private static string RoundedDown(double value)
    {
        double unit = Math.Pow(10.0, Math.Floor(Math.Log10(value)) - 2.0);
        return (Math.Floor(value / unit) * unit).ToString("G3", CultureInfo.InvariantCulture);
    }

    /// <summary>The MaxNorm bound: finite, &gt; 0, and a normal number of the weight's dtype (a smaller bound
    /// underflows there, and the projection would zero every row it touches). <paramref name="subject"/> names where
    /// the bound came from (an options property).</summary>
    internal static void MaxNorm(double maxNorm, ScalarType dtype, string paramName, string subject = "The MaxNorm bound")
    {
        if (!(maxNorm > 0.0) || double.IsInfinity(maxNorm))
        {
            throw Validation.OutOfRange(paramName, maxNorm,
                subject + " must be finite and > 0 (it is the largest L2 norm a class row may keep; a bound "
                + "≤ 0 would zero the classifier); pass a positive radius, e.g. the norm of a tail class's row after "
                + "stage 1.");
        }

        double smallest = finfo(dtype).smallest_normal;
        if (maxNorm < smallest)
        {
            throw Validation.OutOfRange(paramName, maxNorm,
                subject + " must be at least " + dtype + "'s smallest normal value " + Validation.Format(smallest)
                + " (a smaller bound underflows in the weight's dtype, and the projection would zero every row); pass "
                + "a larger radius, e.g. the norm of a tail class's row after stage 1.");
        }
    }

    internal static void Weight(Tensor weight, string paramName)
    {
        Validation.NotNullOrDisposed(weight, paramName);
        if (weight.dim() != 2 || !weight.is_floating_point())
        {
            throw new ArgumentException(
                "The classifier weight must be a 2-D floating-point tensor [C, D] (one row per class, as Linear.weight); got "
                + weight.dtype + " " + Validation.Shape(weight) + ".", paramName);
        }
    }

    /// <summary>Checks the options of a re-training whose classifier weight has <paramref name="weightDtype"/>. Each
    /// error names the property, in its message and as <c>options.Property</c> in its ParamName.</summary>
    internal static void Options(ClassifierRetrainingOptions options, ScalarType weightDtype, string paramName)
    {
        if (options.Epochs < 1)
        {
            throw Option("Epochs", "must be ≥ 1 (each epoch draws as many rows as the data set has)", options.Epochs, paramName);
        }

        if (options.BatchSize < 1)
        {
            throw Option("BatchSize", "must be ≥ 1 (rows per mini-batch; " + Validation.Format(CbDefaults.RetrainingBatchSize)
                + " by default)", options.BatchSize, paramName);
        }

        if (!(options.LearningRate > 0.0) || double.IsInfinity(options.LearningRate))
        {
            throw Option("LearningRate", "must be finite and > 0 (the peak of the cosine schedule; "
                + Validation.Format(CbDefaults.RetrainingLearningRate) + " by default)", options.LearningRate, paramName);
        }

        if (!(options.Momentum >= 0.0) || double.IsInfinity(options.Momentum))
        {
            throw Option("Momentum", "must be finite and ≥ 0 (SGD momentum; "
                + Validation.Format(CbDefaults.RetrainingMomentum) + " by default)", options.Momentum, paramName);
        }

        if (!(options.WeightDecay >= 0.0) || double.IsInfinity(options.WeightDecay))
        {
            throw Option("WeightDecay", "must be finite and ≥ 0 (" + Validation.Format(CbDefaults.RetrainingWeightDecay)
                + " by default; weight balancing tunes it)", options.WeightDecay, paramName);
        }

        SamplingProbabilities.ValidateExponent(options.SamplingPower, paramName + ".SamplingPower",
            "ClassifierRetrainingOptions.SamplingPower, the sampler's exponent q,");
        if (options.ZeroCounts is not (ZeroCountPolicy.Throw or ZeroCountPolicy.ZeroWeight))
        {
            throw Validation.OutOfRange(paramName + ".ZeroCounts", options.ZeroCounts,
                "ClassifierRetrainingOptions.ZeroCounts is not a ZeroCountPolicy; use ZeroCountPolicy.Throw or "
                + "ZeroCountPolicy.ZeroWeight.");
        }

        if (options.MaxNorm is double bound)
        {
            MaxNorm(bound, weightDtype, paramName + ".MaxNorm", "ClassifierRetrainingOptions.MaxNorm");
        }
    }

    private static ArgumentException Option(string property, string rule, object value, string paramName) =>
        new("ClassifierRetrainingOptions." + property + " " + rule + "; got " + Validation.Shown(value) + ".",
            paramName + "." + property);
}
