extern alias gen;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Benchmarks;

/// <summary>
/// The generator end to end on one large enum, timed with a stopwatch (a BenchmarkDotNet job would repeat a
/// 100,000-member build for many minutes): parse the enum, run the generator (first run, cold), emit the compilation
/// with its generated code (what a build does, cold), then the same steps warm, <paramref name="repeats"/> times, and
/// <c>Compilation.Emit</c> without the generated code. Same program as <see cref="GeneratorBenchmarks"/>.
/// <c>dotnet CbGen.Benchmarks.dll scale 100000</c>; <c>scale 8142 30 other/CbGen.Generators.dll</c> compares this generator
/// with another build of it instead (<see cref="Compare"/>).
/// </summary>
internal static class GeneratorScale
{
    public static int Run(int members, int repeats, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale: {members:N0} members, one focal config, no TorchSharp, {Environment.ProcessorCount} cores, {repeats} warm repeats"));

        var total = Stopwatch.StartNew();
        var (compilation, parse) = Time(() => GeneratorBenchmarks.Program(members));
        var (generated, generator) = Time(() => Generate(compilation));
        var (bytes, emit) = Time(() => Emit(generated.Compilation));
        total.Stop();
        long sourceBytes = generated.SourceBytes;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold, wall (process CPU) ms: parse {parse}, generator {generator}, Compilation.Emit with the generated code {emit}; "
            + $"end to end {total.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated source {sourceBytes:N0} bytes ({sourceBytes / 1048576.0:F2} MiB), assembly {bytes:N0} bytes"));
        if (repeats == 0)
        {
            return 0;
        }

        Steps(compilation, output);
        var runs = new List<(Timing Generator, Timing Without, Timing With)>();
        for (int i = 0; i < repeats; i++)
        {
            runs.Add((Time(() => Generate(compilation)).Time, Time(() => Emit(compilation)).Time, Time(() => Emit(generated.Compilation)).Time));
        }

        foreach (bool cpu in new[] { false, true })
        {
            double g = Median(runs, r => r.Generator, cpu), a = Median(runs, r => r.Without, cpu), b = Median(runs, r => r.With, cpu);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm, {(cpu ? "process CPU" : "wall")}, median of {repeats}: generator {g:F1} ms, Compilation.Emit without / with the generated code "
                + $"{a:F0} / {b:F0} ms, compile cost {b - a:F0} ms, generator / emit with = {100 * g / b:F1} %"));
        }

        return 0;
    }

    /// <summary>This generator against another build of it (<paramref name="otherAssembly"/>, e.g. the previous commit's
    /// CbGen.Generators.dll, loaded in its own context) on the same compilation: whether their texts are identical, and the
    /// process CPU time per run of each (garbage collections included) over <paramref name="runs"/> runs, the two
    /// alternating in blocks, on the warm compilation and on fresh clones of it.</summary>
    public static int Compare(int members, int runs, string otherAssembly, TextWriter output)
    {
        CSharpCompilation compilation = GeneratorBenchmarks.Program(members);
        var context = new System.Runtime.Loader.AssemblyLoadContext("other generator");
        var other = (IIncrementalGenerator)Activator.CreateInstance(context.LoadFromAssemblyPath(Path.GetFullPath(otherAssembly))
            .GetType(typeof(ClassBalancedGenerator).FullName!, throwOnError: true)!)!;
        IIncrementalGenerator[] generators = [new ClassBalancedGenerator(), other];
        string[] texts = generators.Select(g => string.Concat(Generate(compilation, g).Compilation.SyntaxTrees
            .Except(compilation.SyntaxTrees).Select(t => t.ToString()))).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compare: {members:N0} members, {runs} runs each; the texts are {(texts[0] == texts[1] ? "identical" : "DIFFERENT")} ({texts[0].Length:N0} chars)"));
        // Warm: as GeneratorBenchmarks' "generator, first run", a new driver on the same compilation, whose symbols and
        // attributes are already bound. Fresh: a new driver on a clone of the compilation (same syntax trees, nothing
        // bound), as a build or an edit of the enum's file gives the generator.
        // The two alternate in blocks of BlockRuns runs, each block after a full collection: the generators share one
        // heap, and alternating single runs would charge the garbage collections one generator's allocations cause
        // (large-object-heap allocations trigger full collections of the compiler's heap) to both alike.
        const int BlockRuns = 10;
        foreach (bool fresh in new[] { false, true })
        {
            var cpu = new double[2];
            var fullCollections = new int[2];
            for (int r = 0; r < runs; r += BlockRuns)
            {
                for (int g = 0; g < 2; g++)
                {
                    IIncrementalGenerator generator = generators[g];
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    int before = GC.CollectionCount(2);
                    for (int b = r; b < Math.Min(runs, r + BlockRuns); b++)
                    {
                        Compilation input = fresh ? compilation.Clone() : compilation;
                        cpu[g] += Time(() => CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() },
                            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false))
                            .RunGenerators(input)).Time.CpuMs;
                    }

                    fullCollections[g] += GC.CollectionCount(2) - before;
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generator CPU per run, {(fresh ? "fresh compilation" : "warm compilation")}: this {cpu[0] / runs:F1} ms, {otherAssembly} {cpu[1] / runs:F1} ms; this / other = {cpu[0] / cpu[1]:F2}; "
                + $"full collections per run {fullCollections[0] / (double)runs:F2} / {fullCollections[1] / (double)runs:F2}"));
        }

        return texts[0] == texts[1] ? 0 : 1;
    }

    private static (Compilation Compilation, long SourceBytes) Generate(CSharpCompilation compilation, IIncrementalGenerator? generator = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { (generator ?? new ClassBalancedGenerator()).AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation updated, out var diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException(string.Join("\n", diagnostics));
        }

        long bytes = updated.SyntaxTrees.Except(compilation.SyntaxTrees).Sum(t => (long)t.GetText().Length);
        return (updated, bytes);
    }

    /// <summary>Where a generator run's time goes: the incremental steps that took the longest (a tracked run, warm).</summary>
    private static void Steps(CSharpCompilation compilation, TextWriter output)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ClassBalancedGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        var steps = run.TrackedSteps.Concat(run.TrackedOutputSteps)
            .Select(pair => (pair.Key, Ms: pair.Value.Sum(step => step.ElapsedTime.TotalMilliseconds)))
            .OrderByDescending(step => step.Ms)
            .Take(5);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steps (tracked run, {driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:F1} ms): {string.Join(", ", steps.Select(s => s.Key + " " + s.Ms.ToString("F1", CultureInfo.InvariantCulture) + " ms"))}"));
    }

    private static long Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(10)));
        }

        return stream.Length;
    }

    /// <summary>Wall-clock and process CPU time of one step, in milliseconds. On a loaded machine the CPU time is the steadier.</summary>
    private readonly record struct Timing(double WallMs, double CpuMs)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WallMs:F0} ({CpuMs:F0})");
    }

    private static (T Value, Timing Time) Time<T>(Func<T> action)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        T value = action();
        watch.Stop();
        process.Refresh();
        return (value, new Timing(watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds));
    }

    private static double Median<T>(List<T> runs, Func<T, Timing> pick, bool cpu)
    {
        var sorted = runs.Select(r => cpu ? pick(r).CpuMs : pick(r).WallMs).OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
