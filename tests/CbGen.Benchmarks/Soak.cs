using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.Benchmarks;

/// <summary>
/// Native-memory soak: N training steps (forward, backward, SGD update) of a small MLP with each loss, each step in
/// its own dispose scope, printing the resident set size (VmRSS) after a warm-up and at the end.
/// </summary>
internal static class Soak
{
    public static int Run(int steps, TextWriter output)
    {
        torch.set_num_threads(Math.Max(1, Environment.ProcessorCount));
        long[] counts = Enumerable.Range(0, 10).Select(i => (long)Math.Floor(5000 * Math.Pow(0.01, i / 9.0))).ToArray();
        var losses = new (string Name, Func<nn.Module<Tensor, Tensor, Tensor>> Make)[]
        {
            ("softmax", () => ClassBalancedSoftmaxLoss.FromCounts(counts, 0.9999, device: CbDevice.Cpu)),
            ("sigmoid", () => ClassBalancedSigmoidLoss.FromCounts(counts, 0.9999, device: CbDevice.Cpu)),
            ("focal", () => ClassBalancedFocalLoss.FromCounts(counts, 0.9999, gamma: 0.5, device: CbDevice.Cpu)),
        };
        output.WriteLine($"soak: {steps:N0} steps per loss, batch 128, MLP 784-256-10, {Environment.ProcessorCount} threads");
        output.WriteLine("| loss | RSS at start (MiB) | RSS at end (MiB) | growth | seconds |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        // The process itself grows during its first few thousand steps (glibc malloc arenas, libtorch's and the
        // JIT's caches), whichever loss runs first; warm every loss up before measuring any, so the table shows
        // what each loss does in steady state.
        int warmup = Math.Min(2_000, steps / 5);
        foreach (var (_, make) in losses)
        {
            RunSteps(make, warmup, measure: false);
        }

        bool ok = true;
        foreach (var (name, make) in losses)
        {
            var (start, end, seconds) = RunSteps(make, steps, measure: true);
            double growth = (end - start) / start;
            ok &= growth < 0.05;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {start:F1} | {end:F1} | {growth:P1} | {seconds:F1} |"));
        }

        output.WriteLine(ok ? "soak: RSS growth < 5 % for every loss" : "soak: RSS grew by 5 % or more for some loss");
        return ok ? 0 : 1;
    }

    private static (double StartMiB, double EndMiB, double Seconds) RunSteps(
        Func<nn.Module<Tensor, Tensor, Tensor>> make, int steps, bool measure)
    {
        torch.manual_seed(0);
        using var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        using var loss = make();
        using var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        using var x = randn(128, 784);
        using var y = randint(0, 10, new long[] { 128 }, dtype: ScalarType.Int64);
        TrainStep(model, loss, optimizer, x, y);
        double start = measure ? SettledRssMiB() : 0.0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) TrainStep(model, loss, optimizer, x, y);
        double seconds = clock.Elapsed.TotalSeconds;
        return (start, measure ? SettledRssMiB() : 0.0, seconds);
    }

    private static double SettledRssMiB()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return RssMiB();
    }

    private static void TrainStep(nn.Module<Tensor, Tensor> model, nn.Module<Tensor, Tensor, Tensor> loss,
        optim.Optimizer optimizer, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        loss.forward(model.forward(x), y).backward();
        optimizer.step();
    }

    private static double RssMiB()
    {
        const string Key = "VmRSS:";
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal));
        if (line is null) return double.NaN;
        string kb = line.Substring(Key.Length).Trim().Split(' ')[0];
        return double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
    }
}
