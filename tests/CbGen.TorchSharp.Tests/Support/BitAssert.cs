using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>Bit-for-bit comparison of two floating tensors, naming the first element that differs.</summary>
internal static class BitAssert
{
    internal static void Same(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(expected.dtype, actual.dtype);
        long[] left = Bits(expected);
        long[] right = Bits(actual);
        int first = Enumerable.Range(0, left.Length).FirstOrDefault(i => left[i] != right[i], -1);
        Assert.True(first < 0, what + " differs at flat index " + first + ": "
            + (first < 0 ? string.Empty : expected.reshape(-1)[first].ToDouble() + " expected, "
                + actual.reshape(-1)[first].ToDouble() + " actual"));
    }

    private static long[] Bits(Tensor x)
    {
        var flat = x.detach().contiguous().reshape(-1);
        return flat.dtype == ScalarType.Float64
            ? flat.data<double>().ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray()
            : flat.data<float>().ToArray().Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray();
    }
}
