using System;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace CbGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet args]</c> runs the benchmarks (e.g. <c>--filter *Loss*</c>, <c>--job short</c>);
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
