using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// One loss module called from two threads at once, one with float32 logits and one with float64 (or two batch
/// sizes): the per-module caches (the cast weights, α / n, the identity matrix, the shifts and scales, DB's 1/n_c and
/// −λν) keep one tensor per dtype and device, so neither call disposes a tensor the other is using. Every result
/// and input gradient equals the single-threaded one for its dtype bit for bit, and nothing throws.
/// </summary>
public sealed class ConcurrentDtypeTests
{
    private const int Classes = 5;
    private const int Iterations = 300;
    private static readonly long[] Counts = { 500, 120, 40, 9, 3 };
    private static readonly double[] Weights = { 0.2, 0.5, 1.0, 2.0, 3.5 };

    public static TheoryData<string> Kinds() =>
        new() { "logit-adjusted", "vs", "ldam", "softmax", "sigmoid", "focal", "db" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Concurrent_float32_and_float64_calls_give_the_single_threaded_results(string kind)
    {
        using var loss = Make(kind);
        Race(loss, kind, (ScalarType.Float32, 8), (ScalarType.Float64, 8));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Concurrent_calls_with_two_batch_sizes_give_the_single_threaded_results(string kind)
    {
        using var loss = Make(kind);
        Race(loss, kind, (ScalarType.Float32, 8), (ScalarType.Float32, 6));
    }

    private static PerClassLoss Make(string kind) => kind switch
    {
        "logit-adjusted" => new LogitAdjustedLoss(Counts, weight: Weights, device: CbDevice.Cpu),
        "vs" => new VectorScalingLoss(Counts, weight: Weights, device: CbDevice.Cpu),
        "ldam" => new LdamLoss(Counts, weight: Weights, device: CbDevice.Cpu),
        "softmax" => new ClassBalancedSoftmaxLoss(Weights, normalizer: MeanNormalizer.PositiveLabels, device: CbDevice.Cpu),
        "sigmoid" => new ClassBalancedSigmoidLoss(Weights, normalizer: MeanNormalizer.PositiveLabels, device: CbDevice.Cpu),
        "focal" => new ClassBalancedFocalLoss(Weights, gamma: 2.0, normalizer: MeanNormalizer.PositiveLabels,
            device: CbDevice.Cpu),
        "db" => new DistributionBalancedLoss(Counts, samples: 1000, device: CbDevice.Cpu),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static void Race(
        PerClassLoss loss, string kind, (ScalarType Dtype, int Batch) first, (ScalarType Dtype, int Batch) second)
    {
        var expectedFirst = Step(loss, kind, first.Dtype, first.Batch);
        var expectedSecond = Step(loss, kind, second.Dtype, second.Batch);
        var failures = new ConcurrentQueue<string>();
        using var start = new Barrier(2);

        void Run((ScalarType Dtype, int Batch) call, double[] expected)
        {
            start.SignalAndWait();
            for (int i = 0; i < Iterations && failures.IsEmpty; i++)
            {
                try
                {
                    var actual = Step(loss, kind, call.Dtype, call.Batch);
                    if (!BitEqual(expected, actual))
                    {
                        failures.Enqueue($"{call.Dtype} B={call.Batch}, iteration {i}: [{string.Join(", ", actual)}]"
                            + $" instead of [{string.Join(", ", expected)}]");
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue($"{call.Dtype} B={call.Batch}, iteration {i}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        var tasks = new[]
        {
            Task.Factory.StartNew(() => Run(first, expectedFirst), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => Run(second, expectedSecond), TaskCreationOptions.LongRunning),
        };
        Task.WaitAll(tasks);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(4)));
    }

    /// <summary>One forward and backward: the loss followed by the logits' gradient, as float64.</summary>
    private static double[] Step(PerClassLoss loss, string kind, ScalarType dtype, int batch)
    {
        using var scope = NewDisposeScope();
        var values = new double[batch * Classes];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Sin(0.7 * i + 0.3) * 2.5;
        }

        var logits = tensor(values, dtype).reshape(batch, Classes).requires_grad_();
        var labels = Enumerable.Range(0, batch).Select(i => (long)((i * 3) % Classes)).ToArray();
        var target = kind == "db"
            ? nn.functional.one_hot(tensor(labels), Classes).to(dtype)
            : tensor(labels);
        var value = loss.forward(logits, target);
        value.backward();
        var result = new double[1 + values.Length];
        result[0] = value.to(ScalarType.Float64).item<double>();
        logits.grad!.to(ScalarType.Float64).data<double>().CopyTo(result, 1);
        return result;
    }

    private static bool BitEqual(double[] expected, double[] actual) =>
        expected.Length == actual.Length
        && expected.Zip(actual).All(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second));
}
