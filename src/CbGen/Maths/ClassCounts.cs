using System;

namespace CbGen;

/// <summary>
/// Training samples per class, indexed like the logits' columns: the one type every <c>FromCounts</c> of the
/// runtime takes. A <see cref="long"/> or <see cref="int"/> array or span converts to it implicitly (the values are
/// copied, so a later edit of the caller's array changes nothing); the counts are checked by the method that uses
/// them, with its message.
/// </summary>
public readonly struct ClassCounts
{
    private readonly long[]? _values;

    private ClassCounts(long[] values) => _values = values;

    /// <summary>The counts (empty for a default instance).</summary>
    public ReadOnlySpan<long> Span => _values;

    /// <summary>The number of classes.</summary>
    public int Length => _values?.Length ?? 0;

    /// <summary>Copies <see cref="long"/> counts.</summary>
    /// <param name="counts">One count per class.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    public static implicit operator ClassCounts(long[] counts) =>
        new((counts ?? throw new ArgumentNullException(nameof(counts))).AsSpan().ToArray());

    /// <summary>Widens <see cref="int"/> counts.</summary>
    /// <param name="counts">One count per class.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    public static implicit operator ClassCounts(int[] counts) =>
        (ReadOnlySpan<int>)(counts ?? throw new ArgumentNullException(nameof(counts)));

    /// <summary>Copies <see cref="long"/> counts.</summary>
    /// <param name="counts">One count per class.</param>
    /// <returns>The counts.</returns>
    public static implicit operator ClassCounts(ReadOnlySpan<long> counts) => new(counts.ToArray());

    /// <summary>Widens <see cref="int"/> counts.</summary>
    /// <param name="counts">One count per class.</param>
    /// <returns>The counts.</returns>
    public static implicit operator ClassCounts(ReadOnlySpan<int> counts)
    {
        var values = new long[counts.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = counts[i];
        }

        return new ClassCounts(values);
    }
}
