using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Input on which <see cref="ClassifierNorms"/> would give NaN or a silent wrong answer: a classifier whose logits are
/// not finite, a τ whose scale ‖w_c‖^τ the weight's dtype cannot hold, and a MaxNorm bound that underflows in it.
/// Each is an <see cref="ArgumentException"/> naming the value and the fix.
/// </summary>
public class ClassifierNormsInputTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Selecting_tau_for_a_classifier_with_a_non_finite_weight_is_refused_naming_the_class(float value)
    {
        using var head = nn.Linear(2, 3);
        using (no_grad())
        {
            head.weight![1, 0] = tensor(value);
        }

        using var x = randn(6, 2);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2 });

        var e = Assert.Throws<ArgumentException>(() => ClassifierNorms.SelectTau(head, x, y));

        Assert.Equal("head", e.ParamName);
        Assert.Contains("At τ = 0 the τ-normalised logits hold a non-finite value", e.Message, StringComparison.Ordinal);
        Assert.Contains("column 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("check class 1's row of the trained head", e.Message, StringComparison.Ordinal);
    }
}
