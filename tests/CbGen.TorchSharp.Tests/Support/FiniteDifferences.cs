using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>Autograd gradients of a scalar loss against central finite differences in float64.</summary>
internal static class FiniteDifferences
{
    internal static void Check(nn.Module<Tensor, Tensor, Tensor> loss, double[,] z, Tensor target,
        double h = 1e-6, double rel = 1e-7)
    {
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        loss.forward(input, target).backward();
        var analytic = TestData.Matrix(input.grad!);
        for (int i = 0; i < z.GetLength(0); i++)
        {
            for (int k = 0; k < z.GetLength(1); k++)
            {
                double Value(double delta)
                {
                    var shifted = (double[,])z.Clone();
                    shifted[i, k] += delta;
                    using var inner = NewDisposeScope();
                    using var noGrad = no_grad();
                    return TestData.Scalar(loss.forward(TestData.ToTensor(shifted, ScalarType.Float64), target));
                }

                double numeric = (Value(h) - Value(-h)) / (2 * h);
                TestData.Close(numeric, analytic[i, k], rel, $"∂L/∂z[{i},{k}]");
            }
        }
    }
}
