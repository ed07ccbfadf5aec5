using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace CbGen.Package.Tests;

/// <summary>
/// A new project that knows CbGen only through the packed packages: restored from the temporary feed into an
/// isolated packages folder (TorchSharp and libtorch resolve offline from the machine's global packages folder,
/// used as a fallback folder), built with the generator from the CbGen package, and run on libtorch's CPU backend.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageConsumerTests
{
    private static readonly long[] FruitCounts = { 900, 90, 10 };
    private const double FruitBeta = 0.999;

    private readonly PackedPackages _packages;

    public PackageConsumerTests(PackedPackages packages)
    {
        _packages = packages;
        _packages.AssertPacked();
    }

    [Fact]
    public void A_consumer_restores_the_packages_builds_with_the_generator_and_runs_the_generated_loss()
    {
        string consumer = Path.Combine(_packages.WorkDirectory, "consumer");
        string isolatedPackages = Path.Combine(_packages.WorkDirectory, "packages");
        WriteConsumer(consumer, isolatedPackages);

        CommandResult build = DotNet.Run(consumer, TimeSpan.FromMinutes(10),
            "build", "-c", "Release", "-nologo", "-v", "q", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.Describe());

        // CbGen came from the feed (into the isolated folder); TorchSharp from the fallback folder, not copied.
        Assert.True(Directory.Exists(Path.Combine(isolatedPackages, "cbgen", _packages.Version.ToLowerInvariant())));
        Assert.True(Directory.Exists(Path.Combine(isolatedPackages, "cbgen.torchsharp", _packages.Version.ToLowerInvariant())));
        Assert.False(Directory.Exists(Path.Combine(isolatedPackages, "torchsharp")));

        // The generator ran as an analyzer of the build (EmitCompilerGeneratedFiles keeps its output on disk).
        string[] generated = Directory.GetFiles(Path.Combine(consumer, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(p => p.Contains("CbGen.Generators", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray()!;
        // CbGen.ML brings Microsoft.ML, so the generator adds the ML.NET helpers (FruitMlNet) too.
        Assert.Equal(new[] { "PackageConsumer.Fruit.FruitLoss.g.cs", "PackageConsumer.Fruit.FruitMlNet.g.cs", "PackageConsumer.Fruit.FruitWeights.g.cs" }, generated);

        string app = Path.Combine(consumer, "bin", "Release", "net10.0", "linux-x64", "PackageConsumer.dll");
        CommandResult run = DotNet.Run(consumer, TimeSpan.FromMinutes(2), app);
        Assert.True(run.ExitCode == 0, run.Describe());
        Dictionary<string, string> printed = run.Output.Split('\n')
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());

        // The generated table is exactly what the library computes.
        double[] expectedWeights = ClassBalancedWeights.Compute(FruitCounts, FruitBeta);
        double[] weights = Doubles(printed["weights"]);
        Assert.Equal(expectedWeights.Length, weights.Length);
        for (int c = 0; c < weights.Length; c++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedWeights[c]), BitConverter.DoubleToInt64Bits(weights[c]));
        }

        // The generated loss: mean over the batch of α_y · (logsumexp(x) - x_y), by hand in float64.
        double[] logits = Doubles(printed["logits"]);
        int[] labels = printed["labels"].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        int classes = FruitCounts.Length;
        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < classes; c++)
            {
                max = Math.Max(max, logits[(i * classes) + c]);
            }

            double exps = 0;
            for (int c = 0; c < classes; c++)
            {
                exps += Math.Exp(logits[(i * classes) + c] - max);
            }

            sum += expectedWeights[labels[i]] * (max + Math.Log(exps) - logits[(i * classes) + labels[i]]);
        }

        double expectedLoss = sum / labels.Length;
        double loss = double.Parse(printed["loss"], CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(loss - expectedLoss) <= 1e-5 * Math.Abs(expectedLoss),
            "loss " + loss.ToString("R", CultureInfo.InvariantCulture) + ", expected " + expectedLoss.ToString("R", CultureInfo.InvariantCulture));

        // CbGen.Testing works in a project that also references CbGen (no clash with the generator's own copy of the maths).
        Assert.Equal("Snap.Label.LabelWeights.g.cs,Snap.Label.LabelLoss.g.cs", printed["testing"]);

        // CbGen.ML: the weight column a weighted SDCA model trained on is the table ClassBalancedWeights.Compute gives.
        Assert.Equal(ClassBalancedWeights.Compute(new long[] { 40, 4 }, 0.99).Select(w => (float)w).ToArray(),
            printed["mlnet-weights"].Split(',').Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal("big,small", printed["mlnet-predicted"]);
    }

    /// <summary>
    /// A net8.0 project (still widely deployed) restores CbGen.TorchSharp's net8.0 build, compiles with the
    /// generator and runs; only the .NET 10 runtime is installed here, so it runs rolled forward.
    /// </summary>
    [Fact]
    public void A_net8_consumer_restores_the_net8_build_of_the_runtime_and_runs()
    {
        string consumer = Path.Combine(_packages.WorkDirectory, "consumer-net8");
        string isolatedPackages = Path.Combine(_packages.WorkDirectory, "packages-net8");
        WriteConsumer(consumer, isolatedPackages, "net8.0");

        CommandResult build = DotNet.Run(consumer, TimeSpan.FromMinutes(5),
            "build", "-c", "Release", "-nologo", "-v", "q", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, build.Describe());
        // NuGet chose the package's net8.0 build to compile against.
        using (JsonDocument assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json"))))
        {
            JsonElement library = assets.RootElement.GetProperty("targets").GetProperty("net8.0").EnumerateObject()
                .Single(p => p.Name.StartsWith("CbGen.TorchSharp/", StringComparison.Ordinal)).Value;
            Assert.Equal(new[] { "lib/net8.0/CbGen.TorchSharp.dll" },
                library.GetProperty("compile").EnumerateObject().Select(p => p.Name));
        }

        string app = Path.Combine(consumer, "bin", "Release", "net8.0", "linux-x64", "PackageConsumer.dll");
        CommandResult run = DotNet.Run(consumer, TimeSpan.FromMinutes(2), app);
        Assert.True(run.ExitCode == 0, run.Describe());
        string loss = run.Output.Split('\n').Single(l => l.StartsWith("loss=", StringComparison.Ordinal))["loss=".Length..];
        Assert.True(double.IsFinite(double.Parse(loss, CultureInfo.InvariantCulture)) && double.Parse(loss, CultureInfo.InvariantCulture) > 0, run.Output);
    }

    private void WriteConsumer(string directory, string isolatedPackages, string targetFramework = "net10.0")
    {
        ConsumerFolder.Create(directory, _packages.Feed);
        // CbGen.ML (and its part of the consumer, MlNet.cs) targets net10.0 only; Program.cs calls it under #if.
        bool mlNet = targetFramework == "net10.0";
        foreach (string source in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer"), "*.cs"))
        {
            if (mlNet || Path.GetFileName(source) != "MlNet.cs")
            {
                File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
            }
        }

        new XDocument(new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("OutputType", "Exe"),
                new XElement("TargetFramework", targetFramework),
                // An older target runs on the newest installed runtime (this machine has only .NET 10); it is
                // run as `dotnet app.dll`, so no apphost (whose net8.0 pack is not in the SDK) is needed.
                new XElement("RollForward", "Major"),
                new XElement("UseAppHost", "false"),
                new XElement("AssemblyName", "PackageConsumer"),
                new XElement("RootNamespace", "PackageConsumer"),
                new XElement("Nullable", "enable"),
                new XElement("ImplicitUsings", "disable"),
                new XElement("LangVersion", "latest"),
                new XElement("TreatWarningsAsErrors", "true"),
                // Only the linux-x64 natives of libtorch are copied.
                new XElement("RuntimeIdentifier", "linux-x64"),
                new XElement("SelfContained", "false"),
                new XElement("SatelliteResourceLanguages", "en"),
                ConsumerFolder.LinkedCopies(),
                new XElement("EmitCompilerGeneratedFiles", "true"),
                ConsumerFolder.RestoreProperties(isolatedPackages)),
            new XElement("ItemGroup",
                // CbGen itself comes in through CbGen.TorchSharp's dependency, with the generator.
                ConsumerFolder.PackageReference("CbGen.TorchSharp", _packages.Version),
                ConsumerFolder.PackageReference("CbGen.Testing", _packages.Version),
                mlNet ? ConsumerFolder.PackageReference("CbGen.ML", _packages.Version) : null,
                ConsumerFolder.PackageReference("libtorch-cpu-linux-x64", _packages.CentralVersion("libtorch-cpu-linux-x64")))))
            .Save(Path.Combine(directory, "PackageConsumer.csproj"));
    }

    private static double[] Doubles(string csv) =>
        csv.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
