using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>What the multi-hot check learnt about the targets.</summary>
/// <param name="Residue">|t − t·t| [B, C] (all zeros), the device check's scratch, or null after the host scan.</param>
/// <param name="Positives">The exact number of ones, or −1 when the device check ran (it counts nothing).</param>
/// <param name="Positions">The flat indices of the ones in ascending order, when the host scan found at most one per
/// <see cref="MultiHotScan.SparseStride"/> elements (in an array from the shared pool: give it back with
/// <see cref="Release"/>); else null.</param>
internal readonly record struct MultiHotTargets(Tensor? Residue, long Positives, ArraySegment<int>? Positions)
{
    /// <summary>Returns the positions' array to the pool; the positions must not be read after.</summary>
    internal void Release()
    {
        if (Positions is { Array: { } array })
        {
            ArrayPool<int>.Shared.Return(array);
        }
    }
}

/// <summary>
/// The host side of the target checks and of the distribution-balanced loss: contiguous Float32 or Float64 CPU
/// targets are read in place (no op, no tensor), checked to hold only 0 and 1 (<see cref="Scan(Tensor, out long, out
/// ArraySegment{int}?, out long)"/>, the distribution-balanced loss's multi-hot targets) or only values in [0, 1]
/// (<see cref="InUnitInterval(Tensor, out long)"/>, the soft targets of the other per-class binary losses), and their
/// ones counted and, when they are sparse, listed. With the list, an op of the form x + k·x·t, which changes x only where t = 1, becomes k·x
/// added at those few positions, rounded as libtorch's <c>addcmul_</c> rounds it (x + (k·x)·1), instead of a pass
/// over [B, C].
/// </summary>
internal static class MultiHotScan
{
    /// <summary>Positions are listed while there is at most one per this many elements: beyond that, one pass of
    /// libtorch over [B, C] costs less than visiting each position on the host.</summary>
    internal const int SparseStride = 16;

    /// <summary>The length of the positions' first array (it grows as the ones need).</summary>
    private const int FirstRent = 1024;

    /// <summary>Whether <paramref name="x"/> can be read and written in place on the host.</summary>
    internal static bool OnHost(Tensor x) =>
        x.device_type == DeviceType.CPU && x.is_contiguous() && x.numel() <= int.MaxValue
        && (x.dtype == ScalarType.Float32 || x.dtype == ScalarType.Float64);

    /// <summary>Whether <see cref="Scan"/> beats libtorch's check for <paramref name="target"/>: it can be read on the
    /// host and 256-bit vectors are hardware-accelerated (x64 with AVX2; elsewhere the scan would be a scalar loop).</summary>
    internal static bool CanScan(Tensor target) => Vector256.IsHardwareAccelerated && OnHost(target);

    /// <summary>Scans targets for which <see cref="OnHost"/> holds: false when some value is neither 0 nor 1 (±0
    /// count as 0; NaN and ±∞ are refused), with the flat index of the first such value in
    /// <paramref name="firstBad"/> (else −1); else the number of ones and, when sparse, their positions.</summary>
    internal static bool Scan(Tensor target, out long positives, out ArraySegment<int>? positions, out long firstBad)
    {
        int bad;
        bool ok = target.dtype == ScalarType.Float32
            ? Scan(MemoryMarshal.Cast<byte, float>(target.bytes), out positives, out positions, out bad)
            : Scan(MemoryMarshal.Cast<byte, double>(target.bytes), out positives, out positions, out bad);
        firstBad = bad;
        return ok;
    }

    /// <summary>Scans targets for which <see cref="OnHost"/> holds: false when some value lies outside [0, 1] (NaN
    /// and ±∞ included; ±0 are in), with the flat index of the first such value in <paramref name="firstBad"/> (else
    /// −1).</summary>
    internal static bool InUnitInterval(Tensor target, out long firstBad)
    {
        int bad = target.dtype == ScalarType.Float32
            ? FirstOutsideUnitInterval(MemoryMarshal.Cast<byte, float>(target.bytes))
            : FirstOutsideUnitInterval(MemoryMarshal.Cast<byte, double>(target.bytes));
        firstBad = bad;
        return bad < 0;
    }

    /// <summary>x[p] ← x[p] + (k·x[p])·1 at each position p, in <paramref name="x"/>'s dtype: the bits
    /// <c>x.addcmul_(x, t, k)</c> leaves there. Elsewhere nothing is written, where addcmul_ adds (k·x)·0: the same
    /// value for finite k·x, though a −0 becomes +0, which the distribution-balanced kernel never shows (its v enters
    /// only σ and max(v, 0) − log σ(|v|), equal for ±0; its gradient is never −0).</summary>
    internal static void AddScaled(Tensor x, ArraySegment<int> positions, double k)
    {
        if (x.dtype == ScalarType.Float32)
        {
            AddScaled(MemoryMarshal.Cast<byte, float>(x.bytes), positions, (float)k);
        }
        else
        {
            AddScaled(MemoryMarshal.Cast<byte, double>(x.bytes), positions, k);
        }
    }

    /// <summary>Σ a[p]·b[p] over the positions, in double (<paramref name="a"/> and <paramref name="b"/> of one dtype,
    /// on the host).</summary>
    internal static double DotAt(Tensor a, Tensor b, ArraySegment<int> positions) =>
        a.dtype == ScalarType.Float32
            ? DotAt(MemoryMarshal.Cast<byte, float>(a.bytes), MemoryMarshal.Cast<byte, float>(b.bytes), positions)
            : DotAt(MemoryMarshal.Cast<byte, double>(a.bytes), MemoryMarshal.Cast<byte, double>(b.bytes), positions);

    private static double DotAt<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ArraySegment<int> positions)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0.0;
        foreach (int p in positions)
        {
            sum += double.CreateChecked(a[p]) * double.CreateChecked(b[p]);
        }

        return sum;
    }

    private static void AddScaled<T>(Span<T> x, ArraySegment<int> positions, T k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int p in positions)
        {
            T product = k * x[p];
            x[p] += product * T.One;
        }
    }

    private static bool Scan<T>(
        ReadOnlySpan<T> values, out long positives, out ArraySegment<int>? positions, out int firstBad)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        firstBad = -1;
        int cap = values.Length / SparseStride;
        int[] listed = ArrayPool<int>.Shared.Rent(Math.Min(cap, FirstRent));
        int count = 0;
        long ones = 0;
        int i = 0;

        // Four blocks at a time: their bits OR-ed, sign bits dropped, are zero exactly when all are ±0 (the
        // common case, a few integer ops); otherwise each block's ones are listed from a bit mask.
        ref T first = ref MemoryMarshal.GetReference(values);
        int width = Vector256<T>.Count;
        uint full = (1u << width) - 1;
        for (; i <= values.Length - (4 * width); i += 4 * width)
        {
            var a = Vector256.LoadUnsafe(ref first, (nuint)i);
            var b = Vector256.LoadUnsafe(ref first, (nuint)(i + width));
            var c = Vector256.LoadUnsafe(ref first, (nuint)(i + (2 * width)));
            var d = Vector256.LoadUnsafe(ref first, (nuint)(i + (3 * width)));
            if (((a | b | c | d).AsUInt64() & SignCleared<T>()) == Vector256<ulong>.Zero)
            {
                continue;
            }

            for (int k = 0; k < 4; k++)
            {
                var block = Vector256.LoadUnsafe(ref first, (nuint)(i + (k * width)));
                uint oneBits = Vector256.Equals(block, Vector256<T>.One).ExtractMostSignificantBits();
                uint zeroBits = Vector256.Equals(block, Vector256<T>.Zero).ExtractMostSignificantBits();
                if ((oneBits | zeroBits) != full)
                {
                    firstBad = i + (k * width) + BitOperations.TrailingZeroCount(~(oneBits | zeroBits));
                    return Refuse(listed, out positives, out positions);
                }

                ones += BitOperations.PopCount(oneBits);
                for (; oneBits != 0 && count < cap; oneBits &= oneBits - 1)
                {
                    Append(ref listed, count++, i + (k * width) + BitOperations.TrailingZeroCount(oneBits), cap);
                }
            }
        }

        for (; i < values.Length; i++)
        {
            if (values[i] == T.One)
            {
                if (++ones <= cap)
                {
                    Append(ref listed, count++, i, cap);
                }
            }
            else if (values[i] != T.Zero)
            {
                firstBad = i;
                return Refuse(listed, out positives, out positions);
            }
        }

        positives = ones;
        if (ones <= cap)
        {
            positions = new ArraySegment<int>(listed, 0, count);
        }
        else
        {
            ArrayPool<int>.Shared.Return(listed);
            positions = null;
        }

        return true;
    }

    /// <summary>The index of the first value outside [0, 1] (0 ≤ x ≤ 1 is false for NaN), or −1. Four blocks at a
    /// time: their in-range masks AND-ed are all ones in the common case, one test per 4 × 256 bits.</summary>
    private static int FirstOutsideUnitInterval<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T first = ref MemoryMarshal.GetReference(values);
        int width = Vector256<T>.Count;
        int i = 0;
        for (; i <= values.Length - (4 * width); i += 4 * width)
        {
            var a = Vector256.LoadUnsafe(ref first, (nuint)i);
            var b = Vector256.LoadUnsafe(ref first, (nuint)(i + width));
            var c = Vector256.LoadUnsafe(ref first, (nuint)(i + (2 * width)));
            var d = Vector256.LoadUnsafe(ref first, (nuint)(i + (3 * width)));
            if (Vector256.EqualsAll((InUnit(a) & InUnit(b) & InUnit(c) & InUnit(d)).AsUInt64(), Vector256<ulong>.AllBitsSet))
            {
                continue;
            }

            break;
        }

        // The tail, and the chunk that holds a bad value (found here, in order).
        for (; i < values.Length; i++)
        {
            if (!(values[i] >= T.Zero && values[i] <= T.One))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>All ones in each lane whose value lies in [0, 1].</summary>
    private static Vector256<T> InUnit<T>(Vector256<T> block)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector256.GreaterThanOrEqual(block, Vector256<T>.Zero) & Vector256.LessThanOrEqual(block, Vector256<T>.One);

    /// <summary>Writes <paramref name="position"/> at <paramref name="at"/>, first trading the array for one twice as
    /// long (at most <paramref name="cap"/>) when it is full: the list costs what the ones need, not B·C/16.</summary>
    private static void Append(ref int[] listed, int at, int position, int cap)
    {
        if (at == listed.Length)
        {
            int[] longer = ArrayPool<int>.Shared.Rent((int)Math.Min((long)at * 2, cap));
            listed.AsSpan().CopyTo(longer);
            ArrayPool<int>.Shared.Return(listed);
            listed = longer;
        }

        listed[at] = position;
    }

    private static bool Refuse(int[] listed, out long positives, out ArraySegment<int>? positions)
    {
        ArrayPool<int>.Shared.Return(listed);
        positives = 0;
        positions = null;
        return false;
    }

    /// <summary>Every bit but the sign bits of <typeparamref name="T"/>'s lanes, as 64-bit words.</summary>
    private static Vector256<ulong> SignCleared<T>()
        where T : unmanaged =>
        Vector256.Create(typeof(T) == typeof(float) ? 0x7FFF_FFFF_7FFF_FFFFUL : 0x7FFF_FFFF_FFFF_FFFFUL);
}
