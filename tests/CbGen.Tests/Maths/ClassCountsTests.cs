using System;

namespace CbGen.Tests.Maths;

/// <summary><see cref="ClassCounts"/>: the one counts type of the runtime's <c>FromCounts</c>, from long or int
/// arrays and spans, copied at conversion.</summary>
public class ClassCountsTests
{
    [Fact]
    public void Long_and_int_arrays_and_spans_give_the_same_counts()
    {
        long[] longs = { 5000, 500, 50 };
        int[] ints = { 5000, 500, 50 };
        foreach (ClassCounts counts in new ClassCounts[]
            { longs, ints, (ReadOnlySpan<long>)longs, (ReadOnlySpan<int>)ints })
        {
            Assert.Equal(3, counts.Length);
            Assert.Equal(longs, counts.Span.ToArray());
        }
    }

    [Fact]
    public void The_counts_are_a_copy_of_the_callers_array()
    {
        long[] longs = { 7, 3 };
        ClassCounts counts = longs;
        longs[0] = 0;
        Assert.Equal(7, counts.Span[0]);
    }

    [Fact]
    public void A_null_array_is_refused_naming_counts_and_a_default_instance_is_empty()
    {
        Assert.Equal("counts", Assert.Throws<ArgumentNullException>(() => (ClassCounts)(long[])null!).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentNullException>(() => (ClassCounts)(int[])null!).ParamName);
        Assert.Equal(0, default(ClassCounts).Length);
        Assert.True(default(ClassCounts).Span.IsEmpty);
    }
}
