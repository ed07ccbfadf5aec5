namespace CbGen.Sampling;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64: a small, fast generator whose sequence is a
/// pure function of the seed on every platform and target framework (System.Random's seeded sequence is an
/// implementation detail). Each epoch of a sampler gets its own generator from (seed, epoch), so an epoch's indices
/// do not depend on which epochs were drawn before or on which thread draws them.
/// </summary>
internal struct SamplerRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public SamplerRandom(long seed, long stream)
    {
        // Hash the seed, add the stream (epoch) number and fill the four state words from SplitMix64 started there.
        // The seed's hash is a bijection, so one seed's epochs start from distinct points; the sum is not symmetric
        // in (seed, epoch), so seed a's epoch b is not seed b's epoch a.
        ulong x = (ulong)seed;
        ulong mixed = SplitMix(ref x) + (ulong)stream;
        s0 = SplitMix(ref mixed);
        s1 = SplitMix(ref mixed);
        s2 = SplitMix(ref mixed);
        s3 = SplitMix(ref mixed);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, n) for 1 ≤ n ≤ 2^32 − 1, without bias (Lemire's multiply-shift with
    /// rejection, ACM TOMACS 2019), from the high 32 bits of one draw; the low 32 bits go to
    /// <paramref name="spare"/> for the caller's coin flip.</summary>
    public uint NextBounded(uint n, out uint spare)
    {
        ulong bits = NextUInt64();
        ulong m = (bits >> 32) * n;
        uint low = (uint)m;
        if (low < n)
        {
            uint floor = (0u - n) % n;
            while (low < floor)
            {
                bits = NextUInt64();
                m = (bits >> 32) * n;
                low = (uint)m;
            }
        }

        spare = (uint)bits;
        return (uint)(m >> 32);
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
