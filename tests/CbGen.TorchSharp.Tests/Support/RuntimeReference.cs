using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Float64 loop references of whole reduced losses (built on <see cref="Reference"/>) and small tensor helpers for
/// the mutation-gap tests (issue 16).
/// </summary>
internal static class RuntimeReference
{
    /// <summary>The Mean of any variant for class-index labels (no label smoothing).</summary>
    internal static double Mean(CbLoss variant, double[,] z, long[] y, double[] alpha, MeanNormalizer n,
        long ignoreIndex = -100, double gamma = 2.0)
    {
        if (variant == CbLoss.Softmax)
        {
            double value = Reference.SoftmaxMean(z, y, alpha, ignoreIndex, 0.0, n);
            return double.IsNaN(value) ? 0.0 : value;    // every label ignored, or all applied weights 0
        }

        var (t, w) = Reference.IndexTargets(y, alpha, z.GetLength(1));
        var e = variant == CbLoss.Sigmoid ? Reference.SigmoidElements(z, t, w) : Reference.FocalElements(z, t, w, gamma);
        return Reference.Sum(e) / Reference.SigmoidDenominator(t, alpha, y, n);
    }

    /// <summary>The logits rounded to <paramref name="dtype"/> and read back, so a reference sees what the loss saw.</summary>
    internal static double[,] RoundedTo(double[,] z, ScalarType dtype)
    {
        using var t = TestData.ToTensor(z, dtype);
        return TestData.Matrix(t);
    }

    /// <summary>Labels as a non-contiguous Int64 tensor (a strided view), which takes the min/max validation path
    /// that GPU labels take.</summary>
    internal static Tensor NonContiguous(long[] labels)
    {
        var doubled = new long[labels.Length * 2];
        for (int i = 0; i < labels.Length; i++)
        {
            doubled[2 * i] = labels[i];
            doubled[2 * i + 1] = -7;     // never read
        }

        using var pairs = tensor(doubled, new long[] { labels.Length, 2 }, ScalarType.Int64);
        var view = pairs.select(1, 0);
        Assert.False(view.is_contiguous());
        return view;
    }

    internal static Loss<Tensor, Tensor, Tensor> Module(CbLoss variant, double[] alpha, MeanNormalizer n,
        long ignoreIndex = -100, double gamma = 2.0) => variant switch
        {
            CbLoss.Softmax => new ClassBalancedSoftmaxLoss(alpha, normalizer: n, ignore_index: ignoreIndex, device: CbDevice.Cpu),
            CbLoss.Sigmoid => new ClassBalancedSigmoidLoss(alpha, normalizer: n, device: CbDevice.Cpu),
            _ => new ClassBalancedFocalLoss(alpha, gamma: gamma, normalizer: n, device: CbDevice.Cpu),
        };

    internal static Tensor Functional(CbLoss variant, Tensor z, Tensor y, Tensor weight, MeanNormalizer n,
        long ignoreIndex = -100, double gamma = 2.0) => variant switch
        {
            CbLoss.Softmax => CbFunctional.cb_softmax_cross_entropy(z, y, weight, normalizer: n, ignore_index: ignoreIndex),
            CbLoss.Sigmoid => CbFunctional.cb_sigmoid_cross_entropy(z, y, weight, normalizer: n),
            _ => CbFunctional.cb_focal_loss(z, y, weight, gamma: gamma, normalizer: n),
        };

    internal static double Value(Tensor loss) => TestData.Scalar(loss);

    internal static double Tolerance(ScalarType dtype) => dtype switch
    {
        ScalarType.Float64 => 1e-10,
        ScalarType.Float32 => 1e-5,
        _ => 3e-2,
    };

    internal static double Close(double expected, Tensor actual, ScalarType dtype, string what)
    {
        double value = Value(actual);
        TestData.Close(expected, value, Tolerance(dtype), what);
        return value;
    }

    internal static string Name(CbLoss variant, MeanNormalizer n) =>
        variant.ToString() + "/" + n.ToString();
}
