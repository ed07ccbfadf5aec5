using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// <see cref="CbTraining"/> edge cases (issue 16, gap 8): weight decay 0, frozen parameters, models without biases,
/// a matrix-shaped parameter named bias, and null layers.
/// </summary>
public class TrainingHelperTests
{
    private static SGD.ParamGroup Group(SGD optimizer, int group) =>
        (SGD.ParamGroup)optimizer.ParamGroups.ElementAt(group);

    private static int Count(SGD optimizer, int group) => Group(optimizer, group).Parameters.Count();

    private static double? Decay(SGD optimizer, int group) => Group(optimizer, group).Options.weight_decay;

    [Fact]
    public void Weight_decay_zero_is_accepted()
    {
        using var model = nn.Linear(3, 2);
        using var optimizer = CbTraining.SgdWithoutBiasDecay(model, lr: 0.1, momentum: 0.0, weightDecay: 0.0);
        Assert.Equal(2, optimizer.ParamGroups.Count());
        Assert.Equal(0.0, Decay(optimizer, 0));
    }

    [Fact]
    public void Momentum_zero_is_accepted_and_infinite_values_are_not()
    {
        using var model = nn.Linear(3, 2);
        using var optimizer = CbTraining.SgdWithoutBiasDecay(model, lr: 0.1, momentum: 0.0, weightDecay: 1e-4);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() =>
            CbTraining.SgdWithoutBiasDecay(model, double.PositiveInfinity, 0.0, 0.0)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() =>
            CbTraining.SgdWithoutBiasDecay(model, 0.1, double.PositiveInfinity, 0.0)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() =>
            CbTraining.SgdWithoutBiasDecay(model, 0.1, 0.0, double.PositiveInfinity)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() =>
            CbTraining.SgdWithoutBiasDecay(model, 0.1, 0.0, -1e-9)).ParamName);
    }

    [Fact]
    public void Frozen_parameters_are_left_out()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(3, 4)), ("fc2", nn.Linear(4, 2)));
        foreach (var (name, p) in model.named_parameters())
        {
            if (name.StartsWith("fc1.", StringComparison.Ordinal))
            {
                p.requires_grad = false;
            }
        }

        using var optimizer = CbTraining.SgdWithoutBiasDecay(model, 0.1, 0.9, 1e-4);
        Assert.Equal(2, optimizer.ParamGroups.Count());
        Assert.Equal(1, Count(optimizer, 0));    // fc2.weight
        Assert.Equal(1, Count(optimizer, 1));    // fc2.bias
    }

    [Fact]
    public void A_model_with_only_frozen_parameters_is_rejected()
    {
        using var model = nn.Linear(3, 2);
        foreach (var p in model.parameters())
        {
            p.requires_grad = false;
        }

        var e = Assert.Throws<ArgumentException>(() => CbTraining.SgdWithoutBiasDecay(model, 0.1, 0.9, 1e-4));
        Assert.Equal("model", e.ParamName);
        Assert.Contains("no trainable parameters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_biases_gets_one_decaying_group()
    {
        using var model = nn.Linear(3, 2, hasBias: false);
        using var optimizer = CbTraining.SgdWithoutBiasDecay(model, 0.1, 0.9, 0.25);
        Assert.Single(optimizer.ParamGroups);
        Assert.Equal(0.25, Decay(optimizer, 0));
    }

    [Fact]
    public void A_model_of_only_biases_gets_one_group_without_decay()
    {
        using var model = new MatrixBias(withWeight: false);
        using var optimizer = CbTraining.SgdWithoutBiasDecay(model, 0.1, 0.9, 0.25);
        Assert.Single(optimizer.ParamGroups);
        Assert.Equal(0.0, Decay(optimizer, 0));
    }

    [Fact]
    public void A_matrix_named_bias_is_not_decayed_at_the_top_or_in_a_child()
    {
        using var top = new MatrixBias(withWeight: true);
        using var topOptimizer = CbTraining.SgdWithoutBiasDecay(top, 0.1, 0.0, 0.5);
        Assert.Equal(2, topOptimizer.ParamGroups.Count());
        Assert.Same(top.weight, Group(topOptimizer, 0).Parameters.Single());
        Assert.Same(top.bias, Group(topOptimizer, 1).Parameters.Single());

        using var nested = nn.Sequential(("inner", new MatrixBias(withWeight: true)));
        using var nestedOptimizer = CbTraining.SgdWithoutBiasDecay(nested, 0.1, 0.0, 0.5);
        Assert.Equal(2, nestedOptimizer.ParamGroups.Count());
        Assert.Equal(1, Count(nestedOptimizer, 0));
        Assert.Equal(1, Count(nestedOptimizer, 1));
        Assert.Equal(new long[] { 2, 3 }, Group(nestedOptimizer, 1).Parameters.Single().shape);
    }

    [Fact]
    public void Null_layers_are_rejected_by_both_initialisers()
    {
        Assert.Equal("layer", Assert.Throws<ArgumentNullException>(() => CbTraining.InitializeBiasForSigmoid(null!)).ParamName);
        Assert.Equal("layer", Assert.Throws<ArgumentNullException>(() => CbTraining.InitializeBiasFromPrior(null!, 0.1)).ParamName);
    }

    [Fact]
    public void Two_classes_give_bias_zero()
    {
        using var layer = nn.Linear(3, 2);
        CbTraining.InitializeBiasForSigmoid(layer);
        Assert.All(TestData.Vector(layer.bias!), b => Assert.Equal(0.0, b));
    }

    /// <summary>A module whose parameter named "bias" is a matrix (so only its name marks it as a bias).</summary>
    private sealed class MatrixBias : nn.Module<Tensor, Tensor>
    {
#pragma warning disable IDE1006, SA1300 // TorchSharp registers fields by name
        public readonly Parameter? weight;
        public readonly Parameter bias;
#pragma warning restore IDE1006, SA1300

        internal MatrixBias(bool withWeight)
            : base(nameof(MatrixBias))
        {
            weight = withWeight ? nn.Parameter(ones(2, 3)) : null;
            bias = nn.Parameter(zeros(2, 3));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => input;
    }
}
