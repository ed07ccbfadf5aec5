using System;
using System.Threading;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// An immutable, small key → value list: the snapshot a per-module cache publishes. A call reads the current
/// snapshot without a lock and scans it (a module sees one or two dtypes); a miss takes the cache's lock and
/// publishes a longer copy, so no call ever sees a value disposed or replaced under it.
/// </summary>
internal sealed class KeptList<TKey, TValue>
    where TKey : IEquatable<TKey>
    where TValue : class, IDisposable
{
    internal static readonly KeptList<TKey, TValue> Empty = new(Array.Empty<TKey>(), Array.Empty<TValue>());

    private readonly TKey[] _keys;
    private readonly TValue[] _values;

    private KeptList(TKey[] keys, TValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    internal int Count => _keys.Length;

    internal TValue? Find(TKey key)
    {
        var keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i].Equals(key))
            {
                return _values[i];
            }
        }

        return null;
    }

    /// <summary>Disposes every value of <paramref name="list"/> and publishes the empty list in its place (under the
    /// cache's lock).</summary>
    internal static void DisposeAll(ref KeptList<TKey, TValue> list)
    {
        foreach (var value in list._values)
        {
            value.Dispose();
        }

        Volatile.Write(ref list, Empty);
    }

    /// <summary>A copy with <paramref name="value"/> appended under <paramref name="key"/> (the key must be new).</summary>
    internal KeptList<TKey, TValue> With(TKey key, TValue value)
    {
        var keys = new TKey[_keys.Length + 1];
        var values = new TValue[_values.Length + 1];
        _keys.CopyTo(keys, 0);
        _values.CopyTo(values, 0);
        keys[^1] = key;
        values[^1] = value;
        return new KeptList<TKey, TValue>(keys, values);
    }
}
