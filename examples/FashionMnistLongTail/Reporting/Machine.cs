using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace FashionMnistLongTail.Reporting;

/// <summary>A one-line description of the machine, for the reports.</summary>
public static class Machine
{
    /// <summary>CPU model (from /proc/cpuinfo where available), logical cores and OS.</summary>
    public static string Describe()
    {
        string cpu = RuntimeInformation.ProcessArchitecture.ToString();
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                string? line = File.ReadLines("/proc/cpuinfo")
                    .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null && line.Contains(':', StringComparison.Ordinal))
                {
                    cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
            // Keep the architecture.
        }

        return $"{cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
