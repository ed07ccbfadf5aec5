using System;
using CbGen.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The features every entry point of <see cref="ClassifierNorms"/> and <see cref="ClassifierRetraining"/> takes with a
/// head: a dtype or device other than the head's is an <see cref="ArgumentException"/> raised before libtorch sees
/// them (a mismatched matmul in libtorch can abort the whole process); features still attached to the graph that
/// computed them are trained on as frozen values; a non-finite feature is refused, naming its row and column, before
/// it can give a NaN loss or a meaningless τ.
/// </summary>
public class RebalancingFeatureTests
{
    private static readonly string[] EntryPoints = { "SelectTau", "TauNormalizedLogits", "Retrain", "LearnWeightScaling" };

    public static TheoryData<string, ScalarType, ScalarType> Mismatches()
    {
        var data = new TheoryData<string, ScalarType, ScalarType>();
        foreach (string entry in EntryPoints)
        {
            data.Add(entry, ScalarType.Float64, ScalarType.Float32);
            data.Add(entry, ScalarType.Float16, ScalarType.Float32);
            data.Add(entry, ScalarType.BFloat16, ScalarType.Float32);
            data.Add(entry, ScalarType.Float32, ScalarType.Float64);
        }

        return data;
    }

    public static TheoryData<string> Entries() => new(EntryPoints);

    public static TheoryData<string, float> NonFinite()
    {
        var data = new TheoryData<string, float>();
        foreach (string entry in EntryPoints)
        {
            data.Add(entry, float.NaN);
            data.Add(entry, float.PositiveInfinity);
            data.Add(entry, float.NegativeInfinity);
        }

        return data;
    }

    /// <summary>Calls <paramref name="entry"/> as a user would, disposing what it returns.</summary>
    internal static void Call(string entry, Linear head, Tensor x, Tensor y, ClassifierRetrainingOptions? options = null)
    {
        switch (entry)
        {
            case "SelectTau":
                ClassifierNorms.SelectTau(head, x, y);
                break;
            case "TauNormalizedLogits":
                ClassifierNorms.TauNormalizedLogits(head, x, 1.0).Dispose();
                break;
            case "Retrain":
                ClassifierRetraining.Retrain(head, x, y, options);
                break;
            default:
                ClassifierRetraining.LearnWeightScaling(head, x, y, options).Dispose();
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Features_of_another_dtype_than_the_head_are_refused_naming_both_and_the_conversion(
        string entry, ScalarType features, ScalarType weight)
    {
        using var head = nn.Linear(2, 3);
        head.to(weight);
        using var before = head.weight!.detach().clone();
        using var x = randn(6, 2).to(features);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2 });

        var e = Assert.Throws<ArgumentException>(() => Call(entry, head, x, y));

        Assert.Equal("features", e.ParamName);
        Assert.Contains("The features are " + features + " but the classifier's weight is " + weight, e.Message, StringComparison.Ordinal);
        Assert.Contains("convert them with .to(head.weight.dtype)", e.Message, StringComparison.Ordinal);
        Assert.True(head.weight!.eq(before).all().item<bool>(), "a refused call must leave the head as it was");
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Features_on_another_device_than_the_head_are_refused_naming_both(string entry)
    {
        using var head = nn.Linear(2, 3);
        using var x = randn(6, 2, device: new Device("meta"));
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2 });

        var e = Assert.Throws<ArgumentException>(() => Call(entry, head, x, y));

        Assert.Equal("features", e.ParamName);
        Assert.Contains("The features are on meta but the classifier is on cpu", e.Message, StringComparison.Ordinal);
        Assert.Contains(".to(head.weight.device)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Retrain")]
    [InlineData("LearnWeightScaling")]
    public void Features_still_attached_to_the_backbone_train_as_their_frozen_values_and_give_it_no_gradient(string entry)
    {
        torch.manual_seed(3);
        using var backbone = nn.Linear(4, 2);
        using var raw = randn(12, 4);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2 });
        using var attached = backbone.call(raw);           // not under no_grad: the graph back to the backbone is kept
        using var frozen = attached.detach().clone();
        var options = new ClassifierRetrainingOptions { Seed = 5, Epochs = 2, BatchSize = 4 };

        torch.manual_seed(7);
        using var onAttached = nn.Linear(2, 3);
        torch.manual_seed(7);
        using var onFrozen = nn.Linear(2, 3);
        if (entry == "Retrain")
        {
            Assert.Equal(
                ClassifierRetraining.Retrain(onFrozen, frozen, y, options),
                ClassifierRetraining.Retrain(onAttached, attached, y, options));
            Assert.True(onAttached.weight!.eq(onFrozen.weight!).all().item<bool>(), "the re-trained weights differ");
        }
        else
        {
            using var expected = ClassifierRetraining.LearnWeightScaling(onFrozen, frozen, y, options);
            using var actual = ClassifierRetraining.LearnWeightScaling(onAttached, attached, y, options);
            Assert.True(actual.eq(expected).all().item<bool>(), "the learnt scales differ");
        }

        Assert.Null(backbone.weight!.grad);
        Assert.Null(backbone.bias!.grad);
        Assert.True(attached.requires_grad, "the caller's features must be left as they were");
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void A_non_finite_feature_is_refused_naming_its_row_and_column(string entry, float value)
    {
        using var head = nn.Linear(2, 3);
        using var before = head.weight!.detach().clone();
        using var x = randn(6, 2);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2 });
        x[2, 1] = tensor(value);

        var e = Assert.Throws<ArgumentException>(() => Call(entry, head, x, y));

        Assert.Equal("features", e.ParamName);
        Assert.Contains("The features hold a non-finite value (" + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            + ") in row 2, column 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("recompute them", e.Message, StringComparison.Ordinal);
        Assert.True(head.weight!.eq(before).all().item<bool>(), "a refused call must leave the head as it was");
    }

    [Fact]
    public void Logits_that_overflow_are_refused_by_TauNormalizedLogits_naming_the_cell_and_the_way_out()
    {
        // Finite features and weights whose products pass float32's range: the logits would be ±∞.
        using var head = nn.Linear(2, 3);
        using (no_grad())
        {
            head.weight!.fill_(1e20f);
        }

        using var x = full(4, 2, 1e20f);
        var e = Assert.Throws<ArgumentException>(() => ClassifierNorms.TauNormalizedLogits(head, x, 0.0).Dispose());
        Assert.Equal("head", e.ParamName);
        Assert.StartsWith("At τ = 0 the τ-normalised logits hold a non-finite value (", e.Message, StringComparison.Ordinal);
        Assert.Contains(") in row 0, column 0 (the first one)", e.Message, StringComparison.Ordinal);
        Assert.Contains("convert the head and the features to Float64", e.Message, StringComparison.Ordinal);
    }
}
