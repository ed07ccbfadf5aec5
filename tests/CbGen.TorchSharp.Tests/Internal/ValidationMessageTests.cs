using System;
using System.Linq;
using CbGen.TorchSharp;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// What the checks report besides throwing (issue 16): whether every weight is &gt; 0 (a loss may then skip the
/// guard against Σ α = 0), and how many labels a batch keeps (the softmax mean divides by it). A wrong flag or count
/// gives the same loss on most inputs, so the value tests miss it; these tests read the reports directly.
/// </summary>
public class ValidationMessageTests
{
    private const string Name = "target";

    [Theory]
    [InlineData(new[] { 1.0, 2.5, 0.1 }, true)]
    [InlineData(new[] { 1.0, 0.0, 3.0 }, false)]
    [InlineData(new[] { 0.0 }, false)]
    [InlineData(new[] { double.Epsilon }, true)]
    public void The_weight_checks_say_whether_every_weight_is_positive(double[] weights, bool allPositive)
    {
        Assert.Equal(allPositive, Validation.Weights(weights, "weight"));
        using var t = tensor(weights, ScalarType.Float64);
        Assert.Equal(allPositive, Validation.Weights(t, "weight"));
    }

    [Fact]
    public void An_integer_weight_tensor_with_a_zero_is_not_all_positive()
    {
        using var some = tensor(new long[] { 3, 0, 1 });
        using var all = tensor(new int[] { 3, 2, 1 });
        Assert.False(Validation.Weights(some, "weight"));
        Assert.True(Validation.Weights(all, "weight"));
    }

    private static ClassIndexInfo Check(long[] labels, int classes, long? ignore, bool contiguous = true)
    {
        using var scope = NewDisposeScope();
        var input = zeros(labels.Length, classes);
        var target = contiguous
            ? tensor(labels)
            : tensor(labels.SelectMany(l => new[] { l, 999L }).ToArray()).slice(0, 0, 2L * labels.Length, 2);
        Assert.Equal(contiguous, target.is_contiguous());
        return Validation.ClassIndexTarget(input, target, ignore, softAllowed: false, Name);
    }

    [Fact]
    public void Host_labels_are_counted_and_flag_ignored_ones_only_when_present()
    {
        Assert.Equal(new ClassIndexInfo(false, 5), Check(new long[] { 0, 1, 2, 1, 0 }, 3, -100));
        Assert.Equal(new ClassIndexInfo(true, 3), Check(new long[] { 0, -100, 2, -100, 0 }, 3, -100));
        Assert.Equal(new ClassIndexInfo(false, 5), Check(new long[] { 0, 1, 2, 1, 0 }, 3, null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1)]
    public void An_ignore_index_that_is_also_a_class_is_counted_in_long_batches(int ignore)
    {
        // 64 labels: long enough for the vectorised prefix, which must not run past labels equal to ignore_index.
        var labels = Enumerable.Range(0, 64).Select(i => (long)(i * 7 % 4)).ToArray();
        long ignored = labels.Count(l => l == ignore);
        Assert.Equal(new ClassIndexInfo(true, 64 - ignored), Check(labels, 4, ignore));
    }

    [Fact]
    public void An_ignore_index_equal_to_C_is_counted_in_long_batches()
    {
        var labels = Enumerable.Range(0, 64).Select(i => i % 9 == 0 ? 4L : i % 4).ToArray();
        Assert.Equal(new ClassIndexInfo(true, 64 - labels.Count(l => l == 4)), Check(labels, 4, 4));
    }

    [Fact]
    public void Labels_the_host_cannot_read_in_place_are_not_counted()
    {
        Assert.Equal(new ClassIndexInfo(false), Check(new long[] { 0, 1, 2, 1 }, 3, -100, contiguous: false));
        Assert.Equal(new ClassIndexInfo(true), Check(new long[] { 0, 1, 2, 1 }, 3, 1, contiguous: false));
        Assert.Equal(new ClassIndexInfo(true), Check(new long[] { 0, -100, 2, 1 }, 3, -100, contiguous: false));
        Assert.Equal(new ClassIndexInfo(false), Check(new long[] { 0, 1, 1, 1 }, 3, 2, contiguous: false));
    }

    [Fact]
    public void Up_to_the_host_limit_labels_are_counted_on_the_host_and_above_it_by_a_reduction()
    {
        const long limit = Validation.MaxHostLabels;
        using var scope = NewDisposeScope();
        var atLimit = Validation.ClassIndexTarget(zeros(limit, 1), zeros(limit, ScalarType.Int64), -100, false, Name);
        var above = Validation.ClassIndexTarget(zeros(limit + 1, 1), zeros(limit + 1, ScalarType.Int64), -100, false, Name);
        Assert.Equal(new ClassIndexInfo(false, limit), atLimit);
        Assert.Equal(new ClassIndexInfo(false), above);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_bad_target_rank_names_the_forms_the_loss_accepts(bool softAllowed, bool mentionsSoft)
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() =>
            Validation.ClassIndexTarget(zeros(2, 3), zeros(2, 3, 1), null, softAllowed, Name));
        Assert.Contains("Int64 class indices of shape [2]", e.Message, StringComparison.Ordinal);
        Assert.Equal(mentionsSoft, e.Message.Contains("or floating targets of shape [2, 3]", StringComparison.Ordinal));
        Assert.Contains("got Float32 with shape [2, 3, 1]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_bad_label_message_names_ignore_index_only_when_there_is_one(bool contiguous)
    {
        var withIgnore = Assert.Throws<ArgumentException>(() => Check(new long[] { 0, 5, 1 }, 3, 7, contiguous));
        Assert.EndsWith("labels must lie in [0, 3) or ignore_index = 7. (Parameter 'target')", withIgnore.Message, StringComparison.Ordinal);
        var without = Assert.Throws<ArgumentException>(() => Check(new long[] { 0, 5, 1 }, 3, null, contiguous));
        Assert.EndsWith("labels must lie in [0, 3). (Parameter 'target')", without.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CbLoss.Softmax, false)]
    [InlineData(CbLoss.Sigmoid, true)]
    [InlineData(CbLoss.Focal, true)]
    public void A_loss_offers_soft_targets_in_its_message_only_when_it_takes_them(CbLoss variant, bool soft)
    {
        using var scope = NewDisposeScope();
        using var loss = RuntimeReference.Module(variant, new[] { 1.0, 2.0, 3.0 }, MeanNormalizer.PositiveLabels);
        var e = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 3), zeros(2, 3, 1)));
        Assert.Equal(soft, e.Message.Contains("or floating targets of shape [2, 3]", StringComparison.Ordinal));
    }
}
