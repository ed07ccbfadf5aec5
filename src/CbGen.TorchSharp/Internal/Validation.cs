using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal
{
    /// <summary>What <see cref="Validation.ClassIndexTarget"/> learnt about a class-index target.</summary>
    /// <param name="MayHoldIgnored">True when some labels may equal ignore_index (they must then be counted).</param>
    /// <param name="KeptCount">The number of labels not equal to ignore_index when the check counted them (labels
    /// read on the host), or −1 when it did not.</param>
    internal readonly record struct ClassIndexInfo(bool MayHoldIgnored, long KeptCount = -1);

    /// <summary>
    /// Argument checks run before anything reaches libtorch, so that a caller's mistake is an
    /// <see cref="ArgumentException"/> naming the parameter, the expectation and what was passed, never a native
    /// <c>ExternalException</c>, a crash or a NaN.
    /// </summary>
    internal static partial class Validation
    {
        internal const long DefaultIgnoreIndex = -100;

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
                throw new ArgumentOutOfRangeException(paramName, reduction,
                    "Unknown Reduction value; use Reduction.None, Reduction.Mean or Reduction.Sum.");
            }
        }

        internal static void Normalizer(MeanNormalizer normalizer, string paramName)
        {
            if (normalizer != MeanNormalizer.PositiveLabels && normalizer != MeanNormalizer.WeightSum
                && normalizer != MeanNormalizer.AllTerms)
            {
                throw new ArgumentOutOfRangeException(paramName, normalizer,
                    "Unknown MeanNormalizer value; use PositiveLabels, WeightSum or AllTerms.");
            }
        }

        internal static void Gamma(double gamma, string paramName)
        {
            if (!(gamma >= 0.0) || double.IsInfinity(gamma))
            {
                throw new ArgumentOutOfRangeException(paramName, gamma,
                    "The focusing parameter γ must be finite and ≥ 0 (the paper uses 0.5, 1 or 2); got "
                    + Format(gamma) + ".");
            }
        }

        internal static void LabelSmoothing(double labelSmoothing, string paramName)
        {
            if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0))
            {
                throw new ArgumentOutOfRangeException(paramName, labelSmoothing,
                    "label_smoothing must lie in [0, 1] (0 disables smoothing); got " + Format(labelSmoothing) + ".");
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

        /// <summary>Checks logits: rank 2 [B, C], a floating dtype, B ≥ 1 and C equal to the number of weights.</summary>
        internal static void Logits(Tensor input, long numClasses, string paramName)
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
                    "Expected '" + paramName + "' to have C = " + Format(numClasses)
                    + " columns (one per class weight), got shape " + Shape(input) + ".", paramName);
            }

            if (b == 0)
            {
                throw new ArgumentException(
                    "'" + paramName + "' has batch size 0 (shape " + Shape(input) + "); pass at least one sample.",
                    paramName);
            }
        }

        private static void SameDevice(Tensor input, Tensor target, string paramName)
        {
            if (input.device_type != target.device_type || input.device_index != target.device_index)
            {
                throw new ArgumentException(
                    "Expected '" + paramName + "' on the logits' device " + input.device.ToString() + ", got "
                    + target.device.ToString() + ".", paramName);
            }
        }

        /// <summary>
        /// Checks class-index labels: rank 1, Int64, length B, on the logits' device, every value in [0, C) or equal to
        /// <paramref name="ignoreIndex"/> (when given). Contiguous CPU labels are read in place on the host, in one
        /// pass and without a libtorch op (the per-call cost at small batches); other labels are checked with one
        /// min/max reduction, and a second masked one runs only when the extremes hit ignore_index.
        /// </summary>
        internal static ClassIndexInfo ClassIndexTarget(
            Tensor input, Tensor target, long? ignoreIndex, bool softAllowed, string paramName)
        {
            long b = input.size(0);
            long c = input.size(1);
            if (target.dim() != 1)
            {
                string accepted = softAllowed
                    ? "Int64 class indices of shape [" + Format(b) + "] or floating targets of shape " + Shape(input)
                    : "Int64 class indices of shape [" + Format(b) + "]";
                throw new ArgumentException(
                    "Expected '" + paramName + "' to be " + accepted + ", got " + target.dtype.ToString()
                    + " with shape " + Shape(target) + ".", paramName);
            }

            if (target.dtype != ScalarType.Int64)
            {
                throw new ArgumentException(
                    "Expected '" + paramName + "' to hold Int64 class indices, got " + target.dtype.ToString()
                    + " (convert with .to(ScalarType.Int64)).", paramName);
            }

            if (target.size(0) != b)
            {
                throw new ArgumentException(
                    "Expected '" + paramName + "' to hold one label per sample, shape [" + Format(b) + "], got shape "
                    + Shape(target) + ".", paramName);
            }

            SameDevice(input, target, paramName);

            if (target.device_type == DeviceType.CPU && b <= MaxHostLabels && target.is_contiguous())
            {
                // bytes is the tensor's own memory (from its first element): no copy, no op, no tensor.
                return HostLabels(MemoryMarshal.Cast<byte, long>(target.bytes), c, ignoreIndex, paramName);
            }

            long min;
            long max;
            var (lo, hi) = target.aminmax();
            using (lo)
            using (hi)
            {
                min = lo.item<long>();
                max = hi.item<long>();
            }

            if (min >= 0 && max < c)
            {
                return new ClassIndexInfo(ignoreIndex is long ii && ii >= min && ii <= max);
            }

            if (ignoreIndex is long ignore && (min == ignore || max == ignore))
            {
                using var scope = NewDisposeScope();
                var kept = target.masked_fill(target.eq(ignore), 0L);
                var (lo2, hi2) = kept.aminmax();
                min = lo2.item<long>();
                max = hi2.item<long>();
                if (min >= 0 && max < c)
                {
                    return new ClassIndexInfo(true);
                }
            }

            throw BadLabel(min, max, c, ignoreIndex, paramName);
        }

        /// <summary>Up to this many labels (16 MB of Int64) are checked on the host when they live in CPU memory.</summary>
        internal const long MaxHostLabels = 1 << 21;

        /// <summary>
        /// The host check of <see cref="ClassIndexTarget"/>: one pass over the labels, counting ignored ones. A bad label
        /// gets the same exception as the reduction path (the min/max of the labels with ignored ones read as 0).
        /// </summary>
        private static ClassIndexInfo HostLabels(ReadOnlySpan<long> labels, long c, long? ignoreIndex, string paramName)
        {
            long ignore = ignoreIndex.GetValueOrDefault();
            bool hasIgnore = ignoreIndex.HasValue;
            ulong classes = (ulong)c;

            // Vectorised prefix: as unsigned numbers, labels in [0, C) are exactly those below C. It stops at the first
            // block holding another value (ignored or bad); the scalar loop below sorts those out.
            int i = 0;
            var unsigned = MemoryMarshal.Cast<long, ulong>(labels);
            if (Vector.IsHardwareAccelerated && (!hasIgnore || ignore < 0 || ignore >= c))
            {
                var limit = new Vector<ulong>(classes);
                for (; i <= unsigned.Length - Vector<ulong>.Count; i += Vector<ulong>.Count)
                {
                    if (Vector.GreaterThanOrEqualAny(new Vector<ulong>(unsigned.Slice(i)), limit))
                    {
                        break;
                    }
                }
            }

            long ignored = 0;
            for (; i < labels.Length; i++)
            {
                long label = labels[i];
                if ((ulong)label >= classes)
                {
                    if (hasIgnore && label == ignore)
                    {
                        ignored++;
                        continue;
                    }

                    long min = long.MaxValue;
                    long max = long.MinValue;
                    foreach (long value in labels)
                    {
                        long kept = hasIgnore && value == ignore ? 0L : value;
                        min = Math.Min(min, kept);
                        max = Math.Max(max, kept);
                    }

                    throw BadLabel(min, max, c, ignoreIndex, paramName);
                }

                if (hasIgnore && label == ignore)
                {
                    ignored++;
                }
            }

            return new ClassIndexInfo(ignored > 0, labels.Length - ignored);
        }

        private static ArgumentException BadLabel(long min, long max, long c, long? ignoreIndex, string paramName)
        {
            long bad = min < 0 ? min : max;
            string ignoreText = ignoreIndex is long i2 ? " or ignore_index = " + Format(i2) : string.Empty;
            return new ArgumentException(
                "'" + paramName + "' holds the class index " + Format(bad) + "; labels must lie in [0, " + Format(c)
                + ")" + ignoreText + ".", paramName);
        }

        /// <summary>Checks soft or multi-hot targets: shape [B, C] like the logits, floating, same device.</summary>
        internal static void SoftTarget(Tensor input, Tensor target, string paramName)
        {
            if (!is_floating_point(target.dtype))
            {
                throw new ArgumentException(
                    "Expected '" + paramName + "' of shape " + Shape(input)
                    + " to hold floating multi-hot or soft targets, got " + target.dtype.ToString()
                    + " (class indices must be a rank-1 Int64 tensor).", paramName);
            }

            if (target.size(0) != input.size(0) || target.size(1) != input.size(1))
            {
                throw new ArgumentException(
                    "Expected '" + paramName + "' to have the logits' shape " + Shape(input) + ", got shape "
                    + Shape(target) + ".", paramName);
            }

            SameDevice(input, target, paramName);
        }

        internal static bool IsIntegral(ScalarType dtype) =>
            dtype == ScalarType.Byte || dtype == ScalarType.Int8 || dtype == ScalarType.Int16
            || dtype == ScalarType.Int32 || dtype == ScalarType.Int64;
    }
}
