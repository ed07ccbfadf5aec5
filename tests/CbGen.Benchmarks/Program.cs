using System;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace CbGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet args]</c> runs the benchmarks (e.g. <c>--filter *Loss*</c>, <c>--job short</c>);
/// with no arguments, every benchmark with BenchmarkDotNet's short job (what <c>./build.sh bench</c> runs).
/// <c>dotnet run -c Release -- soak [steps]</c> runs the native-memory soak (10,000 steps per loss by default).
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

        if (args.Length == 0)
        {
            args = new[] { "--filter", "*", "--job", "short" };
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
