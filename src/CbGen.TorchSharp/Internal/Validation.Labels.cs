using System;
using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>What <see cref="Validation.ClassIndexTarget"/> learnt about a class-index target.</summary>
/// <param name="MayHoldIgnored">True when some labels may equal ignore_index (they must then be counted).</param>
/// <param name="KeptCount">The number of labels not equal to ignore_index when the check counted them (labels
/// read on the host), or −1 when it did not.</param>
internal readonly record struct ClassIndexInfo(bool MayHoldIgnored, long KeptCount = -1);

/// <summary>The checks of targets: class-index labels (read on the host when they can be) and soft targets.</summary>
internal static partial class Validation
{
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
            var kept = WithoutIgnored(target, ignore);
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

    /// <summary>The labels with each ignored one replaced by class 0 (whose row then contributes nothing), a new
    /// tensor in the current dispose scope.</summary>
    internal static Tensor WithoutIgnored(Tensor target, long ignoreIndex)
    {
        using var ignored = ignoreIndex.ToScalar();
        using var zero = 0L.ToScalar();
        using var mask = target.eq(ignored);
        return target.masked_fill(mask, zero);
    }
}
