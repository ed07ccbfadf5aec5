using System;
using System.Collections.Generic;
using System.Text;

namespace DebtagsLongTail;

/// <summary>
/// Text → hashed feature indices: lower-cased runs of letters and digits, their unigrams and adjacent bigrams, each
/// hashed with 32-bit FNV-1a into <see cref="Buckets"/> buckets (distinct per text). The same text gives the same
/// indices on every machine.
/// </summary>
public sealed class HashedBagOfWords
{
    /// <summary>Creates the featuriser.</summary>
    /// <param name="buckets">The number of hash buckets, the model's input width.</param>
    public HashedBagOfWords(int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 2);
        Buckets = buckets;
    }

    /// <summary>The number of hash buckets.</summary>
    public int Buckets { get; }

    /// <summary>The distinct bucket indices of <paramref name="text"/> (at least one: an empty text gets bucket 0).</summary>
    public long[] Features(string text)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (char c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                token.Append(char.ToLowerInvariant(c));
            }
            else if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }

        var features = new SortedSet<long>();
        for (int i = 0; i < tokens.Count; i++)
        {
            features.Add(Bucket(tokens[i]));
            if (i + 1 < tokens.Count)
            {
                features.Add(Bucket(tokens[i] + " " + tokens[i + 1]));
            }
        }

        return features.Count == 0 ? [0] : [.. features];
    }

    private long Bucket(string feature)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(feature))
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        return hash % (uint)Buckets;
    }
}
