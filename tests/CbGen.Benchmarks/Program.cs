using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;

namespace CbGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet args]</c> runs the benchmarks (e.g. <c>--filter '*LongTail*'</c> for one
/// class, <c>--anyCategories Focal</c> for one category), with BenchmarkDotNet's short job unless <c>--job</c> is given;
/// with no arguments, every benchmark (what <c>./build.sh bench</c> runs).
/// <c>dotnet run -c Release -- soak [steps]</c> runs the native-memory soak (10,000 steps per loss by default).
/// <c>dotnet run -c Release -- scale [members] [repeats] [other CbGen.Generators.dll]</c> times the generator and the
/// compile of its code on one large enum (100,000 members and 3 warm repeats by default), or compares the generator with
/// another build of it.
/// <c>dotnet run -c Release -- db-ratio [rounds] [BxC,…] [--steady-heap]</c> times the distribution-balanced loss against
/// the fused BCE with one libtorch thread in alternating rounds (31 rounds at 128x1000, 64x8142 and 256x10 by default);
/// <c>--steady-heap</c> stops glibc returning freed memory to the system, so that neither loss pays page faults.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "soak")
        {
            int steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
            return Soak.Run(steps, Console.Out);
        }

        if (args.Length > 0 && args[0] == "scale")
        {
            int members = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
            int repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
            return args.Length > 3
                ? GeneratorScale.Compare(members, repeats, args[3], Console.Out)
                : GeneratorScale.Run(members, repeats, Console.Out);
        }

        if (args.Length > 0 && args[0] == "db-ratio")
        {
            bool steadyHeap = Array.IndexOf(args, "--steady-heap") > 0;
            var rest = Array.FindAll(args, a => a != "--steady-heap");
            int rounds = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 31;
            var shapes = rest.Length > 2 ? rest[2].Split(',') : MultiLabelLossRatio.DefaultShapes;
            return MultiLabelLossRatio.Run(rounds, shapes, Console.Out, steadyHeap);
        }

        if (args.Length == 0)
        {
            args = new[] { "--filter", "*" };
        }

        // BenchmarkDotNet's short job unless the caller picks one (e.g. --job medium): the default job takes many
        // minutes per class, and a filter alone is the common way to rerun one class.
        if (Array.IndexOf(args, "--job") < 0 && Array.IndexOf(args, "-j") < 0)
        {
            args = args.Concat(new[] { "--job", "short" }).ToArray();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
