using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// <see cref="ClassifierNorms"/> against float64 loops written from the formulas: τ-normalisation
/// w_c / ‖w_c‖^τ (Kang et al., ICLR 2020) in value and gradient (autograd against central finite differences of the
/// loop), and the MaxNorm projection w_c · min(1, t / ‖w_c‖) of weight balancing (Alshammari et al., CVPR 2022).
/// </summary>
public class ClassifierNormsTests
{
    private static double[,] Rows(int seed, int c, int d)
    {
        var random = new Random(seed);
        var w = new double[c, d];
        for (int k = 0; k < c; k++)
        {
            double scale = 0.2 + 3.0 * k / c;          // rows of different norms, as after long-tailed training
            for (int j = 0; j < d; j++)
            {
                w[k, j] = (random.NextDouble() * 2.0 - 1.0) * scale;
            }
        }

        return w;
    }

    private static double Norm(double[,] w, int k)
    {
        double s = 0.0;
        for (int j = 0; j < w.GetLength(1); j++)
        {
            s += w[k, j] * w[k, j];
        }

        return Math.Sqrt(s);
    }

    /// <summary>The reference: a loop over rows and columns, w_kj / ‖w_k‖^τ; a zero row stays zero.</summary>
    private static double[,] TauNormalizeLoop(double[,] w, double tau)
    {
        var result = new double[w.GetLength(0), w.GetLength(1)];
        for (int k = 0; k < w.GetLength(0); k++)
        {
            double n = Norm(w, k);
            for (int j = 0; j < w.GetLength(1); j++)
            {
                result[k, j] = n == 0.0 ? 0.0 : w[k, j] / Math.Pow(n, tau);
            }
        }

        return result;
    }

    private static double[,] MaxNormLoop(double[,] w, double bound)
    {
        var result = (double[,])w.Clone();
        for (int k = 0; k < w.GetLength(0); k++)
        {
            double n = Norm(w, k);
            if (n > bound)
            {
                for (int j = 0; j < w.GetLength(1); j++)
                {
                    result[k, j] = w[k, j] * (bound / n);
                }
            }
        }

        return result;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(1.7)]
    public void Tau_normalisation_equals_the_loop_reference(double tau)
    {
        double[,] w = Rows(seed: 1, c: 5, d: 4);
        w[2, 0] = w[2, 1] = w[2, 2] = w[2, 3] = 0.0;     // a zero row stays zero (no 0/0)
        using var scope = NewDisposeScope();
        var actual = TestData.Matrix(ClassifierNorms.TauNormalize(TestData.ToTensor(w, ScalarType.Float64), tau));
        double[,] expected = TauNormalizeLoop(w, tau);
        for (int k = 0; k < 5; k++)
        {
            for (int j = 0; j < 4; j++)
            {
                TestData.Close(expected[k, j], actual[k, j], 1e-14, $"w'[{k},{j}] at τ = {tau}");
            }
        }
    }

    [Fact]
    public void Tau_one_gives_every_nonzero_row_unit_norm_and_leaves_the_input_alone()
    {
        double[,] w = Rows(seed: 2, c: 4, d: 3);
        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(w, ScalarType.Float64);
        var normalised = TestData.Matrix(ClassifierNorms.TauNormalize(input, 1.0));
        for (int k = 0; k < 4; k++)
        {
            TestData.Close(1.0, Norm(normalised, k), 1e-14, $"‖w'_{k}‖");
        }

        Assert.Equal(w, TestData.Matrix(input));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.3)]
    public void Tau_normalisation_gradient_matches_central_differences_of_the_loop(double tau)
    {
        double[,] w = Rows(seed: 3, c: 3, d: 4);
        double[,] g = Rows(seed: 4, c: 3, d: 4);          // L = Σ g ⊙ τnorm(w): every output entry weighs in
        double Loss(double[,] x)
        {
            double[,] y = TauNormalizeLoop(x, tau);
            double s = 0.0;
            for (int k = 0; k < 3; k++)
            {
                for (int j = 0; j < 4; j++)
                {
                    s += g[k, j] * y[k, j];
                }
            }

            return s;
        }

        using var scope = NewDisposeScope();
        var input = TestData.ToTensor(w, ScalarType.Float64, requiresGrad: true);
        ClassifierNorms.TauNormalize(input, tau).mul(TestData.ToTensor(g, ScalarType.Float64)).sum().backward();
        var analytic = TestData.Matrix(input.grad!);
        const double h = 1e-6;
        for (int k = 0; k < 3; k++)
        {
            for (int j = 0; j < 4; j++)
            {
                var plus = (double[,])w.Clone();
                var minus = (double[,])w.Clone();
                plus[k, j] += h;
                minus[k, j] -= h;
                TestData.Close((Loss(plus) - Loss(minus)) / (2 * h), analytic[k, j], 1e-7, $"∂L/∂w[{k},{j}] at τ = {tau}");
            }
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(100.0)]
    public void MaxNorm_projection_equals_the_loop_reference(double bound)
    {
        double[,] w = Rows(seed: 5, c: 6, d: 3);
        using var scope = NewDisposeScope();
        var weight = TestData.ToTensor(w, ScalarType.Float64);
        ClassifierNorms.ProjectMaxNorm(weight, bound);
        var actual = TestData.Matrix(weight);
        double[,] expected = MaxNormLoop(w, bound);
        for (int k = 0; k < 6; k++)
        {
            Assert.True(Norm(actual, k) <= bound * (1 + 1e-12), $"row {k} has norm {Norm(actual, k)} > {bound}");
            for (int j = 0; j < 3; j++)
            {
                TestData.Close(expected[k, j], actual[k, j], 1e-14, $"w[{k},{j}] after MaxNorm {bound}");
            }
        }
    }

    [Fact]
    public void MaxNorm_projection_of_a_trainable_parameter_is_in_place_and_not_recorded()
    {
        using var head = nn.Linear(3, 4);
        using (no_grad())
        {
            head.weight!.mul_(10.0);
        }

        ClassifierNorms.ProjectMaxNorm(head.weight!, 1.0);
        Assert.True(head.weight!.requires_grad);
        Assert.Null(head.weight!.grad);
        using var norms = head.weight!.detach().norm(1, p: 2);
        Assert.All(norms.data<float>().ToArray(), n => Assert.InRange(n, 0.0f, 1.0f + 1e-6f));
    }
}
