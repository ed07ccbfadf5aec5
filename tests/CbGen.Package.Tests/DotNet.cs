using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace CbGen.Package.Tests;

/// <summary>The output of one <c>dotnet</c> command.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    /// <summary>The command, its exit code and the last lines of its output, for assertion messages.</summary>
    public string Describe(int lines = 60)
    {
        string[] all = Output.Split('\n');
        return "`" + Command + "` exited with " + ExitCode + "; last lines of its output:\n"
            + string.Join("\n", all.Skip(Math.Max(0, all.Length - lines)));
    }
}

/// <summary>Runs the <c>dotnet</c> CLI as a child process, with a clean MSBuild environment and a time limit.</summary>
public static class DotNet
{
    public static CommandResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run(workingDirectory, timeout, new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>dotnet</c> with extra environment variables (e.g. <c>CBGEN_ACCEPT_SNAPSHOTS=1</c>).</summary>
    public static CommandResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` runs us under MSBuild, whose environment (MSBuildExtensionsPath, MSBuildSDKsPath, …) must not
        // leak into an independent build.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // A developer who accepts snapshots in this repository must not accept the consumers' snapshots by accident.
        start.Environment.Remove("CBGEN_ACCEPT_SNAPSHOTS");
        foreach (KeyValuePair<string, string> variable in environment)
        {
            start.Environment[variable.Key] = variable.Value;
        }

        string command = string.Concat(environment.Select(v => v.Key + "=" + v.Value + " ")) + "dotnet " + string.Join(" ", arguments);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
            {
                return new CommandResult(command, -1, output + "\n(killed after " + timeout + ")");
            }
        }

        process.WaitForExit();   // drains the redirected streams
        lock (output)
        {
            return new CommandResult(command, process.ExitCode, output.ToString());
        }
    }
}
