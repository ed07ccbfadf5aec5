using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- db-ratio [rounds] [shapes]</c>: the distribution-balanced loss's forward + backward
/// against the fused <c>binary_cross_entropy_with_logits</c> on the same tensors (<see cref="MultiLabelLossBenchmarks"/>'
/// data), with one libtorch thread and the calling thread's CPU time (Linux; process CPU time elsewhere), in
/// alternating rounds; prints the median ratio and its
/// quartiles per shape. Meant for a loaded machine, where BenchmarkDotNet's wall-clock times wander: the two losses of
/// a round share its conditions, so their ratio is steadier than either time.
/// </summary>
internal static class MultiLabelLossRatio
{
    internal static readonly string[] DefaultShapes = { "128x1000", "64x8142", "256x10" };

    internal static int Run(int rounds, IReadOnlyList<string> shapes, TextWriter output, bool steadyHeap = false)
    {
        torch.set_num_threads(1);
        string heap = steadyHeap ? SteadyHeap() : "glibc's default heap";
        output.WriteLine(FormattableString.Invariant(
            $"DB / fused BCE, forward + backward, float32 CPU, 1 libtorch thread, {rounds} alternating rounds, {heap}"));
        foreach (string shape in shapes)
        {
            var (logits, targets, db) = MultiLabelLossBenchmarks.Data(shape);
            using (db)
            using (logits)
            using (targets)
            {
                void Step(Func<Tensor> loss)
                {
                    using var scope = NewDisposeScope();
                    loss().backward();
                    logits.grad!.zero_();
                }

                Action bce = () => Step(() => nn.functional.binary_cross_entropy_with_logits(logits, targets));
                Action dbStep = () => Step(() => db.forward(logits, targets));
                int steps = (int)Math.Max(5, 1_300_000 / logits.numel());
                for (int i = 0; i < 5; i++)
                {
                    bce();
                    dbStep();
                }

                var ratios = new List<double>();
                for (int r = 0; r < rounds; r++)
                {
                    double first = Time(r % 2 == 0 ? bce : dbStep, steps);
                    double second = Time(r % 2 == 0 ? dbStep : bce, steps);
                    ratios.Add(r % 2 == 0 ? second / first : first / second);
                }

                ratios.Sort();
                output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0,-9} {1:F2}x (quartiles {2:F2}-{3:F2}, {4} steps per round)", shape, ratios[ratios.Count / 2],
                    ratios[(ratios.Count - 1) / 4], ratios[3 * (ratios.Count - 1) / 4], steps));
            }
        }

        return 0;
    }

    /// <summary>
    /// With glibc's defaults, a freed [B, C] buffer may go back to the system and the next allocation faults it in
    /// again (about as costly as a pass over it at 128 × 1000), and whether it does depends on what the other loss
    /// of the round left on the heap: one loss's allocations move the other's time, and the ratio jumps between
    /// runs. This keeps freed memory in the process (no trimming, no mmap below 32 MB), so that both losses are
    /// timed on compute alone. Linux with glibc only.
    /// </summary>
    private static string SteadyHeap()
    {
        const int trimThreshold = -1;   // M_TRIM_THRESHOLD
        const int mmapThreshold = -3;   // M_MMAP_THRESHOLD
        bool ok = OperatingSystem.IsLinux()
            && NativeMethods.mallopt(trimThreshold, int.MaxValue) == 1
            && NativeMethods.mallopt(mmapThreshold, 32 * 1024 * 1024) == 1;
        return ok ? "steady heap (no trim, no mmap below 32 MB)" : "steady heap requested but mallopt failed: default heap";
    }

    private static double Time(Action step, int steps)
    {
        double start = CpuSeconds();
        for (int i = 0; i < steps; i++)
        {
            step();
        }

        return CpuSeconds() - start;
    }

    /// <summary>The calling thread's CPU time on Linux (with one libtorch thread, the CPU ops and autograd run on
    /// it), the process's elsewhere.</summary>
    private static double CpuSeconds()
    {
        if (OperatingSystem.IsLinux() && NativeMethods.clock_gettime(NativeMethods.ThreadCpuClock, out var now) == 0)
        {
            return now.Seconds + (now.Nanoseconds * 1e-9);
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static class NativeMethods
    {
        internal const int ThreadCpuClock = 3;   // CLOCK_THREAD_CPUTIME_ID

        [StructLayout(LayoutKind.Sequential)]
        internal struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int clock_gettime(int clock, out TimeSpec time);

        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int mallopt(int param, int value);
    }
}
