using System;
using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// Argument checks run before anything reaches libtorch, so that a caller's mistake is an
/// <see cref="ArgumentException"/> naming the parameter, the expectation and what was passed, never a native
/// <c>ExternalException</c>, a crash or a NaN.
/// </summary>
internal static partial class Validation
{
    internal const long DefaultIgnoreIndex = CbDefaults.IgnoreIndex;

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Shape(Tensor t)
    {
        var shape = t.shape;
        var sb = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(Format(shape[i]));
        }

        return sb.Append(']').ToString();
    }

    /// <summary>
    /// The error of every range check in this package, worded as CbGen's maths words theirs: <paramref name="rule"/>
    /// names the problem and the fix, and the value follows it once, in the invariant culture ("…; got 1.5."), so
    /// the message reads the same on every machine. <see cref="ArgumentOutOfRangeException.ActualValue"/> stays null:
    /// set, .NET would append the value a second time, in the current culture ("Actual value was 1,5.").
    /// </summary>
    internal static ArgumentOutOfRangeException OutOfRange(string paramName, object actualValue, string rule) =>
        new(paramName, rule.TrimEnd('.') + "; got " + Shown(actualValue) + ".");

    /// <summary>A value as a range message shows it: doubles round-trip ("R"), everything else invariant.</summary>
    internal static string Shown(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static void NotNullOrDisposed(Tensor? tensor, string paramName)
    {
        if (tensor is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (tensor.IsInvalid)
        {
            throw new ArgumentException("The tensor '" + paramName + "' has been disposed.", paramName);
        }
    }

    internal static void Reduction(nn.Reduction reduction, string paramName)
    {
        if (reduction != nn.Reduction.None && reduction != nn.Reduction.Mean && reduction != nn.Reduction.Sum)
        {
            throw OutOfRange(paramName, reduction,
                "Unknown Reduction value; use Reduction.None, Reduction.Mean or Reduction.Sum.");
        }
    }

    internal static void Normalizer(MeanNormalizer normalizer, string paramName)
    {
        if (normalizer != MeanNormalizer.PositiveLabels && normalizer != MeanNormalizer.WeightSum
            && normalizer != MeanNormalizer.AllTerms)
        {
            throw OutOfRange(paramName, normalizer,
                "Unknown MeanNormalizer value; use PositiveLabels, WeightSum or AllTerms.");
        }
    }

    internal static void Gamma(double gamma, string paramName)
    {
        if (!(gamma >= 0.0) || double.IsInfinity(gamma))
        {
            throw OutOfRange(paramName, gamma,
                "The focusing parameter γ must be finite and ≥ 0; use 0 for no focusing, or the paper's 0.5, 1 or 2.");
        }
    }

    internal static void LabelSmoothing(double labelSmoothing, string paramName)
    {
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0))
        {
            throw OutOfRange(paramName, labelSmoothing,
                "label_smoothing must lie in [0, 1]; use 0 to disable smoothing, or a small value such as 0.1.");
        }
    }

    /// <summary>Checks managed weights: non-empty, finite, ≥ 0. Returns whether every weight is &gt; 0.</summary>
    internal static bool Weights(ReadOnlySpan<double> weights, string paramName)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("The class weights are empty; pass one weight per class (C ≥ 1).", paramName);
        }

        bool allPositive = true;
        for (int c = 0; c < weights.Length; c++)
        {
            double w = weights[c];
            if (!double.IsFinite(w) || w < 0.0)
            {
                throw BadWeight(c, w, paramName);
            }

            allPositive &= w > 0.0;
        }

        return allPositive;
    }

    /// <summary>
    /// Checks a weight tensor: rank 1, non-empty, a real dtype, finite and ≥ 0 (one min/max reduction).
    /// Returns whether every weight is &gt; 0.
    /// </summary>
    internal static bool Weights(Tensor weights, string paramName)
    {
        NotNullOrDisposed(weights, paramName);
        if (weights.dim() != 1)
        {
            throw new ArgumentException(
                "Expected '" + paramName + "' to be a rank-1 tensor of C class weights, got rank "
                + Format(weights.dim()) + " with shape " + Shape(weights) + ".", paramName);
        }

        if (weights.numel() == 0)
        {
            throw new ArgumentException(
                "The class weights '" + paramName + "' are empty (shape [0]); pass one weight per class (C ≥ 1).",
                paramName);
        }

        var dtype = weights.dtype;
        if (!is_floating_point(dtype) && !IsIntegral(dtype))
        {
            throw new ArgumentException(
                "Expected '" + paramName + "' to hold real numbers (a floating or integer dtype), got "
                + dtype.ToString() + ".", paramName);
        }

        double min;
        double max;
        using (NewDisposeScope())
        using (no_grad())
        {
            var asDouble = weights.to(ScalarType.Float64);
            var (lo, hi) = asDouble.aminmax();
            min = lo.item<double>();
            max = hi.item<double>();
            if (min >= 0.0 && double.IsFinite(max))
            {
                return min > 0.0;
            }

            // Error path only: find the first offending weight to name it.
            var values = asDouble.cpu().data<double>().ToArray();
            for (int c = 0; c < values.Length; c++)
            {
                if (!double.IsFinite(values[c]) || values[c] < 0.0)
                {
                    throw BadWeight(c, values[c], paramName);
                }
            }
        }

        throw new ArgumentException("The class weights '" + paramName + "' must be finite and ≥ 0.", paramName);
    }

    private static ArgumentException BadWeight(int index, double value, string paramName) =>
        new ArgumentException(
            "Class weight " + Format(index) + " is " + Format(value)
            + "; every class weight must be finite and ≥ 0.", paramName);

    /// <summary>Where a class-weighted loss's C comes from, as <see cref="Logits"/> says it.</summary>
    internal const string OnePerClassWeight = "one per class weight";

    /// <summary>Checks logits: rank 2 [B, C], a floating dtype, B ≥ 1 and C equal to <paramref name="numClasses"/>,
    /// whose origin <paramref name="classesFrom"/> names in the message (e.g. "one per class weight", "one per class
    /// in 'counts'", "the loss's numClasses").</summary>
    internal static void Logits(Tensor input, long numClasses, string paramName, string classesFrom = OnePerClassWeight)
    {
        NotNullOrDisposed(input, paramName);
        if (input.dim() != 2)
        {
            throw new ArgumentException(
                "Expected '" + paramName + "' to be a tensor of rank 2 [B, C] with C = " + Format(numClasses)
                + ", got rank " + Format(input.dim()) + " with shape " + Shape(input) + ".", paramName);
        }

        var dtype = input.dtype;
        if (!is_floating_point(dtype))
        {
            throw new ArgumentException(
                "Expected '" + paramName + "' to hold floating-point logits (Float32, Float64, Float16 or BFloat16), got "
                + dtype.ToString() + ".", paramName);
        }

        long b = input.size(0);
        long c = input.size(1);
        if (c != numClasses)
        {
            throw new ArgumentException(
                "Expected '" + paramName + "' to have C = " + Format(numClasses) + " columns (" + classesFrom
                + "), got " + Format(c) + " (shape " + Shape(input) + ").", paramName);
        }

        if (b == 0)
        {
            throw new ArgumentException(
                "'" + paramName + "' has batch size 0 (shape " + Shape(input) + "); pass at least one sample.",
                paramName);
        }
    }

    internal static bool IsIntegral(ScalarType dtype) =>
        dtype == ScalarType.Byte || dtype == ScalarType.Int8 || dtype == ScalarType.Int16
        || dtype == ScalarType.Int32 || dtype == ScalarType.Int64;
}
