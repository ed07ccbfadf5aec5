using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace CbGen.IntegrationTests;

/// <summary>
/// Issue 11: a real <c>dotnet build</c> of a small consumer with the two nested <c>Label</c> enums of
/// docs/diagnostics.md (CB010). The generator must keep the clashing types out of the compilation, so the build
/// shows CB010 (and the CB001 of a third enum) instead of CS0101 in generated files. The consumer references the
/// built CbGen.dll and the generator as an analyzer, so only the consumer itself is compiled.
/// </summary>
public sealed class DotnetBuildTests
{
    private const string Source = """
        using CbGen;

        namespace Pets
        {
            public static class Cats { [ClassBalanced] public enum Label { [Samples(10)] Tabby, [Samples(3)] Siamese } }
            public static class Dogs { [ClassBalanced] public enum Label { [Samples(10)] Beagle, [Samples(3)] Poodle } }
            [ClassBalanced] public enum Birds { [Samples(10)] Crow, Sparrow }
        }
        """;

    [Fact]
    public void The_CB010_example_shows_CB010_in_dotnet_build_and_no_CS_error()
    {
        string generator = FindGenerator();
        string cbgen = Path.Combine(AppContext.BaseDirectory, "CbGen.dll");
        Assert.True(File.Exists(cbgen), "No CbGen.dll next to the tests.");
        string folder = Path.Combine(Path.GetTempPath(), "cbgen-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="CbGen" HintPath="{cbgen}" />
                    <Analyzer Include="{generator}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Pets.cs"), Source);

            (int exitCode, string output) = Run(folder, "build", "-nologo", "-v", "q", "--disable-build-servers");

            string[] errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToArray();
            Assert.True(exitCode != 0, "The build should fail with CB010:\n" + output);
            Assert.True(errors.Count(l => l.Contains("error CB010", StringComparison.Ordinal)) == 2, "Expected CB010 on both enums:\n" + output);
            Assert.Contains(errors, l => l.Contains("error CB001", StringComparison.Ordinal) && l.Contains("Sparrow", StringComparison.Ordinal));
            Assert.DoesNotContain(errors, l => l.Contains("error CS", StringComparison.Ordinal));
            Assert.All(errors.Where(l => l.Contains("error CB010", StringComparison.Ordinal)),
                l => Assert.Contains("Pets.cs(", l, StringComparison.Ordinal));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A build node may still hold a file; the temporary folder is left behind.
            }
        }
    }

    /// <summary>The generator built next to this test project (the newest CbGen.Generators.dll under its bin).</summary>
    private static string FindGenerator()
    {
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "CbGen.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.True(root is not null, "No repository root above " + AppContext.BaseDirectory);
        string bin = Path.Combine(root!, "generators", "CbGen.Generators", "bin");
        string? dll = Directory.Exists(bin)
            ? Directory.GetFiles(bin, "CbGen.Generators.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        Assert.True(dll is not null, "CbGen.Generators.dll is not built under " + bin);
        return dll!;
    }

    private static (int ExitCode, string Output) Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " took more than 5 minutes:\n" + output);
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
