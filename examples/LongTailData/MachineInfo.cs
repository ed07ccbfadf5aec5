using System;
using System.IO;
using System.Linq;

namespace LongTailData;

/// <summary>What a benchmark's results file says about the machine it ran on: the CPU model and the load average,
/// read from <c>/proc</c> where it exists.</summary>
public static class MachineInfo
{
    /// <summary>The CPU's model name, as lscpu prints it (read from /proc/cpuinfo), or "unknown CPU".</summary>
    public static string CpuModel()
    {
        const string Key = "model name";
        try
        {
            string? line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal))
                : null;
            return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    /// <summary>The 1-, 5- and 15-minute load averages ("0.52 0.61 0.70"), or "unknown" where /proc/loadavg cannot
    /// be read.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg")
                ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
                : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
